import CGEOS
import LifeCircleGeometry

/// Positions along lines, measured from their start (GEOS's length-indexed line).
extension NativeGeometry {
    /// The distance along this line (or multi-line) to the point of it nearest `point`.
    public func project(_ point: Coordinate) throws(GEOSError) -> Double {
        try withContext { c throws(GEOSError) in
            let h = c.handle
            guard let p = GEOSGeom_createPointFromXY_r(h, point.x, point.y) else {
                throw GEOSError.operationFailed("create point", c.takeError() ?? "no message")
            }
            defer { GEOSGeom_destroy_r(h, p) }
            let along = GEOSProject_r(h, pointer, p)
            // GEOS returns -1 on an exception (e.g. a polygon instead of a line).
            if along < 0, let message = c.takeError() { throw GEOSError.operationFailed("project", message) }
            return along
        }
    }
}
