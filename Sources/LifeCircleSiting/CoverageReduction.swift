/// The uncapacitated instance the MIP and the heuristic work on, made smaller without changing any
/// answer: units already covered by a kept facility, units no candidate reaches and units worth
/// nothing drop out; units reached by exactly the same candidates become one row with their summed
/// weight; a candidate that reaches only rows another reaches, at no lower cost, is set aside
/// (dominated — some optimal answer does without it).
struct ReducedCoverage: Sendable {
    /// Per row: the summed weight of its units.
    var rowWeights: [Double]
    /// Per candidate (original index): the rows it reaches, ascending.
    var columns: [[Int]]
    /// Per row: the candidates that reach it, ascending.
    var rowCandidates: [[Int]]
    /// Candidates not dominated, ascending: the only ones the MIP and the heuristic choose from.
    var useful: [Int]
    var costs: [Double]
    /// Weight covered by the kept facilities: a constant of every objective.
    var before: Double
    /// Σ `rowWeights`: what all candidates together add.
    var reachable: Double

    init(_ problem: SitingProblem) {
        let coveredBefore = problem.coveredBefore
        before = problem.weight(of: coveredBefore)
        costs = problem.costs

        var reachedBy = [[Int]](repeating: [], count: problem.weights.count)
        for (j, set) in problem.candidates.enumerated() {
            for i in set where !coveredBefore[i] && problem.weights[i] > 0 { reachedBy[i].append(j) }
        }
        var rowOf: [[Int]: Int] = [:]
        rowWeights = []
        rowCandidates = []
        for (i, list) in reachedBy.enumerated() where !list.isEmpty {
            if let r = rowOf[list] {
                rowWeights[r] += problem.weights[i]
            } else {
                rowOf[list] = rowWeights.count
                rowWeights.append(problem.weights[i])
                rowCandidates.append(list)
            }
        }
        reachable = rowWeights.reduce(0, +)
        columns = [[Int]](repeating: [], count: problem.candidates.count)
        for (r, list) in rowCandidates.enumerated() { for j in list { columns[j].append(r) } }
        useful = Self.undominated(columns: columns, rowCandidates: rowCandidates, costs: costs)
    }

    /// Candidates reaching some row and not dominated. j is dominated by k when j's rows ⊆ k's
    /// and k costs no more; of candidates with equal rows and cost, the lowest index stays.
    private static func undominated(columns: [[Int]], rowCandidates: [[Int]], costs: [Double]) -> [Int] {
        columns.indices.filter { j in
            let rows = columns[j]
            guard let first = rows.min(by: { rowCandidates[$0].count < rowCandidates[$1].count }) else { return false }
            // Only candidates reaching j's least-reached row can contain all of j's rows.
            return !rowCandidates[first].contains { k in
                guard k != j, costs[k] <= costs[j], columns[k].count >= rows.count, isSubset(rows, of: columns[k]) else { return false }
                return columns[k].count > rows.count || costs[k] < costs[j] || k < j
            }
        }
    }

    /// Whether sorted `a` ⊆ sorted `b`.
    private static func isSubset(_ a: [Int], of b: [Int]) -> Bool {
        var k = 0
        for x in a {
            while k < b.count && b[k] < x { k += 1 }
            guard k < b.count, b[k] == x else { return false }
            k += 1
        }
        return true
    }
}
