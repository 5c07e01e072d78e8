import CGEOS
import LifeCircleGeometry

/// Value geometries to GEOS and back, through coordinate-sequence buffers (no per-vertex calls).
enum GeometryConversion {
    /// A new GEOS geometry owned by the caller, or nil on a GEOS error (read it from the context).
    static func makeNative(_ geometry: Geometry, _ c: GEOSContext) -> OpaquePointer? {
        let h = c.handle
        switch geometry {
        case .point(let p):
            return GEOSGeom_createPointFromXY_r(h, p.coordinate.x, p.coordinate.y)
        case .lineString(let l):
            if l.coordinates.isEmpty { return GEOSGeom_createEmptyLineString_r(h) }
            return sequence(l.coordinates, c).flatMap { GEOSGeom_createLineString_r(h, $0) }
        case .polygon(let p):
            return polygon(p, c)
        case .multiPoint(let ps):
            return collection(GEOS_MULTIPOINT, ps.map { makeNative(.point($0), c) }, c)
        case .multiLineString(let ls):
            return collection(GEOS_MULTILINESTRING, ls.map { makeNative(.lineString($0), c) }, c)
        case .multiPolygon(let ps):
            return collection(GEOS_MULTIPOLYGON, ps.map { polygon($0, c) }, c)
        case .geometryCollection(let gs):
            return collection(GEOS_GEOMETRYCOLLECTION, gs.map { makeNative($0, c) }, c)
        }
    }

    private static func sequence(_ coordinates: [Coordinate], _ c: GEOSContext) -> OpaquePointer? {
        coordinates.withUnsafeBytes { raw in
            GEOSCoordSeq_copyFromBuffer_r(c.handle, raw.bindMemory(to: Double.self).baseAddress,
                                          UInt32(coordinates.count), 0, 0)
        }
    }

    private static func ring(_ coordinates: [Coordinate], _ c: GEOSContext) -> OpaquePointer? {
        sequence(coordinates, c).flatMap { GEOSGeom_createLinearRing_r(c.handle, $0) }
    }

    private static func polygon(_ p: Polygon, _ c: GEOSContext) -> OpaquePointer? {
        let h = c.handle
        if p.exterior.isEmpty { return GEOSGeom_createEmptyPolygon_r(h) }
        guard let shell = ring(p.exterior, c) else { return nil }
        var holes: [OpaquePointer?] = []
        for interior in p.interiors {
            guard let hole = ring(interior, c) else {
                GEOSGeom_destroy_r(h, shell)
                holes.forEach { GEOSGeom_destroy_r(h, $0) }
                return nil
            }
            holes.append(hole)
        }
        return holes.withUnsafeMutableBufferPointer {
            GEOSGeom_createPolygon_r(h, shell, $0.baseAddress, UInt32($0.count))
        }
    }

    /// Takes ownership of the parts; on any failed part destroys the rest.
    private static func collection(_ type: GEOSGeomTypes, _ parts: [OpaquePointer?], _ c: GEOSContext) -> OpaquePointer? {
        let h = c.handle
        guard parts.allSatisfy({ $0 != nil }) else {
            parts.forEach { if let part = $0 { GEOSGeom_destroy_r(h, part) } }
            return nil
        }
        var parts = parts
        return parts.withUnsafeMutableBufferPointer {
            GEOSGeom_createCollection_r(h, Int32(type.rawValue), $0.baseAddress, UInt32($0.count))
        }
    }

    // MARK: GEOS to value

    static func makeValue(_ g: OpaquePointer, _ c: GEOSContext) -> Geometry {
        let h = c.handle
        switch Int(GEOSGeomTypeId_r(h, g)) {
        case Int(GEOS_POINT.rawValue):
            return GEOSisEmpty_r(h, g) == 1 ? .multiPoint([]) : .point(Point(coordinates(g, c)[0]))
        case Int(GEOS_LINESTRING.rawValue), Int(GEOS_LINEARRING.rawValue):
            return .lineString(LineString(coordinates(g, c)))
        case Int(GEOS_POLYGON.rawValue):
            return .polygon(polygon(g, c))
        case Int(GEOS_MULTIPOINT.rawValue):
            return .multiPoint(parts(g, c).map { Point(coordinates($0, c)[0]) })
        case Int(GEOS_MULTILINESTRING.rawValue):
            return .multiLineString(parts(g, c).map { LineString(coordinates($0, c)) })
        case Int(GEOS_MULTIPOLYGON.rawValue):
            return .multiPolygon(parts(g, c).map { polygon($0, c) })
        default:
            return .geometryCollection(parts(g, c).map { makeValue($0, c) })
        }
    }

    private static func parts(_ g: OpaquePointer, _ c: GEOSContext) -> [OpaquePointer] {
        (0..<GEOSGetNumGeometries_r(c.handle, g)).compactMap { GEOSGetGeometryN_r(c.handle, g, $0) }
    }

    private static func polygon(_ g: OpaquePointer, _ c: GEOSContext) -> Polygon {
        let h = c.handle
        guard GEOSisEmpty_r(h, g) == 0, let shell = GEOSGetExteriorRing_r(h, g) else { return Polygon(exterior: []) }
        let holes = (0..<GEOSGetNumInteriorRings_r(h, g)).compactMap { GEOSGetInteriorRingN_r(h, g, $0) }
        return Polygon(exterior: coordinates(shell, c), interiors: holes.map { coordinates($0, c) })
    }

    private static func coordinates(_ g: OpaquePointer, _ c: GEOSContext) -> [Coordinate] {
        let h = c.handle
        guard let seq = GEOSGeom_getCoordSeq_r(h, g) else { return [] }
        var size: UInt32 = 0
        GEOSCoordSeq_getSize_r(h, seq, &size)
        return [Coordinate](unsafeUninitializedCapacity: Int(size)) { buffer, count in
            UnsafeMutableRawBufferPointer(buffer).withMemoryRebound(to: Double.self) {
                _ = GEOSCoordSeq_copyToBuffer_r(h, seq, $0.baseAddress, 0, 0)
            }
            count = Int(size)
        }
    }
}
