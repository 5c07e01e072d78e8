/// One siting instance: the demand units and what covering each is worth, the units each kept
/// facility and each candidate site covers (from an `AccessModel`'s `coverageSets`), and what
/// a candidate costs. Everything is by index: unit i, existing facility e, candidate j.
public struct SitingProblem: Hashable, Sendable {
    /// Per unit: what covering it is worth — 1, its population or its elderly population.
    public var weights: [Double]
    /// Per existing facility: the units it covers (kept as they are; their units count as covered before).
    public var existing: [[Int]]
    /// Per candidate site: the units it would cover.
    public var candidates: [[Int]]
    /// Per candidate: what building it costs; all 1 when not given, so "least cost" is "fewest sites".
    public var costs: [Double]
    /// Service limits, for capacitated siting; nil when a site serves every unit it covers.
    public var capacity: Capacity?

    public init(weights: [Double], existing: [[Int]], candidates: [[Int]], costs: [Double]? = nil, capacity: Capacity? = nil) {
        self.weights = weights
        self.existing = existing
        self.candidates = candidates
        self.costs = costs ?? Array(repeating: 1, count: candidates.count)
        self.capacity = capacity
    }

    /// How many households a facility can serve, and how many each unit has.
    public struct Capacity: Hashable, Sendable {
        /// Per unit: households.
        public var demand: [Double]
        /// Per existing facility: households it can serve; `.infinity` when its floor area is unknown.
        public var existing: [Double]
        /// Per candidate: households it could serve.
        public var candidates: [Double]

        public init(demand: [Double], existing: [Double], candidates: [Double]) {
            self.demand = demand
            self.existing = existing
            self.candidates = candidates
        }
    }

    /// Units covered by some existing facility.
    public var coveredBefore: [Bool] {
        var covered = [Bool](repeating: false, count: weights.count)
        for set in existing { for i in set { covered[i] = true } }
        return covered
    }

    /// Units covered by some candidate or existing facility: the most any choice of sites can cover.
    public var coverable: [Bool] {
        var covered = coveredBefore
        for set in candidates { for i in set { covered[i] = true } }
        return covered
    }

    /// The step every total cost is a multiple of (costs of 10 and 20: 10), when all costs are whole
    /// numbers: a bound on the least cost then rounds up to it (CBC's 298 against an answer of 300
    /// proves 300). Nil for fractional costs.
    var costStep: Double? { Self.commonStep(costs) }
    /// The same for the covered weight, whose bound rounds down.
    var weightStep: Double? { Self.commonStep(weights) }

    /// The greatest common divisor of whole numbers (zeros aside); nil when one is fractional or
    /// too large to be exact.
    static func commonStep(_ values: [Double]) -> Double? {
        var step: Int64 = 0
        for value in values {
            guard value == value.rounded(), abs(value) < 9e15 else { return nil }
            var (a, b) = (step, Int64(abs(value)))
            while b != 0 { (a, b) = (b, a % b) }
            step = a
        }
        return step > 0 ? Double(step) : nil
    }

    /// Σ weights of the units flagged.
    func weight(of flags: [Bool]) -> Double {
        zip(weights, flags).reduce(0) { $0 + ($1.1 ? $1.0 : 0) }
    }
}

/// What a siting run asks.
public enum SitingGoal: Hashable, Sendable {
    /// The `sites` new sites that cover the most weight (maximal covering, MCLP).
    case addSites(Int)
    /// The fewest new sites — the least cost, when costs are given — that bring the covered share
    /// of the total weight to `share` (location set covering, LSCP, when that is every coverable unit).
    case reachShare(Double)
}
