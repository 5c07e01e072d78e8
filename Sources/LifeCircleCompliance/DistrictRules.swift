import LifeCircleNorms

/// Applies a pack's per-district and per-site rules to one district's facts.
enum DistrictRules {
    /// Values within this relative distance of a threshold count as at it: "不少于 30" is met by
    /// 30 computed as 0.3 × 100 in floating point.
    static let tolerance = 1e-9

    static func evaluate(_ facts: DistrictFacts, _ pack: RulePack) -> [CheckResult] {
        pack.rules.compactMap { rule in
            switch (rule.target, rule.metric) {
            case (.districts(let filter), .floorAreaPer100Households):
                applicable(filter, facts, rule) ?? floorArea(facts, rule)
            case (.sites(let filter), .floorAreaPerSite):
                applicable(filter, facts, rule) ?? sites(facts, rule)
            case (.districts(let filter), .landAreaPerPerson):
                applicable(filter, facts, rule) ?? perPerson(facts, rule, per: 1, ("land area", "用地面积"), \.landAreaM2, ("m²", "平方米"))
            case (.districts(let filter), .childcarePlacesPer1000People):
                applicable(filter, facts, rule) ?? perPerson(facts, rule, per: 1000, ("childcare places", "托位"), \.childcarePlaces, ("places", "个"))
            default:
                nil
            }
        }.compactMap { $0 }
    }

    /// nil when the rule applies to this district; otherwise `.some(nil)` to skip it, or
    /// `.some(result)` with insufficient data when the status needed to decide is unknown.
    private static func applicable(_ filter: DistrictStatusFilter, _ facts: DistrictFacts, _ rule: Rule) -> CheckResult?? {
        if filter == .any { return nil }
        guard let status = facts.status else {
            return .some(result(rule, value: nil, .insufficientData, Detail(
                "the rule is for \(filter.rawValue) districts and this district's status is unknown",
                "本条适用于\(filter.chinese)居住区，该居住区状态未知")))
        }
        return status.matches(filter) ? nil : .some(nil)
    }

    private static func floorArea(_ facts: DistrictFacts, _ rule: Rule) -> CheckResult {
        guard let households = facts.households, households > 0 else {
            return result(rule, value: nil, .insufficientData, Detail("households unknown", "户数未知"))
        }
        let (provided, missing) = facts.total(\.floorAreaM2)
        let required = households / 100 * rule.threshold
        let value = provided / households * 100
        var detail = Detail(
            "\(plain(provided)) m² for \(plain(households)) households = \(plain(value)) m² per 100 households; required \(plain(required)) m²",
            "已配建 \(plain(provided)) 平方米 ÷ \(plain(households)) 户 = 每百户 \(plain(value)) 平方米；应配建 \(plain(required)) 平方米")
        var outcome = judge(value, rule)
        if outcome == .fail, !missing.isEmpty {
            // Facilities of unknown size might make up the difference: not a failure we can prove.
            outcome = .insufficientData
            detail.append("; floor area unknown for \(missing.joined(separator: ", "))", "；建筑面积未知：\(missing.joined(separator: "、"))")
        }
        return result(rule, value: value, outcome, detail)
    }

    private static func sites(_ facts: DistrictFacts, _ rule: Rule) -> CheckResult? {
        // Sites are whole facilities serving the district, however much of them lies inside it;
        // a rule about one kind of facility (a day-care centre) looks at that kind only.
        let sites = facts.shares.filter { rule.facilityKind == nil || $0.kind == rule.facilityKind }
        let sized = sites.compactMap { s in s.floorAreaM2.map { (s.id, $0) } }
        guard !sized.isEmpty else {
            return sites.isEmpty ? nil : result(rule, value: nil, .insufficientData, Detail("no site has a floor area", "各处设施均无建筑面积"))
        }
        let failing = sized.filter { !meets($0.1, rule) }
        let smallest = sized.map(\.1).min()!
        let listed = failing.map { "\($0.0) (\(plain($0.1)) m²)" }
        let detail = failing.isEmpty
            ? Detail("\(sized.count) site(s), the smallest \(plain(smallest)) m²", "共 \(sized.count) 处，最小 \(plain(smallest)) 平方米")
            : Detail("sites below \(plain(rule.threshold)) m²: " + listed.joined(separator: ", "),
                     "低于 \(plain(rule.threshold)) 平方米的设施：" + listed.joined(separator: "、"))
        return result(rule, value: smallest, failing.isEmpty ? .pass : .fail, detail)
    }

    private static func perPerson(_ facts: DistrictFacts, _ rule: Rule, per: Double, _ what: (en: String, zh: String),
                                  _ value: KeyPath<FacilityShare, Double?>, _ unit: (en: String, zh: String)) -> CheckResult {
        guard let population = facts.population, population > 0 else {
            return result(rule, value: nil, .insufficientData, Detail("population unknown", "人口未知"))
        }
        let (provided, missing) = facts.total { $0[keyPath: value] }
        if !facts.shares.isEmpty, missing.count == facts.shares.count {
            return result(rule, value: nil, .insufficientData, Detail("no facility gives its \(what.en)", "设施均未给出\(what.zh)"))
        }
        let ratio = provided / population * per
        var detail = Detail("\(plain(provided)) \(unit.en) of \(what.en) for \(plain(population)) people",
                            "\(what.zh) \(plain(provided)) \(unit.zh)，人口 \(plain(population)) 人")
        if facts.populationBasis != "attribute" { detail.append(" (\(facts.populationBasis ?? ""))", "（由户数推算）") }
        return result(rule, value: ratio, judge(ratio, rule), detail)
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

    static func result(_ rule: Rule, value: Double?, _ outcome: Outcome, _ detail: Detail) -> CheckResult {
        CheckResult(rule: rule.id, metric: rule.metric.rawValue, value: value, comparison: rule.comparison.symbol,
                    threshold: rule.threshold, unit: rule.unit, outcome: outcome, detail: detail.en, detailZh: detail.zh,
                    citation: CitationRecord(rule.citation))
    }
}

extension CitationRecord {
    init(_ citation: Citation) {
        self.init(document: citation.document.title, number: citation.document.number, clause: citation.clause,
                  phrase: citation.phrase, confidence: citation.confidence.rawValue)
    }
}

/// A check's figures in words, in English and Chinese.
struct Detail {
    var en: String
    var zh: String

    init(_ en: String, _ zh: String) {
        self.en = en
        self.zh = zh
    }

    mutating func append(_ en: String, _ zh: String) {
        self.en += en
        self.zh += zh
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
