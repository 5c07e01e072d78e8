import Foundation

/// Greedy by marginal gain, then swap local search: the answer for instances too large for the
/// MIP, and the MIP's starting solution otherwise. Works on the reduced rows (`ReducedCoverage`).
///
/// Greedy alone can be far from optimal — one large site overlapping two disjoint medium ones is
/// taken first and the pair is never found — so swaps (one site out, one in) follow while any improves.
public enum GreedyHeuristic {
    /// The candidates chosen (original indices, in the order taken) and the weight covered in all,
    /// the kept facilities' included.
    public struct Answer: Hashable, Sendable {
        public var selected: [Int]
        public var covered: Double
    }

    /// Greedy, then (unless `localSearch` is false) swaps, for an uncapacitated problem.
    public static func solve(_ problem: SitingProblem, goal: SitingGoal, localSearch: Bool = true) -> Answer {
        let reduced = ReducedCoverage(problem)
        let selected = switch goal {
        case .addSites(let k): maxCoverage(reduced, sites: k, localSearch: localSearch, deadline: .infinity)
        case .reachShare(let share):
            minCost(reduced, need: share * problem.weights.reduce(0, +) - reduced.before, localSearch: localSearch, deadline: .infinity)
        }
        var state = CoverState(reduced)
        for j in selected { state.add(j) }
        return Answer(selected: selected, covered: reduced.before + state.covered)
    }

    /// Up to `sites` candidates covering the most row weight (fewer when no other adds anything).
    static func maxCoverage(_ reduced: ReducedCoverage, sites: Int, localSearch: Bool, deadline: Double) -> [Int] {
        var state = CoverState(reduced)
        while state.selected.count < sites, let best = state.bestAddition(by: { gain, _ in gain }), state.gain(best) > 0 {
            state.add(best)
        }
        guard localSearch else { return state.selected }
        let epsilon = 1e-9 * max(reduced.reachable, 1)
        while now() < deadline, let swap = state.bestSwap(), swap.coverage > epsilon {
            state.swap(out: swap.out, in: swap.in)
        }
        return state.selected
    }

    /// The least-cost candidates covering at least `need` row weight: greedy by gain per cost,
    /// then sites whose loss the rest can bear are dropped (costliest first), and swaps that lower
    /// the cost — or, at equal cost, add coverage so another site may be dropped — are made.
    /// All useful candidates when even they fall short.
    static func minCost(_ reduced: ReducedCoverage, need: Double, localSearch: Bool, deadline: Double) -> [Int] {
        var state = CoverState(reduced)
        let epsilon = 1e-9 * max(reduced.reachable, 1)
        guard need > epsilon else { return [] }
        while state.covered < need - epsilon, let best = state.bestAddition(by: { gain, cost in gain / cost }), state.gain(best) > 0 {
            state.add(best)
        }
        guard localSearch else { return state.selected }
        while true {
            state.dropRedundant(keeping: need - epsilon)
            guard now() < deadline, let swap = state.bestSwap(keeping: need - epsilon),
                  swap.saving > 1e-12 || (swap.saving > -1e-12 && swap.coverage > epsilon) else { break }
            state.swap(out: swap.out, in: swap.in)
        }
        return state.selected
    }

    static func now() -> Double { ProcessInfo.processInfo.systemUptime }
}

/// Which rows the chosen candidates cover, kept up to date as candidates come and go.
struct CoverState {
    let reduced: ReducedCoverage
    private(set) var selected: [Int] = []
    private(set) var covered: Double = 0
    /// Per row: how many chosen candidates reach it.
    private var count: [Int]
    /// Per row: Σ of the chosen candidates' indices reaching it — the one that does when `count` is 1.
    private var sole: [Int]
    private var isSelected: [Bool]

    init(_ reduced: ReducedCoverage) {
        self.reduced = reduced
        count = Array(repeating: 0, count: reduced.rowWeights.count)
        sole = count
        isSelected = Array(repeating: false, count: reduced.columns.count)
    }

    func isCovered(row r: Int) -> Bool { count[r] > 0 }

    /// Row weight `j` would add.
    func gain(_ j: Int) -> Double {
        reduced.columns[j].reduce(0) { count[$1] == 0 ? $0 + reduced.rowWeights[$1] : $0 }
    }

    /// The unchosen useful candidate scoring highest (ties: the lower index).
    func bestAddition(by score: (Double, Double) -> Double) -> Int? {
        var best: (j: Int, score: Double)? = nil
        for j in reduced.useful where !isSelected[j] {
            let s = score(gain(j), reduced.costs[j])
            if best.map({ s > $0.score }) ?? true { best = (j, s) }
        }
        return best?.j
    }

    mutating func add(_ j: Int) {
        covered += gain(j)
        for r in reduced.columns[j] { count[r] += 1; sole[r] += j }
        selected.append(j)
        isSelected[j] = true
    }

    mutating func remove(_ j: Int) {
        for r in reduced.columns[j] {
            count[r] -= 1
            sole[r] -= j
            if count[r] == 0 { covered -= reduced.rowWeights[r] }
        }
        selected.removeAll { $0 == j }
        isSelected[j] = false
    }

    mutating func swap(out: Int, in j: Int) {
        remove(out)
        add(j)
    }

    /// Per chosen candidate (by position in `selected`): the row weight only it covers.
    private func losses() -> [Double] {
        let position = Dictionary(uniqueKeysWithValues: selected.enumerated().map { ($1, $0) })
        var loss = [Double](repeating: 0, count: selected.count)
        for r in count.indices where count[r] == 1 { loss[position[sole[r]]!] += reduced.rowWeights[r] }
        return loss
    }

    /// The swap (chosen `out`, unchosen `in`) that adds the most coverage — or, with `keeping`,
    /// saves the most cost while coverage stays at least `keeping`, then adds the most coverage.
    func bestSwap(keeping floor: Double? = nil) -> (out: Int, in: Int, coverage: Double, saving: Double)? {
        guard !selected.isEmpty else { return nil }
        let position = Dictionary(uniqueKeysWithValues: selected.enumerated().map { ($1, $0) })
        let loss = losses()
        var extra = [Double](repeating: 0, count: selected.count)
        var best: (out: Int, in: Int, coverage: Double, saving: Double)? = nil
        for j in reduced.useful where !isSelected[j] {
            // What j adds once the chosen site at position p is gone: rows nobody covers, plus rows only p covers.
            var fresh = 0.0
            var touched: [Int] = []
            for r in reduced.columns[j] {
                if count[r] == 0 {
                    fresh += reduced.rowWeights[r]
                } else if count[r] == 1 {
                    let p = position[sole[r]]!
                    if extra[p] == 0 { touched.append(p) }
                    extra[p] += reduced.rowWeights[r]
                }
            }
            for (p, out) in selected.enumerated() {
                let coverage = fresh + extra[p] - loss[p]
                let saving = reduced.costs[out] - reduced.costs[j]
                if let floor, covered + coverage < floor { continue }
                let better = best.map { b in
                    floor == nil ? coverage > b.coverage : (saving > b.saving + 1e-12 || (saving > b.saving - 1e-12 && coverage > b.coverage))
                } ?? true
                if better { best = (out, j, coverage, saving) }
            }
            for p in touched { extra[p] = 0 }
        }
        return best
    }

    /// Drops chosen sites, costliest first (then the one covering least alone), while coverage stays at least `floor`.
    mutating func dropRedundant(keeping floor: Double) {
        while true {
            let loss = losses()
            let droppable = selected.indices.filter { covered - loss[$0] >= floor }
            guard let p = droppable.max(by: { (reduced.costs[selected[$0]], -loss[$0]) < (reduced.costs[selected[$1]], -loss[$1]) }) else { return }
            remove(selected[p])
        }
    }
}
