import LifeCircleGeometry
import Testing

/// The Hilbert curve's defining properties, checked cell by cell rather than against stored indices.
@Suite struct HilbertOrderTests {
    /// The curve's first 4ᵏ steps fill the 2ᵏ × 2ᵏ block at the origin, each step to a neighbouring cell.
    @Test(arguments: [1, 2, 3, 5])
    func theFirstStepsFillTheCornerBlockCellByCell(_ k: Int) {
        let side = UInt32(1 << k)
        var cellAt: [UInt64: (UInt32, UInt32)] = [:]
        for x in 0..<side { for y in 0..<side { cellAt[HilbertOrder.index(x: x, y: y)] = (x, y) } }
        #expect(Set(cellAt.keys) == Set((0..<UInt64(side * side))))
        for d in 1..<UInt64(side * side) {
            let (a, b) = (cellAt[d - 1]!, cellAt[d]!)
            #expect(abs(Int(a.0) - Int(b.0)) + abs(Int(a.1) - Int(b.1)) == 1, "step \(d)")
        }
    }

    /// Sorting visits the bounding box's quadrants one after another, in the curve's order (lower
    /// left, upper left, upper right, lower right), and keeps points at one place together, in index order.
    @Test func sortedIndicesVisitTheQuadrantsInTurn() {
        // An 8 × 8 grid of points 100 m apart, and duplicates of points 9, 40 and 63.
        var points: [Coordinate] = []
        for i in 0..<64 { points.append(Coordinate(x: Double(i % 8) * 100, y: Double(i / 8) * 100)) }
        points += [points[9], points[40], points[63], points[9]]
        let order = HilbertOrder.sortedIndices(points)
        #expect(order.sorted() == Array(points.indices))
        func quadrant(_ p: Coordinate) -> String { (p.y < 350 ? "lower" : "upper") + (p.x < 350 ? " left" : " right") }
        var runs: [(String, Int)] = []
        for i in order {
            if runs.last?.0 == quadrant(points[i]) { runs[runs.count - 1].1 += 1 } else { runs.append((quadrant(points[i]), 1)) }
        }
        #expect(runs.map(\.0) == ["lower left", "upper left", "upper right", "lower right"])
        #expect(runs.map(\.1) == [18, 17, 17, 16])
        for duplicate in [[9, 64, 67], [40, 65], [63, 66]] {
            let at = duplicate.map { order.firstIndex(of: $0)! }
            #expect(at == Array(at[0]..<at[0] + at.count), "\(duplicate)")
        }
    }
}
