// The vocabulary of a rule pack file (GeoData/rules/README.md documents it for pack authors).

enum PackKeys {
    static let pack = ["id", "title", "title_en", "jurisdiction", "document", "persons_per_household", "coverage",
                       "facility_kinds", "notes", "rules"]
    static let document = ["title", "number", "issued", "text"]
    static let note = ["note", "note_en"]
    static let personsPerHousehold = ["value", "basis", "basis_en"]
    static let coverage = ["minutes", "profile", "straight_line_radius_m", "definition"]
    static let rule = ["id", "applies_to", "district_status", "unit_level", "metric", "at_least", "more_than",
                       "at_most", "unit", "facility_kind", "demand_kind", "unit_share", "deadline", "summary",
                       "summary_en", "source"]
    static let source = ["document", "clause", "phrase", "paraphrase", "confidence"]
    /// Exactly one of these gives a rule's comparison and threshold.
    static let thresholds: [(key: String, comparison: Comparison)] =
        [("at_least", .atLeast), ("more_than", .moreThan), ("at_most", .atMost)]
}

/// The `applies_to` values; with `district_status` / `unit_level` they make a `RuleTarget`.
enum TargetKind: String, CaseIterable {
    case districts, sites
    case planningUnits = "planning_units"
    case units, territory
}

/// The `demand_kind` values of a `covered_share` rule: what is counted as covered.
enum DemandKind: String, CaseIterable {
    /// 社区 (urban community)
    case community
    /// 行政村 (administrative village)
    case village
}

/// The `coverage.profile` values the coverage analysis knows.
enum CoverageProfile: String, CaseIterable {
    /// 1.0 m/s: 900 m in 15 minutes, inside GB 50180's 800–1,000 m.
    case walk
    /// 0.8 m/s, the measured pace of older people.
    case elderly
}

extension Metric {
    /// What a rule of this metric can be checked on: a metric measures one kind of thing.
    var targetKinds: [TargetKind] {
        switch self {
        case .floorAreaPer100Households, .childcarePlacesPer1000People: [.districts]
        case .floorAreaPerSite: [.sites]
        case .landAreaPerPerson: [.districts, .planningUnits]
        case .facilitiesPerUnit: [.units]
        case .compliantShare, .coveredShare, .bedsPer1000Elderly: [.territory]
        }
    }

    /// Percentages cannot exceed 100.
    var isPercent: Bool { unit == "percent" }
}
