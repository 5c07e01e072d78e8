import LifeCircleNorms

/// Applies a pack's per-district and per-site rules to one district's facts.
enum DistrictRules {
    /// Values within this relative distance of a threshold count as at it: "不少于 30" is met by
    /// 30 computed as 0.3 × 100 in floating point.
    static let tolerance = 1e-9

    static func evaluate(_ facts: DistrictFacts, _ pack: RulePack) -> [CheckResult] {
        var checks: [CheckResult] = []
        checks.reserveCapacity(pack.rules.count)
        for rule in pack.rules {
            let check: CheckResult?? = switch (rule.target, rule.metric) {
            case (.districts(let filter), .floorAreaPer100Households):
                applicable(filter, facts, rule) ?? floorArea(facts, rule)
            case (.sites(let filter), .floorAreaPerSite):
                applicable(filter, facts, rule) ?? sites(facts, rule)
            case (.districts(let filter), .landAreaPerPerson):
                applicable(filter, facts, rule) ?? perPerson(facts, rule, per: 1, .landArea, \.landAreaM2)
            case (.districts(let filter), .childcarePlacesPer1000People):
                applicable(filter, facts, rule) ?? perPerson(facts, rule, per: 1000, .childcarePlaces, \.childcarePlaces)
            default:
                nil
            }
            if let check = check.flatMap({ $0 }) { checks.append(check) }
        }
        return checks
    }

    /// nil when the rule applies to this district; otherwise `.some(nil)` to skip it, or
    /// `.some(result)` with insufficient data when the status needed to decide is unknown.
    private static func applicable(_ filter: DistrictStatusFilter, _ facts: DistrictFacts, _ rule: Rule) -> CheckResult?? {
        if filter == .any { return nil }
        guard let status = facts.status else {
            return .some(result(rule, value: nil, .insufficientData, .statusUnknown(filter)))
        }
        return status.matches(filter) ? nil : .some(nil)
    }

    private static func floorArea(_ facts: DistrictFacts, _ rule: Rule) -> CheckResult {
        guard let households = facts.households, households > 0 else {
            return result(rule, value: nil, .insufficientData, .householdsUnknown)
        }
        let (provided, missing) = facts.total(\.floorAreaM2)
        let required = households / 100 * rule.threshold
        let value = provided / households * 100
        var outcome = judge(value, rule)
        // Facilities of unknown size might make up the difference: not a failure we can prove.
        let unproved = outcome == .fail && !missing.isEmpty
        if unproved { outcome = .insufficientData }
        return result(rule, value: value, outcome, .floorArea(provided: provided, households: households, per100: value,
                                                            required: required, unsized: unproved ? missing : []))
    }

    private static func sites(_ facts: DistrictFacts, _ rule: Rule) -> CheckResult? {
        // Sites are whole facilities serving the district, however much of them lies inside it;
        // a rule about one kind of facility (a day-care centre) looks at that kind only.
        var sites = 0, sized = 0, smallest = Double.infinity
        var below: [CheckFigures.SiteSize] = []
        for share in facts.shares where rule.facilityKind == nil || share.kind == rule.facilityKind {
            sites += 1
            guard let area = share.floorAreaM2 else { continue }
            sized += 1
            smallest = min(smallest, area)
            if !meets(area, rule) { below.append(.init(id: share.id, floorAreaM2: area)) }
        }
        guard sized > 0 else {
            return sites == 0 ? nil : result(rule, value: nil, .insufficientData, .noSiteSized)
        }
        return result(rule, value: smallest, below.isEmpty ? .pass : .fail,
                      .sites(count: sized, smallest: smallest, threshold: rule.threshold, below: below))
    }

    private static func perPerson(_ facts: DistrictFacts, _ rule: Rule, per: Double, _ quantity: CheckFigures.Quantity,
                                  _ value: KeyPath<FacilityShare, Double?>) -> CheckResult {
        guard let population = facts.population, population > 0 else {
            return result(rule, value: nil, .insufficientData, .populationUnknown)
        }
        let (provided, missing) = facts.total { $0[keyPath: value] }
        if !facts.shares.isEmpty, missing.count == facts.shares.count {
            return result(rule, value: nil, .insufficientData, .noFacilityGives(quantity))
        }
        let ratio = provided / population * per
        let derivedFrom = facts.populationFromHouseholds ? facts.populationBasis : nil
        return result(rule, value: ratio, judge(ratio, rule),
                      .perPerson(quantity, provided: provided, population: population, derivedFrom: derivedFrom))
    }

    static func judge(_ value: Double, _ rule: Rule) -> Outcome {
        meets(value, rule) ? .pass : .fail
    }

    /// The comparison with floating-point noise forgiven in the value's favour for ≥ and ≤,
    /// and not for the strict >, where being at the threshold must fail.
    static func meets(_ value: Double, _ rule: Rule) -> Bool {
        let slack = tolerance * max(1, abs(rule.threshold))
        return switch rule.comparison {
        case .atLeast: value >= rule.threshold - slack
        case .moreThan: value > rule.threshold + slack
        case .atMost: value <= rule.threshold + slack
        }
    }

    static func result(_ rule: Rule, value: Double?, _ outcome: Outcome, _ figures: CheckFigures) -> CheckResult {
        CheckResult(rule: rule.id, metric: rule.metric.rawValue, value: value, comparison: rule.comparison.symbol,
                    threshold: rule.threshold, unit: rule.unit, outcome: outcome, figures: figures,
                    citation: CitationRecord(rule.citation))
    }
}

extension CitationRecord {
    init(_ citation: Citation) {
        self.init(document: citation.document.title, number: citation.document.number, issued: citation.document.issued,
                  clause: citation.clause, phrase: citation.phrase, quoted: citation.phraseIsQuoted,
                  confidence: citation.confidence.rawValue)
    }
}

extension DistrictStatusFilter {
    var chinese: String {
        switch self {
        case .new: "新建"
        case .existing: "已建"
        case .any: "各类"
        }
    }
}
