import CGEOS

extension NativeGeometry {
    /// Borrows a pooled context for one operation on this geometry.
    func withContext<R>(_ body: (GEOSContext) throws(GEOSError) -> R) throws(GEOSError) -> R {
        try withExtendedLifetime(self) { () throws(GEOSError) in try GEOSContextPool.shared.withContext(body) }
    }

    /// Planar area in the square units of the coordinates (use a projected CRS for m²).
    public func area() throws(GEOSError) -> Double {
        try withContext { c throws(GEOSError) in try c.measure(operation: "area") { GEOSArea_r(c.handle, pointer, $0) } }
    }

    /// Planar length (perimeter for polygons).
    public func length() throws(GEOSError) -> Double {
        try withContext { c throws(GEOSError) in try c.measure(operation: "length") { GEOSLength_r(c.handle, pointer, $0) } }
    }

    /// The shortest planar distance between the two geometries.
    public func distance(to other: NativeGeometry) throws(GEOSError) -> Double {
        try withExtendedLifetime(other) { () throws(GEOSError) in
            try withContext { c throws(GEOSError) in
                try c.measure(operation: "distance") { GEOSDistance_r(c.handle, pointer, other.pointer, $0) }
            }
        }
    }

    /// Whether the geometries are within `distance` of each other — exact, unlike buffer-then-contains.
    public func isWithinDistance(_ distance: Double, of other: NativeGeometry) throws(GEOSError) -> Bool {
        try withExtendedLifetime(other) { () throws(GEOSError) in
            try withContext { c throws(GEOSError) in
                try c.predicate(GEOSDistanceWithin_r(c.handle, pointer, other.pointer, distance), operation: "distance-within")
            }
        }
    }
}
