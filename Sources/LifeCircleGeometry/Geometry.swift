/// A linear ring: a closed line, first coordinate repeated as the last.
public typealias LinearRing = [Coordinate]

public struct Point: Hashable, Sendable {
    public var coordinate: Coordinate
    public init(_ coordinate: Coordinate) { self.coordinate = coordinate }
    public init(x: Double, y: Double) { self.coordinate = Coordinate(x: x, y: y) }
}

public struct LineString: Hashable, Sendable {
    public var coordinates: [Coordinate]
    public init(_ coordinates: [Coordinate]) { self.coordinates = coordinates }
}

/// A polygon: one exterior ring and any number of holes.
public struct Polygon: Hashable, Sendable {
    public var exterior: LinearRing
    public var interiors: [LinearRing]
    public init(exterior: LinearRing, interiors: [LinearRing] = []) {
        self.exterior = exterior
        self.interiors = interiors
    }
    public var rings: [LinearRing] { [exterior] + interiors }
}

/// Any geometry of the simple-features model (2-D).
public indirect enum Geometry: Hashable, Sendable {
    case point(Point)
    case lineString(LineString)
    case polygon(Polygon)
    case multiPoint([Point])
    case multiLineString([LineString])
    case multiPolygon([Polygon])
    case geometryCollection([Geometry])

    /// The type's name as in GeoJSON and WKT.
    public var typeName: String {
        switch self {
        case .point: "Point"
        case .lineString: "LineString"
        case .polygon: "Polygon"
        case .multiPoint: "MultiPoint"
        case .multiLineString: "MultiLineString"
        case .multiPolygon: "MultiPolygon"
        case .geometryCollection: "GeometryCollection"
        }
    }

    /// Every coordinate, in order.
    public var coordinates: [Coordinate] {
        switch self {
        case .point(let p): [p.coordinate]
        case .lineString(let l): l.coordinates
        case .polygon(let p): p.rings.flatMap { $0 }
        case .multiPoint(let ps): ps.map(\.coordinate)
        case .multiLineString(let ls): ls.flatMap(\.coordinates)
        case .multiPolygon(let ps): ps.flatMap { $0.rings.flatMap { $0 } }
        case .geometryCollection(let gs): gs.flatMap(\.coordinates)
        }
    }

    public var isEmpty: Bool { envelope == nil }

    /// The bounding box of every coordinate; nil when there are none. Walks the parts in place
    /// (no array of all coordinates): maps and readers take it for 100,000s of features.
    public var envelope: Envelope? {
        var box: Envelope?
        func add(_ coordinates: [Coordinate]) {
            guard let e = Envelope(of: coordinates) else { return }
            box = box.map { $0.union(e) } ?? e
        }
        func add(_ polygon: Polygon) {
            add(polygon.exterior)
            polygon.interiors.forEach(add)
        }
        switch self {
        case .point(let p): add([p.coordinate])
        case .lineString(let l): add(l.coordinates)
        case .polygon(let p): add(p)
        case .multiPoint(let ps): for p in ps { add([p.coordinate]) }
        case .multiLineString(let ls): for l in ls { add(l.coordinates) }
        case .multiPolygon(let ps): ps.forEach(add)
        case .geometryCollection(let gs): for g in gs { if let e = g.envelope { box = box.map { $0.union(e) } ?? e } }
        }
        return box
    }

    /// The same geometry with every coordinate passed through `transform`.
    public func mapCoordinates(_ transform: (Coordinate) throws -> Coordinate) rethrows -> Geometry {
        func ring(_ r: [Coordinate]) throws -> [Coordinate] { try r.map(transform) }
        func polygon(_ p: Polygon) throws -> Polygon {
            Polygon(exterior: try ring(p.exterior), interiors: try p.interiors.map(ring))
        }
        switch self {
        case .point(let p): return .point(Point(try transform(p.coordinate)))
        case .lineString(let l): return .lineString(LineString(try ring(l.coordinates)))
        case .polygon(let p): return .polygon(try polygon(p))
        case .multiPoint(let ps): return .multiPoint(try ps.map { Point(try transform($0.coordinate)) })
        case .multiLineString(let ls): return .multiLineString(try ls.map { LineString(try ring($0.coordinates)) })
        case .multiPolygon(let ps): return .multiPolygon(try ps.map(polygon))
        case .geometryCollection(let gs): return .geometryCollection(try gs.map { try $0.mapCoordinates(transform) })
        }
    }

    /// Polygonal parts (a polygon or the members of a multipolygon); empty for other types.
    public var polygons: [Polygon] {
        switch self {
        case .polygon(let p): [p]
        case .multiPolygon(let ps): ps
        case .geometryCollection(let gs): gs.flatMap(\.polygons)
        default: []
        }
    }
}

extension Polygon {
    /// The planar area (shoelace): exterior minus holes, in the square unit of the coordinates.
    public var planarArea: Double {
        func ring(_ r: LinearRing) -> Double {
            abs(zip(r, r.dropFirst()).reduce(0) { $0 + $1.0.x * $1.1.y - $1.1.x * $1.0.y }) / 2
        }
        return ring(exterior) - interiors.map(ring).reduce(0, +)
    }
}
