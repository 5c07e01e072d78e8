import LifeCircleGeometry

/// Locations by a snapping tolerance, for centreline layers drawn in CAD or GIS where lines meant
/// to meet end a few centimetres apart.
///
/// A grid hash with cells twice as wide as the tolerance: a vertex joins the nearest existing
/// location within the tolerance (the lower-numbered one at equal distance), found among the 2 × 2
/// cells nearest to it; otherwise it becomes a new location. The first vertex seen at a place
/// stands for it and never moves, so chains of near points do not drift: every vertex ends up
/// within the tolerance of its location, and identical coordinates share one. A tolerance below a
/// nanometre is taken as one, which joins identical coordinates only.
struct ToleranceLocations {
    private(set) var positions: [Coordinate] = []
    private let tolerance: Double
    private let cellSize: Double
    /// Per cell, its most recent location; `nextInCell` chains each location to the one before it
    /// in its cell (−1 ends): no list per cell to allocate.
    private var lastInCell: [Cell: Int32] = [:]
    private var nextInCell: [Int32] = []
    /// Every coordinate seen, with its location: most vertices repeat one seen before (the ends of
    /// ways at a junction), and identical coordinates must become the same node anyway.
    private var seen: [Coordinate: Int32] = [:]

    private struct Cell: Hashable {
        var x: Int64
        var y: Int64

        func hash(into hasher: inout Hasher) {
            hasher.combine(x &* -7_046_029_254_386_353_131 ^ y)  // one word to hash, not two
        }
    }

    /// `expectedPlaces`: about how many distinct places are coming, to size the tables once.
    init(tolerance: Double, expectedPlaces: Int = 0) {
        self.tolerance = max(1e-9, tolerance)
        cellSize = 2 * self.tolerance
        seen.reserveCapacity(expectedPlaces)
        lastInCell.reserveCapacity(expectedPlaces)
        positions.reserveCapacity(expectedPlaces)
        nextInCell.reserveCapacity(expectedPlaces)
    }

    mutating func location(of c: Coordinate) -> Int32 {
        if let known = seen[c] { return known }
        let location = nearestOrNew(c)
        seen[c] = location
        return location
    }

    private mutating func nearestOrNew(_ c: Coordinate) -> Int32 {
        let fx = c.x / cellSize, fy = c.y / cellSize
        let cell = Cell(x: Int64(fx.rounded(.down)), y: Int64(fy.rounded(.down)))
        // Within the tolerance (half a cell) of c lie only its own cell and the neighbours on the
        // sides of the cell it is nearer to.
        let x0 = fx - Double(cell.x) < 0.5 ? cell.x - 1 : cell.x
        let y0 = fy - Double(cell.y) < 0.5 ? cell.y - 1 : cell.y
        var best: (location: Int32, distance: Double)?
        for x in x0...x0 + 1 {
            for y in y0...y0 + 1 {
                var l = lastInCell[Cell(x: x, y: y)] ?? -1
                while l >= 0 {
                    let d = positions[Int(l)].planarDistance(to: c)
                    if d <= tolerance, best.map({ d < $0.distance || (d == $0.distance && l < $0.location) }) ?? true {
                        best = (l, d)
                    }
                    l = nextInCell[Int(l)]
                }
            }
        }
        if let best { return best.location }
        let new = Int32(positions.count)
        positions.append(c)
        nextInCell.append(lastInCell[cell] ?? -1)
        lastInCell[cell] = new
        return new
    }
}
