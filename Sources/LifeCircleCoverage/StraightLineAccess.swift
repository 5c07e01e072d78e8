import LifeCircleGEOS
import LifeCircleGeometry

/// Straight-line distance within a radius: the fallback without a street network (GB 50180's
/// 15-minute circle is 800–1,000 m on foot). Every output made with it says so.
public struct StraightLineAccess: AccessModel {
    public var radius: Double
    public var method: String { "straight-line" }

    public init(radius: Double = 1000) {
        self.radius = radius
    }

    /// Units within the radius of each site, by exact distance (an index search, no buffers).
    public func coverageSets(from sites: [Coordinate], to units: [Coordinate]) throws -> [[Int]] {
        var sets = [[Int]](repeating: [], count: sites.count)
        guard !sites.isEmpty, !units.isEmpty else { return sets }
        let index = try SpatialIndex(units.map { Geometry.point(Point($0)) })
        let pairs = try index.query(points: sites, withinDistance: radius)
        for (site, unit) in zip(pairs.input, pairs.tree) { sets[site].append(unit) }
        return sets
    }

    /// Circles of the radius, drawn with 16 segments per quadrant (0.16 % less area than πr²).
    public func serviceAreas(from facilities: [Coordinate]) throws -> [Geometry] {
        try facilities.map { try NativeGeometry(.point(Point($0))).buffer(radius, style: BufferStyle(quadrantSegments: 16)).value }
    }

    /// The circles' union (GEOS's cascaded union).
    public func coverageArea(from facilities: [Coordinate]) throws -> Geometry {
        guard !facilities.isEmpty else { return .multiPolygon([]) }
        let circles = try facilities.map { try NativeGeometry(.point(Point($0))).buffer(radius, style: BufferStyle(quadrantSegments: 16)) }
        return try NativeGeometry.unionAll(circles).value
    }

    public func covers(_ access: Access) -> Bool {
        access.meters.map { $0 <= radius } ?? false
    }

    /// The exact nearest facility for every unit: an index search within the radius, widened by
    /// doubling for the units it leaves without one, so uncovered units get their true distance too.
    public func access(from facilities: [Coordinate], to units: [Coordinate]) throws -> [Access] {
        var result = [Access](repeating: Access(facility: nil, meters: nil, seconds: nil, note: "no facility"), count: units.count)
        guard !facilities.isEmpty else { return result }
        let index = try SpatialIndex(facilities.map { Geometry.point(Point($0)) })
        let extent = Envelope(of: facilities + units)!
        let widest = (extent.width * extent.width + extent.height * extent.height).squareRoot() + radius
        var pending = Array(units.indices)
        var window = radius
        while !pending.isEmpty {
            let pairs = try index.query(points: pending.map { units[$0] }, withinDistance: window)
            var found = Set<Int>()
            for (p, f) in zip(pairs.input, pairs.tree) {
                let u = pending[p]
                let d = units[u].planarDistance(to: facilities[f])
                // Ties go to the lower facility index, so results do not depend on thread timing.
                if result[u].meters.map({ d < $0 || (d == $0 && f < result[u].facility!) }) ?? true {
                    result[u] = Access(facility: f, meters: d, seconds: nil)
                }
                found.insert(p)
            }
            pending = pending.enumerated().filter { !found.contains($0.offset) }.map(\.element)
            guard window < widest else { break }
            window *= 2
        }
        return result
    }
}
