import Foundation
/// The planning norms of one jurisdiction, as a rule pack file states them (GeoData/rules/*.yaml).
///
/// A run uses exactly one pack: packs of different places conflict (30/20 vs 20/15 m² per
/// 100 households), so nothing is merged.
public struct RulePack: Hashable, Sendable {
    /// E.g. "yinchuan-2020": the file name without extension.
    public var id: String
    /// The policy's title, in Chinese as published.
    public var title: String
    public var titleEnglish: String?
    public var jurisdiction: String
    /// The document the rules cite unless a rule names another.
    public var document: SourceDocument
    /// Persons per household when a district gives only its population (default 3.0).
    public var personsPerHousehold: Double
    /// Why that figure, in Chinese (`basis`; e.g. "按 GB 50180-2018 … 推算，每户约 3.0–3.2 人").
    public var personsPerHouseholdBasis: String
    /// The same in English (`basis_en`, else `basis`).
    public var personsPerHouseholdBasisEnglish: String
    /// How "covered" is read for coverage targets; nil when the pack sets no coverage rule.
    public var coverage: CoverageDefinition?
    /// Facility kinds the pack's rules name, each with the labels that identify it in a `kind` column.
    public var facilityKinds: [FacilityKind]
    public var rules: [Rule]
    /// Whole-pack caveats, e.g. that some figures are recalled and must be confirmed, or why a
    /// figure of the text is not a rule; each in Chinese, most also in English.
    public var packNotes: [PackNote]
    /// Where it was loaded from.
    public var path: String

    /// The notes in Chinese, as the Chinese report prints them.
    public var notes: [String] { packNotes.map(\.chinese) }
    /// The notes in English, as the English report prints them (the Chinese note where a note has
    /// no English).
    public var notesEnglish: [String] { packNotes.map { $0.english ?? $0.chinese } }
}

/// One of a pack's notes: `note` in Chinese, `note_en` in English.
public struct PackNote: Hashable, Sendable {
    /// The note in Chinese (`note`); a note written as plain text is kept here, in whatever language.
    public var chinese: String
    /// The note in English (`note_en`), nil when the pack gives none.
    public var english: String?

    public init(chinese: String, english: String?) {
        (self.chinese, self.english) = (chinese, english)
    }
}

/// A policy document.
public struct SourceDocument: Hashable, Sendable {
    /// E.g. 银川市人民政府办公室《银川市居家和社区养老服务改革试点实施方案》
    public var title: String
    /// E.g. 清府办〔2024〕34号
    public var number: String?
    /// ISO date, e.g. "2020-10-10".
    public var issued: String?
    /// The file name of the document's text in GeoData/policies (e.g. "yinchuan-2020-…txt");
    /// nil when LifeCircle ships no text of it (a national standard, a plan known from the news).
    public var text: String?

    /// The full path of the text shipped with LifeCircle, nil when there is none.
    public var textPath: String? {
        text.map { URL(fileURLWithPath: RulePackLibrary.policiesDirectory).appendingPathComponent($0).path }
    }
}

/// How sure the pack's author is of a figure (the notes' S / V / R).
public enum Confidence: String, Hashable, Sendable, CaseIterable {
    /// Read verbatim in the policy text.
    case verbatim = "S"
    /// Seen in a retrieved public page, not the primary text.
    case seen = "V"
    /// Recalled, not verified: a default the user must confirm.
    case recalled = "R"
}

/// Where a rule comes from, precisely enough for a report to cite it.
public struct Citation: Hashable, Sendable {
    public var document: SourceDocument
    /// Where the phrase stands in the text, as the text numbers it: a section path ("三、",
    /// "四、(一)1.", "二、(十二)30."), a row of an indicator table ("表1 序号7") or a standard's
    /// clause ("§3.2.1"); nil when not recorded.
    public var clause: String?
    /// The exact phrase of the text, in Chinese.
    public var phrase: String
    /// False when the exact words were not at hand and `phrase` is the pack author's paraphrase,
    /// so a report does not present it as a quotation.
    public var phraseIsQuoted: Bool
    public var confidence: Confidence
}

/// What a rule is checked on.
public enum RuleTarget: Hashable, Sendable {
    /// Each residential district of the given status.
    case districts(DistrictStatusFilter)
    /// Each facility site serving a district of the given status.
    case sites(DistrictStatusFilter)
    /// Each planning unit (a unit layer or attribute), else each district.
    case planningUnits
    /// Each administrative unit of a level (service-network presence rules).
    case units(AdministrativeLevel)
    /// The whole territory of the run (aggregate targets).
    case territory
}

public enum DistrictStatusFilter: String, Hashable, Sendable, CaseIterable {
    case new, existing, any
}

/// Levels of the county–township–village service network.
public enum AdministrativeLevel: String, Hashable, Sendable, CaseIterable {
    /// 县区 (county, district, county-level city)
    case county
    /// 街道 (urban sub-district)
    case street
    /// 乡镇 (township, town)
    case township
    /// 村社区 (village or community)
    case village
}

/// The closed vocabulary of what a rule measures; each has one unit.
public enum Metric: String, Hashable, Sendable, CaseIterable {
    /// Facility floor area per 100 households (m²).
    case floorAreaPer100Households = "floor_area_per_100_households"
    /// Floor area of one facility site (m²).
    case floorAreaPerSite = "floor_area_per_site"
    /// Facility land area per person (m²).
    case landAreaPerPerson = "land_area_per_person"
    /// Childcare places per 1,000 people.
    case childcarePlacesPer1000People = "childcare_places_per_1000_people"
    /// Share of districts (of the rule's status) that pass their district rules (%).
    case compliantShare = "compliant_share"
    /// Share of demand units of a kind inside a facility's service circle (%), see `coverage`.
    case coveredShare = "covered_share"
    /// Facilities of a kind inside each administrative unit (count).
    case facilitiesPerUnit = "facilities_per_unit"
    /// Care beds per 1,000 elderly people.
    case bedsPer1000Elderly = "beds_per_1000_elderly"

    /// The unit a pack must state for this metric, as written in the file.
    public var unit: String {
        switch self {
        case .floorAreaPer100Households: "m2_per_100_households"
        case .floorAreaPerSite: "m2"
        case .landAreaPerPerson: "m2_per_person"
        case .childcarePlacesPer1000People: "places_per_1000_people"
        case .compliantShare, .coveredShare: "percent"
        case .facilitiesPerUnit: "count"
        case .bedsPer1000Elderly: "beds_per_1000_elderly"
        }
    }
}

/// How a measured value is compared with the threshold.
public enum Comparison: String, Hashable, Sendable {
    /// ≥ — 不少于, 不低于
    case atLeast = "at_least"
    /// > — 高于, 超过
    case moreThan = "more_than"
    /// ≤ — 不超过
    case atMost = "at_most"

    public func holds(_ value: Double, _ threshold: Double) -> Bool {
        switch self {
        case .atLeast: value >= threshold
        case .moreThan: value > threshold
        case .atMost: value <= threshold
        }
    }

    public var symbol: String {
        switch self {
        case .atLeast: "≥"
        case .moreThan: ">"
        case .atMost: "≤"
        }
    }
}

/// One checkable norm.
public struct Rule: Hashable, Sendable {
    /// E.g. "YC-NEW".
    public var id: String
    public var target: RuleTarget
    public var metric: Metric
    public var comparison: Comparison
    public var threshold: Double
    /// The metric's unit, as the pack states it (checked against `metric.unit`).
    public var unit: String
    /// For `facilitiesPerUnit`, `coveredShare` and `floorAreaPerSite`: the facility kind counted or
    /// measured (an id of `facilityKinds`); nil for `coveredShare` and `floorAreaPerSite` means any kind.
    public var facilityKind: String?
    /// For `coveredShare`: the demand kind ("community" or "village").
    public var demandKind: String?
    /// For `compliantShare` (a territory target): the status of the districts whose share is counted.
    public var districtStatus: DistrictStatusFilter?
    /// For `facilitiesPerUnit`: the share of units (%) that must meet the count; nil means every unit.
    public var unitShare: Double?
    /// When a target must be met, e.g. "2025-12-31".
    public var deadline: String?
    public var citation: Citation
    /// A short description, in Chinese and English, for reports.
    public var summary: String
    public var summaryEnglish: String?
}

/// A facility kind and the labels that identify it in a facilities layer's `kind` column.
public struct FacilityKind: Hashable, Sendable {
    /// E.g. "comprehensive_center".
    public var id: String
    /// E.g. ["综合性养老服务中心", "综合养老服务中心"]; matched after trimming, case-insensitively.
    public var labels: [String]
}

/// What "covered" means for the pack's coverage targets — the texts do not define it, so the pack must.
public struct CoverageDefinition: Hashable, Sendable {
    /// Minutes of travel that make the service circle (e.g. 15).
    public var minutes: Double
    /// The travel profile: "walk" (1.0 m/s), "elderly" (0.8 m/s) or a profile the pack defines.
    public var profile: String
    /// Radius of the straight-line fallback, metres (GB 50180's 15-minute circle is 800–1,000 m).
    public var straightLineRadius: Double
    /// The pack author's reading, in words, for reports.
    public var definition: String
}

extension RulePack {
    /// The id of the facility kind whose id or one of whose labels matches a `kind` attribute
    /// (trimmed, case-insensitive); nil when none does.
    public func facilityKind(matching label: String?) -> String? {
        guard let folded = label?.trimmingCharacters(in: .whitespaces).lowercased(), !folded.isEmpty else { return nil }
        return facilityKinds.first { $0.id.lowercased() == folded || $0.labels.contains { $0.lowercased() == folded } }?.id
    }
}
