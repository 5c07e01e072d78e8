/// Greedy for capacitated siting: the kept facilities fill first, then the candidate that would
/// serve the most weight from what is still unserved is opened, again and again. A facility fills
/// like a fractional knapsack — the units with the most weight per household first — which is
/// the best one facility can do alone; the MIP then improves on the whole assignment.
enum CapacitatedHeuristic {
    /// Candidates chosen in order: `sites` of them (fewer when none adds anything), or, with
    /// `need`, until the served weight reaches it (gain per cost) — all that help if it never does.
    static func solve(_ problem: SitingProblem, sites: Int?, need: Double?) -> [Int] {
        var fill = Fill(problem)
        var chosen: [Int] = []
        var open = [Bool](repeating: false, count: problem.candidates.count)
        while sites.map({ chosen.count < $0 }) ?? (fill.served < need! * (1 - 1e-12)) {
            var best: (j: Int, score: Double)? = nil
            for j in problem.candidates.indices where !open[j] {
                var trial = fill
                let gain = trial.serve(candidate: j)
                let score = need == nil ? gain : gain / problem.costs[j]
                if gain > 0, best.map({ score > $0.score }) ?? true { best = (j, score) }
            }
            guard let j = best?.j else { break }
            fill.serve(candidate: j)
            open[j] = true
            chosen.append(j)
        }
        return chosen
    }

    /// The fill's assignment for the kept facilities and `open`: per facility (kept ones by index,
    /// candidate j as existing count + j), the share of each unit it serves.
    static func assignment(_ problem: SitingProblem, open: [Int]) -> [Int: [Int: Double]] {
        var fill = Fill(problem)
        for j in open { fill.serve(candidate: j) }
        return fill.shares
    }

    /// Units' unserved shares as facilities fill one after another, the kept ones first.
    private struct Fill {
        let problem: SitingProblem
        var unserved: [Double]
        var served = 0.0
        var shares: [Int: [Int: Double]] = [:]

        init(_ problem: SitingProblem) {
            self.problem = problem
            unserved = Array(repeating: 1, count: problem.weights.count)
            for (e, units) in problem.existing.enumerated() { serve(facility: e, units, limit: problem.capacity!.existing[e]) }
        }

        @discardableResult
        mutating func serve(candidate j: Int) -> Double {
            serve(facility: problem.existing.count + j, problem.candidates[j], limit: problem.capacity!.candidates[j])
        }

        /// Serves `units` from `limit` households, most weight per household first; returns the weight served.
        @discardableResult
        private mutating func serve(facility: Int, _ units: [Int], limit: Double) -> Double {
            let demand = problem.capacity!.demand
            let weights = problem.weights
            var left = limit
            var gained = 0.0
            let order = units.filter { weights[$0] > 0 && unserved[$0] > 0 }
                .sorted { weights[$0] * demand[$1] > weights[$1] * demand[$0] }
            for i in order {
                let share = demand[i] > 0 ? min(unserved[i], left / demand[i]) : unserved[i]
                guard share > 0 else { break }
                unserved[i] -= share
                left -= share * demand[i]
                gained += share * weights[i]
                shares[facility, default: [:]][i] = share
            }
            served += gained
            return gained
        }
    }
}
