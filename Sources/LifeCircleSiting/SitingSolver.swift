import Foundation

/// How long CBC may search, and from what size the heuristic answers alone.
public struct SolveOptions: Hashable, Sendable {
    /// Seconds for the whole solve; CBC gets what the heuristic leaves.
    public var timeLimit: Double
    /// Models with more nonzeros than this are not given to the MIP: the heuristic answers, with
    /// the LP relaxation's optimum as its bound.
    public var maxNonzeros: Int

    public init(timeLimit: Double = 60, maxNonzeros: Int = 2_000_000) {
        self.timeLimit = timeLimit
        self.maxNonzeros = maxNonzeros
    }
}

/// The answer to a siting problem, with how good it is known to be.
public struct SitingSolution: Hashable, Sendable {
    public enum Method: String, Hashable, Sendable, Codable {
        /// CBC's branch and cut (started from the heuristic's answer).
        case mip
        /// Greedy + swaps alone: the instance was too large for the MIP.
        case heuristic
    }

    /// Candidates chosen (indices), in order of marginal gain: each adds the most weight given those before it.
    public var selected: [Int]
    /// `.addSites`: the weight covered (served, when capacitated) in all, the kept facilities'
    /// included. `.reachShare`: the cost of the new sites (their number when costs are all 1).
    public var objective: Double
    /// The best bound proved: no answer does better than this.
    public var bound: Double
    /// |bound − objective| ÷ |objective|; 0 when the answer is proved optimal.
    public var gap: Double
    public var optimal: Bool
    public var method: Method
    /// What the heuristic alone reached, in the objective's terms.
    public var heuristicObjective: Double
    /// CBC's last word, e.g. "optimal", "time limit", or why the MIP was not run.
    public var status: String
    public var seconds: Double
    /// Weight covered (served, when capacitated) by the kept facilities alone, and with the new sites.
    public var weightBefore: Double
    public var weightAfter: Double
    /// Capacitated only: households served by each facility (kept ones, then `selected`), before and after.
    public var service: Service?

    public struct Service: Hashable, Sendable {
        public var servedBefore: [Double]
        public var servedAfter: [Double]
    }
}

/// Solves a siting problem: the greedy + swap heuristic first, then — when the model is small
/// enough — CBC from the heuristic's answer within the time limit; always with a bound and a gap.
public enum SitingSolver {
    /// The CBC library loaded, e.g. "2.10.8".
    public static var cbcVersion: String { CBC.version }

    public static func solve(_ problem: SitingProblem, goal: SitingGoal, options: SolveOptions = SolveOptions()) throws -> SitingSolution {
        switch goal {
        case .addSites(let k) where k < 1: throw SitingError.invalidRequest("the number of sites to add must be at least 1, not \(k)")
        case .reachShare(let s) where !(s > 0 && s <= 1): throw SitingError.invalidRequest("the target share must be in (0, 1], not \(s)")
        default: break
        }
        return problem.capacity == nil ? try uncapacitated(problem, goal, options) : try capacitated(problem, goal, options)
    }

    private static func uncapacitated(_ problem: SitingProblem, _ goal: SitingGoal, _ options: SolveOptions) throws -> SitingSolution {
        let started = GreedyHeuristic.now()
        let deadline = started + options.timeLimit
        let reduced = ReducedCoverage(problem)
        let total = problem.weights.reduce(0, +)
        let heuristic: [Int]
        let model: MIPModel?
        switch goal {
        case .addSites(let k):
            heuristic = GreedyHeuristic.maxCoverage(reduced, sites: k, localSearch: true, deadline: deadline)
            model = reduced.useful.isEmpty ? nil : CoverageMIP.maxCoverage(reduced, sites: k)
        case .reachShare(let share):
            let need = share * total - reduced.before
            guard need <= reduced.reachable + 1e-9 * max(total, 1) else {
                throw SitingError.targetOutOfReach(target: share, best: (reduced.before + reduced.reachable) / total,
                                                   candidates: problem.candidates.count, measure: "the weight")
            }
            heuristic = GreedyHeuristic.minCost(reduced, need: need, localSearch: true, deadline: deadline)
            model = heuristic.isEmpty ? nil : CoverageMIP.minCost(reduced, need: need)
        }
        let covered = { (sites: [Int]) -> Double in
            var state = CoverState(reduced)
            for j in sites { state.add(j) }
            return reduced.before + state.covered
        }
        let value = { (sites: [Int]) -> Double in
            if case .addSites = goal { covered(sites) } else { sites.reduce(0) { $0 + problem.costs[$1] } }
        }
        let feasible = { (sites: [Int]) -> Bool in
            switch goal {
            case .addSites(let k): sites.count <= k
            case .reachShare(let share): covered(sites) >= share * total - 1e-9 * max(total, 1)
            }
        }
        let start = { (model: MIPModel, sites: [Int]) -> [Double] in
            var state = CoverState(reduced)
            for j in sites { state.add(j) }
            let open = Set(sites)
            return model.solution(opens: open.contains, covers: state.isCovered, serves: { _, _ in 0 })
        }
        let offset = goal.maximizes ? reduced.before : 0
        var answer = try search(model, heuristic: heuristic, start: start, value: value, feasible: feasible, offset: offset,
                                goal: goal, options: options, deadline: deadline)
        answer.step = goal.maximizes ? problem.weightStep : problem.costStep
        let ordered = orderByMarginalGain(problem, answer.selected)
        return answer.solution(selected: ordered, before: reduced.before, after: covered(ordered),
                               heuristic: value(heuristic), seconds: GreedyHeuristic.now() - started)
    }

    private static func capacitated(_ problem: SitingProblem, _ goal: SitingGoal, _ options: SolveOptions) throws -> SitingSolution {
        let started = GreedyHeuristic.now()
        let deadline = started + options.timeLimit
        let total = problem.weights.reduce(0, +)
        let useful = problem.candidates.indices.filter { !problem.candidates[$0].isEmpty }
        let served = { (sites: [Int]) throws -> (weight: Double, households: [Double]) in
            let assignment = CoverageMIP.capacitated(problem, goal: nil, open: sites)
            let lp = CBC.solve(assignment, timeLimit: options.timeLimit)
            guard let values = lp.values, let weight = lp.objective else { throw SitingError.solverFailed("assignment LP: \(lp.status.rawValue)") }
            return (weight, CoverageMIP.servedHouseholds(problem, assignment, open: sites, values: values))
        }
        let heuristic: [Int]
        switch goal {
        case .addSites(let k):
            heuristic = CapacitatedHeuristic.solve(problem, sites: k, need: nil)
        case .reachShare(let share):
            let best = try served(useful).weight
            guard share * total <= best + 1e-9 * max(total, 1) else {
                throw SitingError.targetOutOfReach(target: share, best: best / total, candidates: problem.candidates.count, measure: "the weight")
            }
            let greedy = CapacitatedHeuristic.solve(problem, sites: nil, need: share * total)
            // The fill is not the best assignment; if it falls short, all useful candidates are an answer that reaches.
            heuristic = try served(greedy).weight >= share * total * (1 - 1e-9) ? greedy : useful
        }
        let before = try served([])
        let value = { (sites: [Int]) throws -> Double in
            if case .addSites = goal { try served(sites).weight } else { sites.reduce(0) { $0 + problem.costs[$1] } }
        }
        // A target the kept facilities already reach needs no new site.
        let needed = if case .reachShare(let s) = goal { s * total > before.weight * (1 + 1e-12) } else { true }
        let model = needed && !useful.isEmpty ? CoverageMIP.capacitated(problem, goal: goal) : nil
        let first = needed ? heuristic : []
        let start = { (model: MIPModel, sites: [Int]) -> [Double] in
            let shares = CapacitatedHeuristic.assignment(problem, open: sites)
            let open = Set(sites)
            return model.solution(opens: open.contains, covers: { _ in false }, serves: { shares[$0]?[$1] ?? 0 })
        }
        let feasible = { (sites: [Int]) throws -> Bool in
            switch goal {
            case .addSites(let k): sites.count <= k
            case .reachShare(let share): try served(sites).weight >= share * total - 1e-9 * max(total, 1)
            }
        }
        var answer = try search(model, heuristic: first, start: start, value: value, feasible: feasible,
                                offset: 0, goal: goal, options: options, deadline: deadline)
        answer.step = goal.maximizes ? nil : problem.costStep
        let ordered = orderByMarginalGain(problem, answer.selected)
        let after = try served(ordered)
        var solution = answer.solution(selected: ordered, before: before.weight, after: after.weight,
                                       heuristic: try value(first), seconds: GreedyHeuristic.now() - started)
        solution.service = SitingSolution.Service(servedBefore: before.households, servedAfter: after.households)
        return solution
    }

    /// What the search settled on, before the answer is ordered and described.
    private struct Answer {
        var selected: [Int]
        var objective: Double
        var bound: Double
        var method: SitingSolution.Method
        var status: String
        var maximize: Bool
        /// The step every objective value is a multiple of, when there is one, so a bound can be
        /// rounded to the nearest value an answer can take.
        var step: Double?

        func solution(selected: [Int], before: Double, after: Double, heuristic: Double, seconds: Double) -> SitingSolution {
            let raw = self.bound
            let rounded = step.map { step in
                maximize ? ((raw + 1e-6) / step).rounded(.down) * step : ((raw - 1e-6) / step).rounded(.up) * step
            } ?? raw
            // A bound past the objective by rounding noise is the objective.
            let bound = maximize ? max(rounded, objective) : min(rounded, objective)
            let difference = abs(bound - objective)
            let optimal = difference <= 1e-9 * max(abs(objective), 1)
            return SitingSolution(
                selected: selected, objective: objective, bound: bound,
                gap: optimal ? 0 : difference / max(abs(objective), 1e-12), optimal: optimal, method: method,
                heuristicObjective: heuristic, status: status, seconds: seconds, weightBefore: before, weightAfter: after)
        }
    }

    /// CBC from the heuristic's answer (as the full solution `start` makes of it) when the model is
    /// small enough, else the heuristic with the LP relaxation's bound. `offset` is the constant the
    /// model leaves out (the weight covered before). CBC's answer is checked with `feasible` before
    /// it is taken: a solver's tolerances are not the problem's.
    private static func search(_ model: MIPModel?, heuristic: [Int], start: (MIPModel, [Int]) -> [Double],
                               value: ([Int]) throws -> Double, feasible: ([Int]) throws -> Bool, offset: Double,
                               goal: SitingGoal, options: SolveOptions, deadline: Double) throws -> Answer {
        let maximize = goal.maximizes
        let heuristicValue = try value(heuristic)
        guard let model else {
            // Nothing to choose from, or nothing needed: the heuristic's answer is exact.
            return Answer(selected: heuristic, objective: heuristicValue, bound: heuristicValue, method: .mip,
                          status: "nothing to optimise", maximize: maximize)
        }
        let remaining = max(0.1, deadline - GreedyHeuristic.now())
        guard model.nonzeros <= options.maxNonzeros else {
            let lp = CBC.solve(model.relaxed, timeLimit: remaining)
            guard let bound = lp.objective else { throw SitingError.solverFailed("LP relaxation: \(lp.status.rawValue)") }
            return Answer(selected: heuristic, objective: heuristicValue, bound: bound + offset, method: .heuristic,
                          status: "model too large for the MIP (\(model.nonzeros) nonzeros > \(options.maxNonzeros)); bound from the LP relaxation",
                          maximize: maximize)
        }
        let outcome = CBC.solve(model, start: start(model, heuristic), timeLimit: remaining)
        guard outcome.status == .optimal || outcome.status == .timeLimit, let bound = outcome.bound else {
            throw SitingError.solverFailed("CBC: \(outcome.status.rawValue)")
        }
        var selected = heuristic
        var objective = heuristicValue
        if let values = outcome.values {
            let mip = model.meaning.indices.compactMap { c -> Int? in
                if case .opens(let j) = model.meaning[c], values[c] > 0.5 { j } else { nil }
            }
            let mipValue = try value(mip)
            if try feasible(mip), maximize ? mipValue > objective : mipValue < objective { (selected, objective) = (mip, mipValue) }
        }
        return Answer(selected: selected, objective: objective, bound: bound + offset, method: .mip,
                      status: outcome.status.rawValue, maximize: maximize)
    }

    /// `selected` reordered so each adds the most not-yet-covered weight given those before it
    /// (ties: the lower index) — the order a planner would build them in.
    static func orderByMarginalGain(_ problem: SitingProblem, _ selected: [Int]) -> [Int] {
        var covered = problem.coveredBefore
        var left = selected.sorted()
        var order: [Int] = []
        while !left.isEmpty {
            let gains = left.map { j in problem.candidates[j].reduce(0) { covered[$1] ? $0 : $0 + problem.weights[$1] } }
            let best = gains.indices.max { gains[$0] < gains[$1] || (gains[$0] == gains[$1] && left[$0] > left[$1]) }!
            let j = left.remove(at: best)
            for i in problem.candidates[j] { covered[i] = true }
            order.append(j)
        }
        return order
    }
}

extension SitingGoal {
    var maximizes: Bool { if case .addSites = self { true } else { false } }
}
