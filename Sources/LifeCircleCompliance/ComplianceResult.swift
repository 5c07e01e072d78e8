import LifeCircleIO
import LifeCircleOutput
import LifeCircleInput

// The result of a compliance run, as written to compliance.json (schema: Schemas/compliance.schema.json).
// Property names become snake_case in JSON (requiredFloorAreaM2 → required_floor_area_m2).

/// pass / fail / insufficient-data; not-applicable when the pack has no rule for the district.
public enum Outcome: String, Hashable, Sendable, Codable {
    case pass
    case fail
    case insufficientData = "insufficient-data"
    case notApplicable = "not-applicable"

    /// The outcome of several checks: any fail fails; else any missing data; else pass.
    static func combining(_ outcomes: some Sequence<Outcome>) -> Outcome {
        var combined = Outcome.notApplicable
        for outcome in outcomes {
            switch outcome {
            case .fail: return .fail
            case .insufficientData: combined = .insufficientData
            case .pass where combined == .notApplicable: combined = .pass
            case .pass, .notApplicable: break
            }
        }
        return combined
    }
}

/// A rule's citation, flattened for outputs.
public struct CitationRecord: Hashable, Sendable, Codable {
    public var document: String
    public var number: String?
    /// The document's date, e.g. "2020-10-10".
    public var issued: String?
    /// Where in the document, as it numbers its sections, e.g. "四、(一)1." or "表1 序号7".
    public var clause: String?
    public var phrase: String
    /// Whether `phrase` is the text's own words (false: a paraphrase).
    public var quoted: Bool
    /// S verbatim, V seen in a public page, R recalled and unverified.
    public var confidence: String
}

/// One rule applied to one district, unit or the territory.
public struct CheckResult: Hashable, Sendable, Encodable {
    public var rule: String
    public var metric: String
    /// The measured value, nil when data is missing.
    public var value: Double?
    public var comparison: String
    public var threshold: Double
    public var unit: String
    public var outcome: Outcome
    /// The figures behind the value (`detail` and `detailZh` put them in words).
    public var figures: CheckFigures
    public var citation: CitationRecord

    /// The figures in words, in English.
    public var detail: String { figures.sentences.en }
    /// The figures in words, in Chinese, for the report.
    public var detailZh: String { figures.sentences.zh }

    // compliance.json has the sentences, not the figures' structure, and names the rule whose
    // citation `rules.citations` holds once for every check.
    private enum CodingKeys: String, CodingKey {
        case rule, metric, value, comparison, threshold, unit, outcome, detail, detailZh
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rule, forKey: .rule)
        try c.encode(metric, forKey: .metric)
        try c.encodeIfPresent(value, forKey: .value)
        try c.encode(comparison, forKey: .comparison)
        try c.encode(threshold, forKey: .threshold)
        try c.encode(unit, forKey: .unit)
        try c.encode(outcome, forKey: .outcome)
        let (en, zh) = figures.sentences
        try c.encode(en, forKey: .detail)
        try c.encode(zh, forKey: .detailZh)
    }

    init(rule: String, metric: String, value: Double?, comparison: String, threshold: Double, unit: String,
         outcome: Outcome, figures: CheckFigures, citation: CitationRecord) {
        (self.rule, self.metric, self.value, self.comparison) = (rule, metric, value, comparison)
        (self.threshold, self.unit, self.outcome, self.figures, self.citation) = (threshold, unit, outcome, figures, citation)
    }
}

/// A facility's contribution to a district.
public struct FacilityShare: Hashable, Sendable, Codable {
    public enum How: String, Hashable, Sendable, Codable {
        /// A point inside the district.
        case inside
        /// A polygon partly inside: its areas counted by the share of its footprint inside.
        case partlyInside = "partly-inside"
        /// Named by its district_id attribute.
        case assigned
    }

    public var id: String
    public var name: String?
    /// The pack's facility kind this facility was recognised as, from its `kind` attribute.
    public var kind: String?
    public var how: How
    /// The share of the facility counted here (1 for points and assigned facilities).
    public var share: Double
    public var floorAreaM2: Double?
    public var landAreaM2: Double?
    public var childcarePlaces: Double?
    /// Care beds (the `capacity` attribute).
    public var beds: Double?
}

public struct DistrictResult: Hashable, ParallelEncodable {
    public var id: String
    public var name: String?
    /// new or existing; nil when the status attribute is missing or not recognised.
    public var status: DistrictStatus?
    public var households: Double?
    /// "attribute", or how households were derived, e.g. "population 3,600 ÷ 3.0 persons per household".
    public var householdsBasis: String?
    public var population: Double?
    public var requiredFloorAreaM2: Double?
    public var providedFloorAreaM2: Double
    /// required − provided when positive, else 0; nil when the requirement is unknown.
    public var shortfallM2: Double?
    public var facilities: [FacilityShare]
    public var checks: [CheckResult]
    public var outcome: Outcome
    /// Why data is insufficient, when it is.
    public var problems: [String]
}

/// A service-network presence rule over administrative units.
public struct NetworkResult: Hashable, Sendable, Codable {
    public struct UnitCount: Hashable, Sendable, Codable {
        public var id: String
        public var name: String?
        public var count: Int
    }

    public var rule: String
    public var level: String
    public var facilityKind: String
    public var units: Int
    public var unitsMeeting: Int
    /// Units without enough facilities of the kind.
    public var missing: [UnitCount]
    public var requiredShare: Double
    /// Facilities of the kind each unit needs.
    public var perUnit: Double
    /// The facility kind as the pack names it, e.g. 综合养老服务中心.
    public var facilityLabel: String
    public var outcome: Outcome
    public var citation: CitationRecord
}

/// A pack target this run does not judge, and what judging it needs.
public struct DeferredTarget: Hashable, Sendable, Codable {
    public enum Need: String, Hashable, Sendable, Codable {
        /// A covered share: the coverage analysis judges it.
        case coverageAnalysis = "coverage-analysis"
        /// A service-network count: an administrative-units layer.
        case administrativeUnits = "administrative-units"
    }

    public var rule: String
    public var summary: String
    public var needs: Need
}

public struct ComplianceSummary: Hashable, Sendable, Encodable {
    public struct Tally: Hashable, Sendable, Codable {
        public var districts: Int
        public var pass: Int
        public var fail: Int
        public var insufficientData: Int
        public var notApplicable: Int
        public var shortfallM2: Double
    }

    public var all: Tally
    public var new: Tally
    public var existing: Tally
    public var unknownStatus: Tally
    /// Territory targets (e.g. 100 % of new districts compliant), each with its figures.
    public var targets: [CheckResult]
    /// Targets this command does not evaluate (coverage shares: `lifecircle coverage`).
    public var targetsElsewhere: [DeferredTarget]
}

public struct Assumptions: Hashable, Sendable, Codable {
    public var personsPerHousehold: Double
    /// Why that figure, in Chinese and in English.
    public var personsPerHouseholdBasis: String
    public var personsPerHouseholdBasisEnglish: String
    /// How many districts had their households derived from population.
    public var districtsUsingPersonsPerHousehold: Int
    public var crs: CRSChoice
    /// The pack's notes in Chinese, and the same in English (`note_en`, else the Chinese).
    public var notes: [String]
    public var notesEnglish: [String]
}

public struct RulesRecord: Hashable, Sendable, Codable {
    public var id: String
    public var title: String
    public var jurisdiction: String
    public var path: String
    /// Every rule's citation by rule id, written once: each check names its rule.
    public var citations: [String: CitationRecord]
}

public struct ComplianceReport: Sendable, Encodable {
    /// The user's notes on the run (`--note`), e.g. that the data is illustrative.
    public var notes: [String]
    /// Every input: file, layer, encoding, CRS and its basis, features kept and rejected.
    public var inputs: [InputRecord]
    public var rules: RulesRecord
    public var districts: [DistrictResult]
    /// Land per person over planning units, when the pack has that rule.
    public var planningUnits: [PlanningUnitResult]
    public var network: [NetworkResult]
    public var summary: ComplianceSummary
    public var assumptions: Assumptions
    /// Features of any input that were not used, with the reason.
    public var rejected: [Rejection]
    /// Geometries repaired on input.
    public var repaired: [Repair]
    /// Facilities inside no district and assigned to none: listed, not lost.
    public var unallocatedFacilities: [String]
    public var warnings: [String]
}

// The district results write themselves (`JSONSelfWriting`): a city's compliance.json holds 100,000
// of them. Same keys, order and omissions as `encode(to:)`; ComplianceJSONTests compares the two.

extension DistrictResult: JSONSelfWriting {
    public func writeJSON(into json: inout JSONObjectWriter) {
        json.field("id", id)
        json.fieldIfPresent("name", name)
        json.fieldIfPresent("status", status)
        json.fieldIfPresent("households", households)
        json.fieldIfPresent("households_basis", householdsBasis)
        json.fieldIfPresent("population", population)
        json.fieldIfPresent("required_floor_area_m2", requiredFloorAreaM2)
        json.field("provided_floor_area_m2", providedFloorAreaM2)
        json.fieldIfPresent("shortfall_m2", shortfallM2)
        json.field("facilities", facilities)
        json.field("checks", checks)
        json.field("outcome", outcome)
        json.field("problems", problems)
    }
}

extension FacilityShare: JSONSelfWriting {
    public func writeJSON(into json: inout JSONObjectWriter) {
        json.field("id", id)
        json.fieldIfPresent("name", name)
        json.fieldIfPresent("kind", kind)
        json.field("how", how)
        json.field("share", share)
        json.fieldIfPresent("floor_area_m2", floorAreaM2)
        json.fieldIfPresent("land_area_m2", landAreaM2)
        json.fieldIfPresent("childcare_places", childcarePlaces)
        json.fieldIfPresent("beds", beds)
    }
}

extension CheckResult: JSONSelfWriting {
    public func writeJSON(into json: inout JSONObjectWriter) {
        json.field("rule", rule)
        json.field("metric", metric)
        json.fieldIfPresent("value", value)
        json.field("comparison", comparison)
        json.field("threshold", threshold)
        json.field("unit", unit)
        json.field("outcome", outcome)
        let (en, zh) = figures.sentences
        json.field("detail", en)
        json.field("detail_zh", zh)
    }
}
