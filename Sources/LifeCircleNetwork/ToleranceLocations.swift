import LifeCircleGeometry

/// Locations by a snapping tolerance, for centreline layers drawn in CAD or GIS where lines meant
/// to meet end a few centimetres apart.
///
/// A grid hash with cells as wide as the tolerance: a vertex joins the nearest existing location
/// within the tolerance, found among the 3 × 3 cells around it; otherwise it becomes a new location.
/// The first vertex seen at a place stands for it and never moves, so chains of near points do not
/// drift: every vertex ends up within the tolerance of its location, and identical coordinates
/// share one. A tolerance below a nanometre
/// is taken as one, which joins identical coordinates only.
struct ToleranceLocations {
    private(set) var positions: [Coordinate] = []
    private let tolerance: Double
    private var grid: [Cell: [Int32]] = [:]
    /// Every coordinate seen, with its location: most vertices repeat one seen before (the ends of
    /// ways at a junction), and identical coordinates must become the same node anyway.
    private var seen: [Coordinate: Int32] = [:]

    private struct Cell: Hashable {
        var x: Int64
        var y: Int64
    }

    init(tolerance: Double) {
        self.tolerance = max(1e-9, tolerance)
    }

    mutating func location(of c: Coordinate) -> Int32 {
        if let known = seen[c] { return known }
        let location = nearestOrNew(c)
        seen[c] = location
        return location
    }

    private mutating func nearestOrNew(_ c: Coordinate) -> Int32 {
        let cell = Cell(x: Int64((c.x / tolerance).rounded(.down)), y: Int64((c.y / tolerance).rounded(.down)))
        var best: (location: Int32, distance: Double)?
        for dx: Int64 in -1...1 {
            for dy: Int64 in -1...1 {
                for l in grid[Cell(x: cell.x + dx, y: cell.y + dy)] ?? [] {
                    let d = positions[Int(l)].planarDistance(to: c)
                    if d <= tolerance, d < best?.distance ?? .infinity { best = (l, d) }
                }
            }
        }
        if let best { return best.location }
        positions.append(c)
        grid[cell, default: []].append(Int32(positions.count - 1))
        return Int32(positions.count - 1)
    }
}
