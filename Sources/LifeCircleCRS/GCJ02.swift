import Foundation
import LifeCircleGeometry

/// GCJ-02, the offset lon/lat of Amap and Tencent maps: the published algorithm (as in the
/// coordtransform, eviltransform and gcoord libraries), on the Krasovsky ellipsoid.
/// Outside `ChinaExtent` no offset is applied.
public enum GCJ02 {
    private static let a = 6378245.0
    private static let ee = 0.00669342162296594323

    /// WGS 84 → GCJ-02: adds the 26–700 m offset.
    public static func fromWGS84(_ wgs: Coordinate) -> Coordinate {
        guard ChinaExtent.contains(wgs) else { return wgs }
        let x = wgs.x - 105.0, y = wgs.y - 35.0
        let latRadians = wgs.y / 180.0 * .pi
        let magic = 1 - ee * sin(latRadians) * sin(latRadians)
        let sqrtMagic = magic.squareRoot()
        let dLon = offsetLon(x, y) * 180.0 / (a / sqrtMagic * cos(latRadians) * .pi)
        let dLat = offsetLat(x, y) * 180.0 / (a * (1 - ee) / (magic * sqrtMagic) * .pi)
        return Coordinate(x: wgs.x + dLon, y: wgs.y + dLat)
    }

    /// GCJ-02 → WGS 84, solved by iteration: the common one-step inverse is off by about 1 m
    /// (up to ~5 m); this one agrees with `fromWGS84` to well under a millimetre.
    public static func toWGS84(_ gcj: Coordinate) -> Coordinate {
        guard ChinaExtent.contains(gcj) else { return gcj }
        return invertIteratively(gcj, forward: fromWGS84)
    }

    private static func offsetLat(_ x: Double, _ y: Double) -> Double {
        var r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * abs(x).squareRoot()
        r += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        r += (20.0 * sin(y * .pi) + 40.0 * sin(y / 3.0 * .pi)) * 2.0 / 3.0
        r += (160.0 * sin(y / 12.0 * .pi) + 320.0 * sin(y * .pi / 30.0)) * 2.0 / 3.0
        return r
    }

    private static func offsetLon(_ x: Double, _ y: Double) -> Double {
        var r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * abs(x).squareRoot()
        r += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        r += (20.0 * sin(x * .pi) + 40.0 * sin(x / 3.0 * .pi)) * 2.0 / 3.0
        r += (150.0 * sin(x / 12.0 * .pi) + 300.0 * sin(x / 30.0 * .pi)) * 2.0 / 3.0
        return r
    }
}

/// Solves forward(p) = target for p by fixed-point iteration starting at `target`. The offsets vary
/// slowly (their derivative is about 1e-4), so each step gains about four digits; the loop stops
/// below 1e-12° (~0.1 µm) or after 20 steps.
func invertIteratively(_ target: Coordinate, forward: (Coordinate) -> Coordinate) -> Coordinate {
    var p = target
    for _ in 0..<20 {
        let image = forward(p)
        let dx = image.x - target.x, dy = image.y - target.y
        p.x -= dx
        p.y -= dy
        if abs(dx) < 1e-12 && abs(dy) < 1e-12 { break }
    }
    return p
}
