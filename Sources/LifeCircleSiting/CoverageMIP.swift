/// A mixed-integer program in the column-major sparse form `Cbc_loadProblem` takes.
struct MIPModel: Sendable {
    var columnStarts: [Int32] = [0]
    var rowIndices: [Int32] = []
    var values: [Double] = []
    var columnLower: [Double] = []
    var columnUpper: [Double] = []
    var objective: [Double] = []
    var rowLower: [Double] = []
    var rowUpper: [Double] = []
    /// Columns that must take whole values.
    var integers: [Int] = []
    var maximize: Bool
    /// Per column: what it stands for, to read answers back and to write starting solutions.
    var meaning: [Column] = []

    enum Column: Sendable {
        /// x_j: candidate j (original index) is built.
        case opens(Int)
        /// y_r: reduced row r is covered.
        case covers(Int)
        /// z_if: the share of unit i facility f serves (f: kept facilities, then candidates by original index).
        case serves(facility: Int, unit: Int)
    }

    var columnCount: Int { objective.count }
    var rowCount: Int { rowLower.count }
    var nonzeros: Int { values.count }

    static let unbounded = Double.greatestFiniteMagnitude

    mutating func addRow(lower: Double, upper: Double) -> Int32 {
        rowLower.append(lower)
        rowUpper.append(upper)
        return Int32(rowLower.count - 1)
    }

    mutating func addColumn(_ column: Column, objective c: Double, entries: [(row: Int32, value: Double)]) {
        if case .opens = column { integers.append(columnCount) }
        objective.append(c)
        columnLower.append(0)
        columnUpper.append(1)
        meaning.append(column)
        for (row, value) in entries.sorted(by: { $0.row < $1.row }) {
            rowIndices.append(row)
            values.append(value)
        }
        columnStarts.append(Int32(values.count))
    }

    /// A solution vector: each column's value from what it stands for.
    func solution(opens: (Int) -> Bool, covers: (Int) -> Bool, serves: (_ facility: Int, _ unit: Int) -> Double) -> [Double] {
        meaning.map { column in
            switch column {
            case .opens(let j): opens(j) ? 1 : 0
            case .covers(let r): covers(r) ? 1 : 0
            case .serves(let f, let i): serves(f, i)
            }
        }
    }

    /// The same program with every column continuous: its optimum bounds the MIP's.
    var relaxed: MIPModel {
        var copy = self
        copy.integers = []
        return copy
    }
}

/// The siting MIPs. x_j ∈ {0, 1} opens candidate j; y_r ∈ [0, 1] is row r covered (continuous:
/// the x's being whole makes y whole at an optimum); z_if ∈ [0, 1] is the share of unit i's
/// households facility f serves.
enum CoverageMIP {
    /// Maximal covering: max Σ W_r y_r subject to y_r ≤ Σ_{j reaches r} x_j and Σ x_j ≤ sites.
    static func maxCoverage(_ reduced: ReducedCoverage, sites: Int) -> MIPModel {
        var model = MIPModel(maximize: true)
        let rows = reduced.rowWeights.indices.map { _ in model.addRow(lower: -MIPModel.unbounded, upper: 0) }
        let count = model.addRow(lower: -MIPModel.unbounded, upper: Double(sites))
        for j in reduced.useful {
            model.addColumn(.opens(j), objective: 0, entries: reduced.columns[j].map { (rows[$0], -1) } + [(count, 1)])
        }
        for (r, w) in reduced.rowWeights.enumerated() { model.addColumn(.covers(r), objective: w, entries: [(rows[r], 1)]) }
        return model
    }

    /// Least cost to cover `need` row weight: min Σ c_j x_j subject to y_r ≤ Σ_{j reaches r} x_j and
    /// Σ W_r y_r ≥ need. When no row can be left out (every row's weight exceeds the slack), the
    /// plain set-covering rows Σ_{j reaches r} x_j ≥ 1 say the same with a tighter relaxation.
    static func minCost(_ reduced: ReducedCoverage, need: Double) -> MIPModel {
        var model = MIPModel(maximize: false)
        let slack = reduced.reachable - need
        if reduced.rowWeights.allSatisfy({ $0 > slack }) {
            let rows = reduced.rowWeights.indices.map { _ in model.addRow(lower: 1, upper: MIPModel.unbounded) }
            for j in reduced.useful {
                model.addColumn(.opens(j), objective: reduced.costs[j], entries: reduced.columns[j].map { (rows[$0], 1) })
            }
            return model
        }
        let rows = reduced.rowWeights.indices.map { _ in model.addRow(lower: -MIPModel.unbounded, upper: 0) }
        let target = model.addRow(lower: need, upper: MIPModel.unbounded)
        for j in reduced.useful {
            model.addColumn(.opens(j), objective: reduced.costs[j], entries: reduced.columns[j].map { (rows[$0], -1) })
        }
        for (r, w) in reduced.rowWeights.enumerated() { model.addColumn(.covers(r), objective: 0, entries: [(rows[r], 1), (target, w)]) }
        return model
    }

    /// Capacitated siting: each facility f serves at most its capacity C_f of households,
    /// Σ_i h_i z_if ≤ C_f x_f; a unit is served at most once, Σ_f z_if ≤ 1; z_ij ≤ x_j tightens the
    /// relaxation. `.addSites(k)`: max Σ w_i z_if with Σ x_j ≤ k. `.reachShare(s)`: min Σ c_j x_j
    /// with Σ w_i z_if ≥ s Σ w_i. With `open`, the candidates are fixed (x_j = 1 for those, absent
    /// otherwise) and the program is the assignment LP: the most weight the open sites can serve.
    static func capacitated(_ problem: SitingProblem, goal: SitingGoal?, open: [Int]? = nil) -> MIPModel {
        let capacity = problem.capacity!
        let maximize = goal?.maximizes ?? true
        var model = MIPModel(maximize: maximize)
        let candidates = open ?? problem.candidates.indices.filter { !problem.candidates[$0].isEmpty }
        let unitRows = problem.weights.indices.map { _ in model.addRow(lower: -MIPModel.unbounded, upper: 1) }
        let target: Int32? = switch goal {
        case .reachShare(let share): model.addRow(lower: share * problem.weights.reduce(0, +), upper: MIPModel.unbounded)
        case .addSites(let k) where open == nil: model.addRow(lower: -MIPModel.unbounded, upper: Double(k))
        default: nil
        }

        // Facilities: the kept ones, then the candidates; each with its capacity row when finite.
        let facilities: [(units: [Int], capacity: Double, candidate: Int?)] =
            zip(problem.existing, capacity.existing).map { ($0, $1, nil) }
            + candidates.map { (problem.candidates[$0], capacity.candidates[$0], $0) }
        var capacityRows: [Int32?] = []
        for f in facilities {
            let fixed = f.candidate == nil || open != nil
            capacityRows.append(f.capacity.isFinite ? model.addRow(lower: -MIPModel.unbounded, upper: fixed ? f.capacity : 0) : nil)
        }
        for (f, facility) in facilities.enumerated() {
            let served = facility.units.filter { problem.weights[$0] > 0 }
            var linkRows: [Int32] = []
            if let j = facility.candidate, open == nil {
                linkRows = served.map { _ in model.addRow(lower: -MIPModel.unbounded, upper: 0) }
                var entries = linkRows.map { ($0, -1.0) }
                if let row = capacityRows[f] { entries.append((row, -facility.capacity)) }
                if let target, case .addSites = goal { entries.append((target, 1)) }
                model.addColumn(.opens(j), objective: maximize ? 0 : problem.costs[j], entries: entries)
            }
            for (n, i) in served.enumerated() {
                var entries: [(row: Int32, value: Double)] = [(unitRows[i], 1)]
                if let row = capacityRows[f] { entries.append((row, capacity.demand[i])) }
                if !linkRows.isEmpty { entries.append((linkRows[n], 1)) }
                if let target, case .reachShare = goal { entries.append((target, problem.weights[i])) }
                model.addColumn(.serves(facility: facility.candidate.map { problem.existing.count + $0 } ?? f, unit: i),
                                objective: maximize ? problem.weights[i] : 0, entries: entries)
            }
        }
        return model
    }

    /// Per facility (kept ones first, then `open` in order): the households it serves in the
    /// solution `values` of `capacitated(problem, goal: nil, open: open)`.
    static func servedHouseholds(_ problem: SitingProblem, _ model: MIPModel, open: [Int], values: [Double]) -> [Double] {
        let demand = problem.capacity!.demand
        let position = Dictionary(uniqueKeysWithValues: open.enumerated().map { (problem.existing.count + $1, problem.existing.count + $0) })
        var served = [Double](repeating: 0, count: problem.existing.count + open.count)
        for (column, meaning) in model.meaning.enumerated() {
            if case .serves(let f, let i) = meaning { served[position[f] ?? f] += demand[i] * values[column] }
        }
        return served
    }
}
