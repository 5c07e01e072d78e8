import Foundation
import LifeCircleCoverage
import LifeCircleGEOS
import LifeCircleGeometry
import LifeCircleIO
import LifeCircleInput
import LifeCircleNorms

/// Where to build next: from the demand units, the kept facilities and the candidate sites, through
/// an access model's coverage sets, to the proposed sites and the coverage before and after.
public enum SitingAnalysis {
    public struct Inputs: Sendable {
        public var demand: InputLayer
        /// Existing facilities, kept; nil for none.
        public var facilities: InputLayer?
        /// Candidate sites: points or parcels, optionally with `floor_area_m2` and `cost`.
        public var candidates: InputLayer
        /// Forces one kind for the whole demand layer (`--kind village`).
        public var kind: DemandKind?
        /// Only `coverageSets` is used: any model (straight line, street network) plugs in.
        public var model: any AccessModel
        /// How the model measures, for outputs, e.g. "straight line ≤ 1000 m".
        public var profile: String
        /// The same in Chinese, for the report.
        public var profileZh: String
        public var minutes: Double?
        public var radius: Double?
        public var goal: SitingGoal
        public var measure: SitingMeasure
        public var pack: RulePack?
        /// Capacitated siting: a facility serves at most floor area ÷ norm × 100 households.
        public var capacitated: Bool
        /// m² per 100 households for capacities; default: the pack's norm for new districts.
        public var norm: Double?
        /// Default: the pack's, else 3.0.
        public var personsPerHousehold: Double?
        public var options: SolveOptions
        public var notes: [String]

        public init(demand: InputLayer, facilities: InputLayer?, candidates: InputLayer, kind: DemandKind? = nil,
                    model: any AccessModel, profile: String, profileZh: String? = nil, minutes: Double? = nil, radius: Double? = nil,
                    goal: SitingGoal, measure: SitingMeasure = .units, pack: RulePack? = nil, capacitated: Bool = false,
                    norm: Double? = nil, personsPerHousehold: Double? = nil, options: SolveOptions = SolveOptions(), notes: [String] = []) {
            self.demand = demand
            self.facilities = facilities
            self.candidates = candidates
            self.kind = kind
            self.model = model
            self.profile = profile
            self.profileZh = profileZh ?? profile
            self.minutes = minutes
            self.radius = radius
            self.goal = goal
            self.measure = measure
            self.pack = pack
            self.capacitated = capacitated
            self.norm = norm
            self.personsPerHousehold = personsPerHousehold
            self.options = options
            self.notes = notes
        }
    }

    public static func run(_ inputs: Inputs) throws -> SitingReport {
        let (units, badKinds) = try DemandUnits.read(inputs.demand, kind: inputs.kind)
        guard !units.isEmpty else { throw SitingError.invalidRequest("\(inputs.demand.source): no demand unit to cover (see the rejections)") }
        let facilities = inputs.facilities?.features ?? []
        let candidates = inputs.candidates.features
        let candidatePlaces = try candidates.map { try DemandUnits.locate($0.geometry) }
        let facilityPlaces = try facilities.map { try DemandUnits.locate($0.geometry).0 }
        let existing = try inputs.model.coverageSets(from: facilityPlaces, to: units.map(\.location))
        let reach = try inputs.model.coverageSets(from: candidatePlaces.map(\.0), to: units.map(\.location))

        var warnings = inputs.demand.warnings + (inputs.facilities?.warnings ?? []) + inputs.candidates.warnings
        for (i, note) in try inputs.model.unplaceable(facilityPlaces) { warnings.append("facility \(facilities[i].id): \(note); it covers no one") }
        for (i, note) in try inputs.model.unplaceable(candidatePlaces.map(\.0)) { warnings.append("candidate \(candidates[i].id): \(note); it covers no one") }
        let weights = try measureWeights(units, inputs.measure, &warnings)
        let costs = try candidateCosts(inputs.candidates)
        var basis: CapacityBasis? = nil
        var capacity: SitingProblem.Capacity? = nil
        if inputs.capacitated {
            (capacity, basis) = try capacities(inputs, units: units)
            if basis!.existingWithoutFloorArea > 0 {
                warnings.append("\(basis!.existingWithoutFloorArea) existing facilities give no floor area: taken as serving every unit they reach")
            }
        }
        let problem = SitingProblem(weights: weights, existing: existing, candidates: reach, costs: costs, capacity: capacity)

        let solution: SitingSolution
        do {
            solution = try SitingSolver.solve(problem, goal: inputs.goal, options: inputs.options)
        } catch SitingError.targetOutOfReach(let target, let best, let count, _) {
            throw SitingError.targetOutOfReach(target: target, best: best, candidates: count, measure: inputs.measure.label)
        }
        if case .addSites(let k) = inputs.goal, solution.selected.count < k {
            warnings.append("only \(solution.selected.count) of the \(k) sites asked for add coverage; no other candidate reaches an uncovered unit")
        }

        // Units before and after, and what each proposed site newly covers, in rank order.
        let population = units.map(\.population), elderly = units.map(\.elderlyPopulation)
        let before = problem.coveredBefore
        var after = before
        var coveredBy = [String?](repeating: nil, count: units.count)
        var selected: [SelectedSite] = []
        for (rank, j) in solution.selected.enumerated() {
            let fresh = reach[j].filter { !after[$0] }
            for i in fresh { after[i] = true; coveredBy[i] = candidates[j].id }
            selected.append(SelectedSite(
                rank: rank + 1, id: candidates[j].id, name: inputs.candidates.value("name", of: candidates[j])?.text,
                newlyCoveredUnits: fresh.count, newlyCoveredPopulation: total(population, over: fresh),
                newlyCoveredElderly: total(elderly, over: fresh),
                newlyCoveredWeight: fresh.reduce(0) { $0 + weights[$1] }, newlyCovered: fresh.map { units[$0].id },
                cost: costs[j], capacityHouseholds: capacity?.candidates[j],
                servedHouseholds: solution.service.map { $0.servedAfter[facilities.count + rank] }))
        }
        let rank = Dictionary(uniqueKeysWithValues: solution.selected.enumerated().map { ($1, $0 + 1) })
        let candidateResults = candidates.indices.map { j in
            CandidateResult(id: candidates[j].id, name: inputs.candidates.value("name", of: candidates[j])?.text,
                            selected: rank[j] != nil, rank: rank[j], reaches: reach[j].count,
                            reachesUncovered: reach[j].filter { !before[$0] }.count, cost: costs[j], locatedBy: candidatePlaces[j].1)
        }
        let unitResults = units.indices.map { i in
            SitingUnit(id: units[i].id, name: units[i].name, kind: units[i].kind, population: units[i].population,
                       elderlyPopulation: units[i].elderlyPopulation, coveredBefore: before[i], coveredAfter: after[i],
                       newlyCoveredBy: coveredBy[i])
        }

        let totalWeight = weights.reduce(0, +)
        let share = { (w: Double) in totalWeight > 0 ? w / totalWeight : nil }
        let shareAfter = share(solution.weightAfter)
        let targetMet: Bool? = if case .reachShare(let s) = inputs.goal { (shareAfter ?? 0) >= s - 1e-9 } else { nil }
        let costsGiven = candidates.contains { inputs.candidates.value("cost", of: $0)?.number != nil }
        let objectiveMeaning = switch inputs.goal {
        case .addSites: (inputs.capacitated ? "served " : "covered ") + inputs.measure.label
        case .reachShare: costsGiven ? "cost of the new sites" : "new sites"
        }
        let summary = SitingSummary(
            units: units.count, coveredUnitsBefore: before.filter { $0 }.count, coveredUnitsAfter: after.filter { $0 }.count,
            coveredPopulationBefore: total(population, over: units.indices.filter { before[$0] }),
            coveredPopulationAfter: total(population, over: units.indices.filter { after[$0] }),
            coveredElderlyBefore: total(elderly, over: units.indices.filter { before[$0] }),
            coveredElderlyAfter: total(elderly, over: units.indices.filter { after[$0] }),
            shareBefore: share(solution.weightBefore), shareAfter: shareAfter,
            bestReachableShare: share(problem.weight(of: problem.coverable)), targetMet: targetMet,
            sitesAdded: solution.selected.count, cost: solution.selected.reduce(0) { $0 + costs[$1] },
            objectiveMeaning: objectiveMeaning, objective: solution.objective, bestBound: solution.bound, gap: solution.gap,
            optimal: solution.optimal, method: solution.method, solver: "CBC \(SitingSolver.cbcVersion)", solverStatus: solution.status,
            heuristicObjective: solution.heuristicObjective, seconds: solution.seconds,
            capacity: capacity.map { capacitySummary($0, solution, weights: weights, after: after) })

        let goal: (String, Int?, Double?) = switch inputs.goal {
        case .addSites(let k): ("add-sites", k, nil)
        case .reachShare(let s): ("reach-share", nil, s)
        }
        let request = SitingRequest(
            goal: goal.0, sites: goal.1, targetShare: goal.2, by: inputs.measure, capacitated: inputs.capacitated,
            method: inputs.model.method, profile: inputs.profile, profileZh: inputs.profileZh, minutes: inputs.minutes, radiusMeters: inputs.radius,
            crs: inputs.demand.crs, timeLimitSeconds: inputs.options.timeLimit, pack: inputs.pack?.id, capacity: basis)
        return SitingReport(
            notes: inputs.notes,
            inputs: ([inputs.demand] + (inputs.facilities.map { [$0] } ?? []) + [inputs.candidates]).map(InputRecord.init),
            request: request, selected: selected, candidates: candidateResults, units: unitResults,
            summary: summary,
            rejected: inputs.demand.rejections + (inputs.facilities?.rejections ?? []) + inputs.candidates.rejections + badKinds,
            repaired: inputs.demand.repairs + (inputs.facilities?.repairs ?? []) + inputs.candidates.repairs,
            warnings: warnings)
    }

    /// The service areas of the kept facilities and of the proposed sites (in rank order) under
    /// `model`, for maps.
    public static func serviceAreas(_ report: SitingReport, facilities: InputLayer?, candidates: InputLayer,
                                    model: any AccessModel) throws -> (existing: [Geometry], proposed: [Geometry]) {
        let byID = Dictionary(candidates.features.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let existing = try (facilities?.features ?? []).map { try DemandUnits.locate($0.geometry).0 }
        let proposed = try report.selected.compactMap { byID[$0.id] }.map { try DemandUnits.locate($0.geometry).0 }
        return (try model.serviceAreas(from: existing), try model.serviceAreas(from: proposed))
    }

    /// Σ of the units' known `values` over `members`; nil when no unit gives the value at all.
    private static func total(_ values: [Double?], over members: [Int]) -> Double? {
        values.contains { $0 != nil } ? members.reduce(0) { $0 + (values[$1] ?? 0) } : nil
    }

    private static func measureWeights(_ units: [DemandUnit], _ measure: SitingMeasure, _ warnings: inout [String]) throws -> [Double] {
        let values: [Double?] = switch measure {
        case .units: units.map { _ in 1 }
        case .population: units.map(\.population)
        case .elderly: units.map(\.elderlyPopulation)
        }
        let missing = values.filter { $0 == nil }.count
        guard missing < units.count else {
            throw SitingError.invalidRequest("coverage by \(measure.rawValue): no demand unit gives its \(measure.label)")
        }
        if missing > 0 { warnings.append("\(missing) demand units give no \(measure.label): they count 0 in coverage by \(measure.rawValue)") }
        return values.map { max($0 ?? 0, 0) }
    }

    /// Candidates' `cost`, all 1 when none gives one; a cost on some but not all is an error.
    private static func candidateCosts(_ layer: InputLayer) throws -> [Double] {
        let costs = layer.features.map { layer.value("cost", of: $0)?.number }
        guard costs.contains(where: { $0 != nil }) else { return costs.map { _ in 1 } }
        return try zip(layer.features, costs).map { feature, cost in
            guard let cost, cost > 0 else {
                throw SitingError.missingValue(source: layer.source, feature: feature.id, field: "cost",
                                               reason: cost == nil ? "is missing while other candidates give one" : "must be > 0")
            }
            return cost
        }
    }

    /// Households per unit and per facility: floor area ÷ norm × 100.
    private static func capacities(_ inputs: Inputs, units: [DemandUnit]) throws -> (SitingProblem.Capacity, CapacityBasis) {
        let rule = inputs.pack?.rules.first { $0.metric == .floorAreaPer100Households && $0.target == .districts(.new) }
            ?? inputs.pack?.rules.first { $0.metric == .floorAreaPer100Households }
        guard let norm = inputs.norm ?? rule?.threshold, norm > 0 else {
            throw SitingError.invalidRequest("capacitated siting needs a norm in m² per 100 households: give one, or a rule pack with a floor_area_per_100_households rule")
        }
        let source = inputs.norm != nil ? "given by the user" : "\(rule!.id) (\(inputs.pack!.id))"
        let pph = inputs.personsPerHousehold ?? inputs.pack?.personsPerHousehold ?? 3.0
        var fromPopulation = 0
        let features = Dictionary(inputs.demand.features.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let demand = try units.map { unit in
            if let households = features[unit.id].flatMap({ inputs.demand.value("households", of: $0)?.number }) { return households }
            guard let population = unit.population else {
                throw SitingError.missingValue(source: inputs.demand.source, feature: unit.id, field: "households",
                                               reason: "is missing and so is population; capacitated siting needs one")
            }
            fromPopulation += 1
            return population / pph
        }
        let households = { (area: Double) in area / norm * 100 }
        let candidates = try inputs.candidates.features.map { feature in
            guard let area = inputs.candidates.value("floor_area_m2", of: feature)?.number, area > 0 else {
                throw SitingError.missingValue(source: inputs.candidates.source, feature: feature.id, field: "floor_area_m2",
                                               reason: "is missing or not > 0; capacitated siting needs every candidate's floor area")
            }
            return households(area)
        }
        let facilities = inputs.facilities
        let existing = facilities?.features.map { feature in
            facilities!.value("floor_area_m2", of: feature)?.number.map(households) ?? .infinity
        } ?? []
        return (SitingProblem.Capacity(demand: demand, existing: existing, candidates: candidates),
                CapacityBasis(normM2Per100Households: norm, normSource: source, personsPerHousehold: pph,
                              unitsFromPopulation: fromPopulation, existingWithoutFloorArea: existing.filter { !$0.isFinite }.count))
    }

    private static func capacitySummary(_ capacity: SitingProblem.Capacity, _ solution: SitingSolution, weights: [Double], after: [Bool]) -> CapacitySummary {
        let counted = weights.indices.filter { weights[$0] > 0 }
        let demand = counted.reduce(0) { $0 + capacity.demand[$1] }
        let reachable = counted.filter { after[$0] }.reduce(0) { $0 + capacity.demand[$1] }
        let before = solution.service!.servedBefore.reduce(0, +)
        let served = solution.service!.servedAfter.reduce(0, +)
        return CapacitySummary(demandHouseholds: demand, servedHouseholdsBefore: before, servedHouseholdsAfter: served,
                               unmetHouseholds: max(demand - served, 0), unmetWithinReachHouseholds: max(reachable - served, 0))
    }
}
