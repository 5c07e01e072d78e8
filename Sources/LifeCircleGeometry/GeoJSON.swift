// GeoJSON (RFC 7946) coding of geometries, features and feature collections.

public enum GeoJSONError: Error, CustomStringConvertible {
    case unknownType(String)
    public var description: String {
        switch self {
        case .unknownType(let t): "unknown GeoJSON type \"\(t)\""
        }
    }
}

extension Geometry: Codable {
    private enum CodingKeys: String, CodingKey { case type, coordinates, geometries }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        func polygon(_ rings: [[Coordinate]]) -> Polygon {
            Polygon(exterior: rings.first ?? [], interiors: Array(rings.dropFirst()))
        }
        switch type {
        case "Point":
            self = .point(Point(try c.decode(Coordinate.self, forKey: .coordinates)))
        case "LineString":
            self = .lineString(LineString(try c.decode([Coordinate].self, forKey: .coordinates)))
        case "Polygon":
            self = .polygon(polygon(try c.decode([[Coordinate]].self, forKey: .coordinates)))
        case "MultiPoint":
            self = .multiPoint(try c.decode([Coordinate].self, forKey: .coordinates).map(Point.init))
        case "MultiLineString":
            self = .multiLineString(try c.decode([[Coordinate]].self, forKey: .coordinates).map(LineString.init))
        case "MultiPolygon":
            self = .multiPolygon(try c.decode([[[Coordinate]]].self, forKey: .coordinates).map(polygon))
        case "GeometryCollection":
            self = .geometryCollection(try c.decode([Geometry].self, forKey: .geometries))
        default:
            throw GeoJSONError.unknownType(type)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(typeName, forKey: .type)
        switch self {
        case .point(let p): try c.encode(p.coordinate, forKey: .coordinates)
        case .lineString(let l): try c.encode(l.coordinates, forKey: .coordinates)
        case .polygon(let p): try c.encode(p.rings, forKey: .coordinates)
        case .multiPoint(let ps): try c.encode(ps.map(\.coordinate), forKey: .coordinates)
        case .multiLineString(let ls): try c.encode(ls.map(\.coordinates), forKey: .coordinates)
        case .multiPolygon(let ps): try c.encode(ps.map(\.rings), forKey: .coordinates)
        case .geometryCollection(let gs): try c.encode(gs, forKey: .geometries)
        }
    }
}

/// A JSON value, for feature properties and other free-form attributes.
public enum JSONValue: Hashable, Sendable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let n):
            // Whole numbers are written without ".0" so ids and counts read naturally.
            if n == n.rounded(), abs(n) < 1e15 { try c.encode(Int64(n)) } else { try c.encode(n) }
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}

/// A GeoJSON feature.
public struct Feature: Hashable, Sendable, Codable {
    public var id: JSONValue?
    public var geometry: Geometry?
    public var properties: [String: JSONValue]

    public init(id: JSONValue? = nil, geometry: Geometry?, properties: [String: JSONValue] = [:]) {
        self.id = id
        self.geometry = geometry
        self.properties = properties
    }

    private enum CodingKeys: String, CodingKey { case type, id, geometry, properties }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(JSONValue.self, forKey: .id)
        geometry = try c.decodeIfPresent(Geometry.self, forKey: .geometry)
        properties = try c.decodeIfPresent([String: JSONValue].self, forKey: .properties) ?? [:]
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("Feature", forKey: .type)
        try c.encodeIfPresent(id, forKey: .id)
        if let geometry { try c.encode(geometry, forKey: .geometry) } else { try c.encodeNil(forKey: .geometry) }
        try c.encode(properties, forKey: .properties)
    }
}

/// A GeoJSON feature collection.
public struct FeatureCollection: Hashable, Sendable, Codable {
    public var features: [Feature]

    public init(features: [Feature]) { self.features = features }

    private enum CodingKeys: String, CodingKey { case type, features }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        features = try c.decode([Feature].self, forKey: .features)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("FeatureCollection", forKey: .type)
        try c.encode(features, forKey: .features)
    }
}
