import LifeCircleCoverage
import LifeCircleIO
import LifeCircleInput

// The result of a siting run, as written to siting.json (schema: Schemas/siting.schema.json).

/// What covering a unit is worth: counting units, their population or their elderly population.
public enum SitingMeasure: String, Hashable, Sendable, Codable, CaseIterable {
    case units, population, elderly

    /// As outputs name it, e.g. "population".
    public var label: String {
        switch self {
        case .units: "units"
        case .population: "population"
        case .elderly: "elderly population"
        }
    }
}

/// How capacities were worked out (capacitated siting only).
public struct CapacityBasis: Hashable, Sendable, Codable {
    /// m² of floor area per 100 households the capacity divides by.
    public var normM2Per100Households: Double
    /// Where the norm comes from, e.g. "YC-NEW (yinchuan-2020)" or "given by the user".
    public var normSource: String
    public var personsPerHousehold: Double
    /// Units whose households were estimated as population ÷ persons per household.
    public var unitsFromPopulation: Int
    /// Kept facilities without a floor area, taken as unlimited.
    public var existingWithoutFloorArea: Int

    private enum CodingKeys: String, CodingKey {
        // Spelled out: the snake-case conversion would write "per100".
        case normM2Per100Households = "norm_m2_per_100_households"
        case normSource, personsPerHousehold, unitsFromPopulation, existingWithoutFloorArea
    }
}

/// What was asked, and how access was measured.
public struct SitingRequest: Hashable, Sendable, Codable {
    /// "add-sites" (`--add K`) or "reach-share" (`--target-share S`).
    public var goal: String
    public var sites: Int?
    public var targetShare: Double?
    public var by: SitingMeasure
    public var capacitated: Bool
    /// "network" or "straight-line".
    public var method: String
    public var profile: String
    public var profileZh: String
    public var minutes: Double?
    public var radiusMeters: Double?
    public var crs: CRSChoice
    public var timeLimitSeconds: Double
    public var pack: String?
    public var capacity: CapacityBasis?
}

/// A proposed site, in the order of marginal gain.
public struct SelectedSite: Hashable, Sendable, Codable {
    public var rank: Int
    public var id: String
    public var name: String?
    /// Units it covers that neither a kept facility nor a site ranked before it covers.
    public var newlyCoveredUnits: Int
    /// Their population; null when no unit gives one.
    public var newlyCoveredPopulation: Double?
    public var newlyCoveredElderly: Double?
    /// Their weight in the run's measure.
    public var newlyCoveredWeight: Double
    /// Ids of those units.
    public var newlyCovered: [String]
    public var cost: Double
    /// Capacitated only: households it can serve and households it serves in the final assignment.
    public var capacityHouseholds: Double?
    public var servedHouseholds: Double?

    private enum CodingKeys: String, CodingKey {
        case rank, id, name, newlyCoveredUnits, newlyCoveredPopulation, newlyCoveredElderly, newlyCoveredWeight, newlyCovered, cost
        case capacityHouseholds, servedHouseholds
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rank, forKey: .rank)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encode(newlyCoveredUnits, forKey: .newlyCoveredUnits)
        try c.encode(newlyCoveredPopulation, forKey: .newlyCoveredPopulation)
        try c.encode(newlyCoveredElderly, forKey: .newlyCoveredElderly)
        try c.encode(newlyCoveredWeight, forKey: .newlyCoveredWeight)
        try c.encode(newlyCovered, forKey: .newlyCovered)
        try c.encode(cost, forKey: .cost)
        try c.encodeIfPresent(capacityHouseholds, forKey: .capacityHouseholds)
        try c.encodeIfPresent(servedHouseholds, forKey: .servedHouseholds)
    }
}

/// Every candidate, chosen or not.
public struct CandidateResult: Hashable, Sendable, Codable {
    public var id: String
    public var name: String?
    public var selected: Bool
    /// Its place in `selected`, 1-based; nil when not chosen.
    public var rank: Int?
    /// Units within its reach, and those of them no kept facility covers.
    public var reaches: Int
    public var reachesUncovered: Int
    public var cost: Double
    public var locatedBy: String
}

/// One demand unit, before and after.
public struct SitingUnit: Hashable, Sendable, Codable {
    public var id: String
    public var name: String?
    public var kind: DemandKind
    public var population: Double?
    public var elderlyPopulation: Double?
    public var coveredBefore: Bool
    public var coveredAfter: Bool
    /// The first-ranked proposed site that covers it, when a kept facility does not.
    public var newlyCoveredBy: String?
}

/// Households served, capacitated siting only.
public struct CapacitySummary: Hashable, Sendable, Codable {
    public var demandHouseholds: Double
    public var servedHouseholdsBefore: Double
    public var servedHouseholdsAfter: Double
    /// Households not served after: out of every facility's reach, or within reach but beyond capacity.
    public var unmetHouseholds: Double
    public var unmetWithinReachHouseholds: Double
}

public struct SitingSummary: Hashable, Sendable, Codable {
    public var units: Int
    public var coveredUnitsBefore: Int
    public var coveredUnitsAfter: Int
    /// Over the units that give their population; null when none does.
    public var coveredPopulationBefore: Double?
    public var coveredPopulationAfter: Double?
    public var coveredElderlyBefore: Double?
    public var coveredElderlyAfter: Double?
    /// Share of the measure's total covered (served, when capacitated) before and after; null when the total is 0.
    public var shareBefore: Double?
    public var shareAfter: Double?
    /// The most the measure's share can reach with every candidate built.
    public var bestReachableShare: Double?
    public var targetMet: Bool?
    public var sitesAdded: Int
    public var cost: Double
    /// What `objective` counts, e.g. "covered population" or "new sites".
    public var objectiveMeaning: String
    public var objective: Double
    public var bestBound: Double
    /// |best bound − objective| ÷ |objective|; 0 when proved optimal.
    public var gap: Double
    public var optimal: Bool
    public var method: SitingSolution.Method
    /// E.g. "CBC 2.10.8".
    public var solver: String
    /// CBC's last word ("optimal", "time limit") or why the MIP was not run.
    public var solverStatus: String
    public var heuristicObjective: Double
    public var seconds: Double
    public var capacity: CapacitySummary?

    private enum CodingKeys: String, CodingKey {
        case units, coveredUnitsBefore, coveredUnitsAfter, coveredPopulationBefore, coveredPopulationAfter
        case coveredElderlyBefore, coveredElderlyAfter, shareBefore, shareAfter, bestReachableShare, targetMet
        case sitesAdded, cost, objectiveMeaning, objective, bestBound, gap, optimal, method, solver, solverStatus
        case heuristicObjective, seconds, capacity
    }

    /// Keys with unknown values are written as null, so scripts can rely on them.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(units, forKey: .units)
        try c.encode(coveredUnitsBefore, forKey: .coveredUnitsBefore)
        try c.encode(coveredUnitsAfter, forKey: .coveredUnitsAfter)
        try c.encode(coveredPopulationBefore, forKey: .coveredPopulationBefore)
        try c.encode(coveredPopulationAfter, forKey: .coveredPopulationAfter)
        try c.encode(coveredElderlyBefore, forKey: .coveredElderlyBefore)
        try c.encode(coveredElderlyAfter, forKey: .coveredElderlyAfter)
        try c.encode(shareBefore, forKey: .shareBefore)
        try c.encode(shareAfter, forKey: .shareAfter)
        try c.encode(bestReachableShare, forKey: .bestReachableShare)
        try c.encodeIfPresent(targetMet, forKey: .targetMet)
        try c.encode(sitesAdded, forKey: .sitesAdded)
        try c.encode(cost, forKey: .cost)
        try c.encode(objectiveMeaning, forKey: .objectiveMeaning)
        try c.encode(objective, forKey: .objective)
        try c.encode(bestBound, forKey: .bestBound)
        try c.encode(gap, forKey: .gap)
        try c.encode(optimal, forKey: .optimal)
        try c.encode(method, forKey: .method)
        try c.encode(solver, forKey: .solver)
        try c.encode(solverStatus, forKey: .solverStatus)
        try c.encode(heuristicObjective, forKey: .heuristicObjective)
        try c.encode(seconds, forKey: .seconds)
        try c.encodeIfPresent(capacity, forKey: .capacity)
    }
}

public struct SitingReport: Sendable, Codable {
    public var notes: [String]
    /// Every input: file, layer, encoding, CRS and its basis, features kept and rejected.
    public var inputs: [InputRecord]
    public var request: SitingRequest
    public var selected: [SelectedSite]
    public var candidates: [CandidateResult]
    public var units: [SitingUnit]
    public var summary: SitingSummary
    public var rejected: [Rejection]
    public var repaired: [Repair]
    public var warnings: [String]
}
