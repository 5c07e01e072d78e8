/// Orders points along a Hilbert curve over their bounding box, so points near each other on the
/// ground come near each other in the order. Work done in that order touches few stretches of
/// memory at a time: a street graph numbered this way keeps a search's nodes, rows and state
/// together; points queried this way meet the same few indexed polygons one after another.
public enum HilbertOrder {
    /// The curve's grid: 2¹⁶ × 2¹⁶ cells over the bounding box (1.5 m cells over 100 km).
    public static let bits = 16

    /// The indices of `points` (fewer than 2³² of them), sorted by their position along the curve
    /// (ties by index).
    public static func sortedIndices(_ points: [Coordinate]) -> [Int] {
        guard let first = points.first else { return [] }
        var minX = first.x, minY = first.y, maxX = first.x, maxY = first.y
        for p in points {
            minX = min(minX, p.x); maxX = max(maxX, p.x)
            minY = min(minY, p.y); maxY = max(maxY, p.y)
        }
        let cells = Double((1 << bits) - 1)
        let scaleX = maxX > minX ? cells / (maxX - minX) : 0, scaleY = maxY > minY ? cells / (maxY - minY) : 0
        // Curve position (32 bits) above the index (32 bits): one integer sort, ties by index.
        var keyed = points.indices.map { i in
            let p = points[i]
            let d = index(x: UInt32(((p.x - minX) * scaleX).rounded(.down)), y: UInt32(((p.y - minY) * scaleY).rounded(.down)))
            return d << 32 | UInt64(i)
        }
        keyed.sort()
        return keyed.map { Int($0 & 0xFFFF_FFFF) }
    }

    /// The distance along the curve of cell (x, y), both below 2^`bits`: the classic xy-to-d walk,
    /// one quadrant per level, rotating the quadrant so the curve stays continuous.
    public static func index(x: UInt32, y: UInt32) -> UInt64 {
        var x = x, y = y, d: UInt64 = 0
        let n: UInt32 = 1 << bits
        var s = n / 2
        while s > 0 {
            let rx: UInt32 = x & s != 0 ? 1 : 0, ry: UInt32 = y & s != 0 ? 1 : 0
            d += UInt64(s) * UInt64(s) * UInt64((3 * rx) ^ ry)
            if ry == 0 {
                if rx == 1 { (x, y) = (n - 1 - x, n - 1 - y) }
                (x, y) = (y, x)
            }
            s /= 2
        }
        return d
    }
}
