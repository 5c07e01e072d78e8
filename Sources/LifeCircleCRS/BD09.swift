import Foundation
import LifeCircleGeometry

/// BD-09, the lon/lat of Baidu maps: GCJ-02 plus a further rotation-and-shift of about 1 km
/// (the published algorithm with x_pi = π·3000/180). Like GCJ-02, applied only inside
/// `ChinaExtent`: outside it Baidu serves plain WGS 84, and a 700 m shift of foreign data would be
/// silent and wrong.
public enum BD09 {
    private static let xPi = Double.pi * 3000.0 / 180.0

    public static func fromGCJ02(_ gcj: Coordinate) -> Coordinate {
        guard ChinaExtent.contains(gcj) else { return gcj }
        let z = (gcj.x * gcj.x + gcj.y * gcj.y).squareRoot() + 0.00002 * sin(gcj.y * xPi)
        let theta = atan2(gcj.y, gcj.x) + 0.000003 * cos(gcj.x * xPi)
        return Coordinate(x: z * cos(theta) + 0.0065, y: z * sin(theta) + 0.006)
    }

    /// BD-09 → GCJ-02, solving `fromGCJ02` by iteration: the published one-step inverse is off by up
    /// to ~0.2 m, this one closes a round trip to well under a millimetre.
    public static func toGCJ02(_ bd: Coordinate) -> Coordinate {
        guard ChinaExtent.contains(bd) else { return bd }
        return invertIteratively(bd, forward: fromGCJ02)
    }
}
