import CGEOS

extension NativeGeometry {
    public func intersection(_ other: NativeGeometry) throws(GEOSError) -> NativeGeometry {
        try binary(other, "intersection", GEOSIntersection_r)
    }

    public func difference(_ other: NativeGeometry) throws(GEOSError) -> NativeGeometry {
        try binary(other, "difference", GEOSDifference_r)
    }

    public func union(_ other: NativeGeometry) throws(GEOSError) -> NativeGeometry {
        try binary(other, "union", GEOSUnion_r)
    }

    private func binary(
        _ other: NativeGeometry, _ name: String,
        _ operation: (GEOSContextHandle_t?, OpaquePointer?, OpaquePointer?) -> OpaquePointer?
    ) throws(GEOSError) -> NativeGeometry {
        try withExtendedLifetime(other) { () throws(GEOSError) in
            try withContext { c throws(GEOSError) in try c.adopt(operation(c.handle, pointer, other.pointer), operation: name) }
        }
    }

    /// The union of many geometries in one cascaded pass (far faster than pairwise unions).
    public static func unionAll(_ geometries: [NativeGeometry]) throws(GEOSError) -> NativeGeometry {
        try withExtendedLifetime(geometries) { () throws(GEOSError) in
            try GEOSContextPool.shared.withContext { c throws(GEOSError) in
                let h = c.handle
                // The collection takes ownership of its members, so it gets clones.
                var clones: [OpaquePointer?] = geometries.map { GEOSGeom_clone_r(h, $0.pointer) }
                let collection = clones.withUnsafeMutableBufferPointer {
                    GEOSGeom_createCollection_r(h, Int32(GEOS_GEOMETRYCOLLECTION.rawValue), $0.baseAddress, UInt32($0.count))
                }
                guard let collection else { throw GEOSError.operationFailed("union", c.takeError() ?? "no collection") }
                defer { GEOSGeom_destroy_r(h, collection) }
                return try c.adopt(GEOSUnaryUnion_r(h, collection), operation: "union")
            }
        }
    }
}
