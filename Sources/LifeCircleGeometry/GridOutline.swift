/// Outlines traced along the edges of grid cells (GDAL's polygonize) are staircases that zigzag
/// half a cell about the shape they stand for. Cutting every corner half a cell back along both of
/// its edges (at most to the edge's midpoint) turns a regular staircase into the straight line it
/// approximates and leaves long straight edges as they are; dropping the points that lie within a
/// quarter cell of the line their neighbours make removes the rest. The result lies within half a
/// cell of the traced ring, and distinct rings, which meet at most at cell corners, move apart there.
public enum GridOutline {
    /// The longest run of points one kept segment may replace: it bounds the cost at that many
    /// distance tests per point.
    static let longestRun = 64

    public static func smoothed(_ polygon: Polygon, cell: Double) -> Polygon {
        Polygon(exterior: smoothed(polygon.exterior, cell: cell),
                interiors: polygon.interiors.map { smoothed($0, cell: cell) })
    }

    /// `ring` closed (first point repeated last), traced on cells of `cell`; the result is closed too.
    public static func smoothed(_ ring: LinearRing, cell: Double) -> LinearRing {
        let cut = cornersCut(ring, by: cell / 2)
        guard cut.count >= 3 else { return ring }
        let tolerance = cell / 4
        var kept = [cut[0]]
        var anchor = 0
        // Extend the segment from the anchor while every point it replaces stays within the tolerance.
        for end in 1..<cut.count {
            let next = end + 1 < cut.count ? cut[end + 1] : cut[0]
            let fits = end - anchor < longestRun
                && (anchor + 1...end).allSatisfy { distance(cut[$0], cut[anchor], next) <= tolerance }
            if !fits {
                kept.append(cut[end])
                anchor = end
            }
        }
        return kept.count >= 3 ? kept + [kept[0]] : cut + [cut[0]]
    }

    /// Each vertex replaced by the two points `length` back along its edges (at most halfway), open.
    static func cornersCut(_ ring: LinearRing, by length: Double) -> [Coordinate] {
        let vertices = Array(ring.dropLast())
        guard vertices.count >= 3 else { return vertices }
        var points: [Coordinate] = []
        points.reserveCapacity(2 * vertices.count)
        func toward(_ from: Coordinate, _ to: Coordinate) -> Coordinate {
            let edge = from.planarDistance(to: to)
            let t = edge > 0 ? min(0.5, length / edge) : 0
            return Coordinate(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t)
        }
        for (i, vertex) in vertices.enumerated() {
            let previous = vertices[(i + vertices.count - 1) % vertices.count], next = vertices[(i + 1) % vertices.count]
            // On an edge of at most a cell, this vertex's first point is the last one's second.
            let before = toward(vertex, previous)
            if points.last != before { points.append(before) }
            points.append(toward(vertex, next))
        }
        if points.count > 1, points.first == points.last { points.removeLast() }
        return points
    }

    /// Distance from `p` to the segment from `a` to `b`.
    private static func distance(_ p: Coordinate, _ a: Coordinate, _ b: Coordinate) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let lengthSquared = dx * dx + dy * dy
        guard lengthSquared > 0 else { return p.planarDistance(to: a) }
        let t = min(max(((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared, 0), 1)
        return p.planarDistance(to: Coordinate(a.x + t * dx, a.y + t * dy))
    }
}
