/// A CGCS2000 Gauss-Krüger zone and its two EPSG codes: one with a plain 500 km false easting
/// ("CM 114E") and one whose eastings carry the zone number as a prefix ("zone 38": 38 500 000 m).
public struct GaussKrugerZone: Hashable, Sendable {
    /// 3° zones 25…45 (n = round(lon / 3)) or 6° zones 13…23.
    public enum Width: Int, Hashable, Sendable { case three = 3, six = 6 }

    public let width: Width
    public let number: Int

    public init?(width: Width, number: Int) {
        guard Self.numbers(width).contains(number) else { return nil }
        self.width = width
        self.number = number
    }

    /// The zone whose number prefixes these eastings (e.g. 38 505 637 → 3° zone 38), if any.
    public init?(zonePrefixedEasting x: Double) {
        // Beyond any zone's prefix (the largest is 45): no zone, and Int() of a huge value would trap.
        guard x.isFinite, x >= 0, x < 100_000_000 else { return nil }
        let prefix = Int(x / 1_000_000)
        self.init(width: prefix >= 25 ? .three : .six, number: prefix)
    }

    /// The zone of a CGCS2000 Gauss-Krüger EPSG code, and whether that code's eastings carry the prefix.
    public static func of(epsg code: Int) -> (zone: GaussKrugerZone, zonePrefixed: Bool)? {
        for width in [Width.three, .six] {
            let n = numbers(width)
            if let zone = GaussKrugerZone(width: width, number: code - firstPrefixedEPSG(width) + n.lowerBound) {
                return (zone, true)
            }
            if let zone = GaussKrugerZone(width: width, number: code - firstCentralMeridianEPSG(width) + n.lowerBound) {
                return (zone, false)
            }
        }
        return nil
    }

    /// Central meridian in degrees east.
    public var centralMeridian: Int { width == .three ? 3 * number : 6 * number - 3 }

    /// EPSG:4534–4554 (3°) or 4502–4512 (6°): false easting 500 000 m.
    public var centralMeridianEPSG: Int { Self.firstCentralMeridianEPSG(width) + offset }

    /// EPSG:4513–4533 (3°) or 4491–4501 (6°): false easting number · 1 000 000 + 500 000 m.
    public var zonePrefixedEPSG: Int { Self.firstPrefixedEPSG(width) + offset }

    /// E.g. "3-degree zone 38 (CM 114°E)".
    public var summary: String { "\(width.rawValue)-degree zone \(number) (CM \(centralMeridian)°E)" }

    private var offset: Int { number - Self.numbers(width).lowerBound }

    private static func numbers(_ width: Width) -> ClosedRange<Int> { width == .three ? 25...45 : 13...23 }
    private static func firstPrefixedEPSG(_ width: Width) -> Int { width == .three ? 4513 : 4491 }
    private static func firstCentralMeridianEPSG(_ width: Width) -> Int { width == .three ? 4534 : 4502 }
}
