import CGDAL
import LifeCircleGeometry

/// A geometry of a kind LifeCircle's 2-D simple-features model cannot hold.
struct UnsupportedGeometry: Error {
    let typeName: String
}

/// Converts an OGR geometry, flattening Z and linearising curves; nil when it is empty.
func readGeometry(_ geometry: OGRGeometryH) throws(UnsupportedGeometry) -> Geometry? {
    guard OGR_G_IsEmpty(geometry) == 0 else { return nil }
    let type = OGR_GT_Flatten(OGR_G_GetGeometryType(geometry))
    if OGR_GT_IsNonLinear(type) != 0 {
        guard let linear = OGR_G_GetLinearGeometry(geometry, 0, nil) else {
            throw UnsupportedGeometry(typeName: String(cString: OGRGeometryTypeToName(type)))
        }
        defer { OGR_G_DestroyGeometry(linear) }
        return try readGeometry(linear)
    }
    switch type {
    case wkbPoint:
        return .point(Point(points(of: geometry)[0]))
    case wkbLineString, wkbLinearRing:
        return .lineString(LineString(points(of: geometry)))
    case wkbPolygon, wkbTriangle:
        return .polygon(polygon(geometry))
    case wkbMultiPoint:
        return .multiPoint(nonEmptyParts(of: geometry).map { Point(points(of: $0)[0]) })
    case wkbMultiLineString:
        return .multiLineString(nonEmptyParts(of: geometry).map { LineString(points(of: $0)) })
    case wkbMultiPolygon, wkbPolyhedralSurface, wkbTIN:
        return .multiPolygon(nonEmptyParts(of: geometry).map(polygon))
    case wkbGeometryCollection:
        var members: [Geometry] = []
        for part in nonEmptyParts(of: geometry) {
            if let member = try readGeometry(part) { members.append(member) }
        }
        return .geometryCollection(members)
    default:
        throw UnsupportedGeometry(typeName: String(cString: OGRGeometryTypeToName(type)))
    }
}

/// Parses WKT with GDAL; nil when the text is not WKT (trailing text included). The caller owns the result.
func ogrGeometry(fromWKT wkt: String) -> OGRGeometryH? {
    var geometry: OGRGeometryH?
    let parsed: Bool = wkt.withCString { start in
        var cursor: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(mutating: start)
        guard OGR_G_CreateFromWkt(&cursor, nil, &geometry) == OGRERR_NONE else { return false }
        // GDAL stops at the end of the geometry; anything after it means the cell was not WKT.
        return cursor.map { String(cString: $0).allSatisfy(\.isWhitespace) } ?? true
    }
    guard parsed else {
        geometry.map(OGR_G_DestroyGeometry)
        return nil
    }
    return geometry
}

private func points(of geometry: OGRGeometryH) -> [Coordinate] {
    let count = Int(OGR_G_GetPointCount(geometry))
    // Coordinate is two Doubles, so GDAL can write x and y straight into the array.
    return [Coordinate](unsafeUninitializedCapacity: count) { buffer, initialised in
        if let base = UnsafeMutableRawPointer(buffer.baseAddress) {
            let stride = Int32(MemoryLayout<Coordinate>.stride)
            _ = OGR_G_GetPoints(geometry, base, stride, base + MemoryLayout<Double>.stride, stride, nil, 0)
        }
        initialised = count
    }
}

private func nonEmptyParts(of geometry: OGRGeometryH) -> [OGRGeometryH] {
    (0..<OGR_G_GetGeometryCount(geometry)).compactMap { OGR_G_GetGeometryRef(geometry, $0) }
        .filter { OGR_G_IsEmpty($0) == 0 }
}

private func polygon(_ geometry: OGRGeometryH) -> Polygon {
    let rings = (0..<OGR_G_GetGeometryCount(geometry)).compactMap { OGR_G_GetGeometryRef(geometry, $0) }.map(points)
    return Polygon(exterior: rings.first ?? [], interiors: Array(rings.dropFirst()))
}

/// A new OGR geometry for `geometry`; the caller owns it.
func makeOGRGeometry(_ geometry: Geometry) -> OGRGeometryH {
    func line(_ type: OGRwkbGeometryType, _ coordinates: [Coordinate]) -> OGRGeometryH {
        let handle = OGR_G_CreateGeometry(type)!
        coordinates.withUnsafeBytes { bytes in
            let base = UnsafeMutableRawPointer(mutating: bytes.baseAddress)
            let stride = Int32(MemoryLayout<Coordinate>.stride)
            OGR_G_SetPoints(handle, Int32(coordinates.count), base, stride,
                            base.map { $0 + MemoryLayout<Double>.stride }, stride, nil, 0)
        }
        return handle
    }
    func collection(_ type: OGRwkbGeometryType, _ parts: [OGRGeometryH]) -> OGRGeometryH {
        let handle = OGR_G_CreateGeometry(type)!
        for part in parts { OGR_G_AddGeometryDirectly(handle, part) }
        return handle
    }
    func polygon(_ p: Polygon) -> OGRGeometryH {
        collection(wkbPolygon, p.rings.map { line(wkbLinearRing, $0) })
    }
    switch geometry {
    case .point(let p):
        let handle = OGR_G_CreateGeometry(wkbPoint)!
        OGR_G_SetPoint_2D(handle, 0, p.coordinate.x, p.coordinate.y)
        return handle
    case .lineString(let l): return line(wkbLineString, l.coordinates)
    case .polygon(let p): return polygon(p)
    case .multiPoint(let ps): return collection(wkbMultiPoint, ps.map { makeOGRGeometry(.point($0)) })
    case .multiLineString(let ls): return collection(wkbMultiLineString, ls.map { line(wkbLineString, $0.coordinates) })
    case .multiPolygon(let ps): return collection(wkbMultiPolygon, ps.map(polygon))
    case .geometryCollection(let gs): return collection(wkbGeometryCollection, gs.map(makeOGRGeometry))
    }
}
