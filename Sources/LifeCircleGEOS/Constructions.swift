import CGEOS

/// How a buffer ends lines and joins segments.
public struct BufferStyle: Sendable, Hashable {
    public enum EndCap: Int32, Sendable { case round = 1, flat = 2, square = 3 }
    public enum Join: Int32, Sendable { case round = 1, mitre = 2, bevel = 3 }

    /// Segments per quarter circle. A buffer is an inscribed polygon: at 8 its area is 0.64 %
    /// below πr², at 32 0.04 % — so legal distances are tested with `isWithinDistance`, not buffers.
    public var quadrantSegments: Int32
    public var endCap: EndCap
    public var join: Join

    public init(quadrantSegments: Int32, endCap: EndCap = .round, join: Join = .round) {
        self.quadrantSegments = quadrantSegments
        self.endCap = endCap
        self.join = join
    }
}

extension NativeGeometry {
    public func centroid() throws(GEOSError) -> NativeGeometry {
        try withContext { c throws(GEOSError) in try c.adopt(GEOSGetCentroid_r(c.handle, pointer), operation: "centroid") }
    }

    /// A point guaranteed to lie inside a polygon (the centroid may not).
    public func pointOnSurface() throws(GEOSError) -> NativeGeometry {
        try withContext { c throws(GEOSError) in
            try c.adopt(GEOSPointOnSurface_r(c.handle, pointer), operation: "point-on-surface")
        }
    }

    public func buffer(_ distance: Double, style: BufferStyle) throws(GEOSError) -> NativeGeometry {
        try withContext { c throws(GEOSError) in
            let h = c.handle
            guard let params = GEOSBufferParams_create_r(h) else {
                throw GEOSError.operationFailed("buffer", c.takeError() ?? "no parameters")
            }
            defer { GEOSBufferParams_destroy_r(h, params) }
            GEOSBufferParams_setQuadrantSegments_r(h, params, style.quadrantSegments)
            GEOSBufferParams_setEndCapStyle_r(h, params, style.endCap.rawValue)
            GEOSBufferParams_setJoinStyle_r(h, params, style.join.rawValue)
            return try c.adopt(GEOSBufferWithParams_r(h, pointer, params, distance), operation: "buffer")
        }
    }

    /// Douglas–Peucker simplification that keeps the topology valid.
    public func simplified(tolerance: Double) throws(GEOSError) -> NativeGeometry {
        try withContext { c throws(GEOSError) in
            try c.adopt(GEOSTopologyPreserveSimplify_r(c.handle, pointer, tolerance), operation: "simplify")
        }
    }
}
