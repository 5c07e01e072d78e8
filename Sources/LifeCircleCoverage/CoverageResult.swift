import LifeCircleIO
import LifeCircleInput
import LifeCircleNetwork
import LifeCircleOutput

// The result of a coverage run, as written to coverage.json (schema: Schemas/coverage.schema.json).

/// One demand unit's access. `minutes`, `meters` and `nearest_facility` are written as null when
/// unknown, so scripts can rely on the keys.
public struct UnitResult: Hashable, ParallelEncodable {
    /// The unit's feature: its index in the demand layer's `features`, for the writers (not in the JSON).
    public var feature: Int
    public var id: String
    public var name: String?
    public var kind: DemandKind
    public var kindDefaulted: Bool
    public var covered: Bool
    public var minutes: Double?
    public var meters: Double?
    public var nearestFacility: String?
    public var population: Double?
    public var elderlyPopulation: Double?
    public var locatedBy: String
    public var note: String?

    private enum CodingKeys: String, CodingKey {
        case id, name, kind, kindDefaulted, covered, minutes, meters, nearestFacility, population, elderlyPopulation, locatedBy, note
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encode(kind, forKey: .kind)
        try c.encode(kindDefaulted, forKey: .kindDefaulted)
        try c.encode(covered, forKey: .covered)
        try c.encode(minutes, forKey: .minutes)
        try c.encode(meters, forKey: .meters)
        try c.encode(nearestFacility, forKey: .nearestFacility)
        try c.encodeIfPresent(population, forKey: .population)
        try c.encodeIfPresent(elderlyPopulation, forKey: .elderlyPopulation)
        try c.encode(locatedBy, forKey: .locatedBy)
        try c.encodeIfPresent(note, forKey: .note)
    }
}

/// Covered units out of all, and the share.
public struct Share: Hashable, Sendable, Codable {
    public var units: Int
    public var covered: Int
    /// covered ÷ units; nil when there are no units.
    public var share: Double?

    public init(units: Int, covered: Int) {
        self.units = units
        self.covered = covered
        share = units > 0 ? Double(covered) / Double(units) : nil
    }
}

/// A pack's coverage target (e.g. 85 % of urban communities), judged.
public struct TargetResult: Hashable, Sendable, Codable {
    public var rule: String
    public var demandKind: String
    /// The facility kind counted, when the rule names one (e.g. 幸福院 for villages).
    public var facilityKind: String?
    /// With a facility kind: the labels that identify it, and how many of the run's facilities are of it.
    public var facilityLabels: [String]?
    public var facilitiesOfKind: Int?
    public var share: Double?
    public var comparison: String
    public var thresholdPercent: Double
    public var outcome: String
    public var summary: String
    public var citation: String
}

public struct CoverageSummary: Hashable, Sendable, Codable {
    public var units: Int
    public var covered: Int
    public var shareByKind: [String: Share]
    /// Share of population covered, over the units that give their population; nil when none does.
    public var sharePopulation: Double?
    public var shareElderly: Double?
    /// "network" or "straight-line".
    public var method: String
    /// E.g. "walk 1.0 m/s, 15 min" or "straight line ≤ 1000 m".
    public var profile: String
    public var profileZh: String
    public var minutes: Double?
    public var radiusMeters: Double?
    public var crs: CRSChoice
    public var unitsDefaultedToCommunity: Int
    public var targets: [TargetResult]
    /// Ids of the units not covered, the farthest last (unreachable ones at the end).
    public var uncovered: [String]
}

public struct CoverageReport: Sendable, Encodable {
    public var notes: [String]
    /// Every input: file, layer, encoding, CRS and its basis, features kept and rejected.
    public var inputs: [InputRecord]
    /// The street network used: what was read, excluded by the walking filter, kept and dropped
    /// (only the largest connected component is kept); nil for the straight-line method.
    public var network: NetworkReport?
    public var units: [UnitResult]
    public var summary: CoverageSummary
    public var rejected: [Rejection]
    public var repaired: [Repair]
    public var warnings: [String]
}
