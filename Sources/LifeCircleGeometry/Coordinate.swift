/// A position: x is longitude or easting, y is latitude or northing — always, whatever the CRS's axis order.
///
/// Laid out as two `Double`s, so a `[Coordinate]` can be handed to C as interleaved x, y pairs.
public struct Coordinate: Hashable, Sendable, Codable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    public init(_ x: Double, _ y: Double) {
        self.init(x: x, y: y)
    }

    public var isFinite: Bool { x.isFinite && y.isFinite }

    /// Planar distance; meaningful in a projected CRS only.
    public func planarDistance(to other: Coordinate) -> Double {
        ((x - other.x) * (x - other.x) + (y - other.y) * (y - other.y)).squareRoot()
    }

    // GeoJSON positions are arrays: [x, y].
    public init(from decoder: Decoder) throws {
        var container = try decoder.unkeyedContainer()
        x = try container.decode(Double.self)
        y = try container.decode(Double.self)
        // A third (z) value is allowed by RFC 7946 and ignored here.
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(x)
        try container.encode(y)
    }
}
