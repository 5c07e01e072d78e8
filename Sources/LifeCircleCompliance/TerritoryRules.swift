import LifeCircleNorms

/// The pack's territory-level targets that the district results decide (shares of compliant
/// districts, beds per 1,000 elderly), and the names of those another command evaluates.
enum TerritoryRules {
    static func evaluate(_ pack: RulePack, districts: [DistrictResult], facts: [DistrictFacts],
                         hasUnits: Bool) -> (results: [CheckResult], elsewhere: [DeferredTarget]) {
        var results: [CheckResult] = []
        var elsewhere: [DeferredTarget] = []
        for rule in pack.rules {
            switch (rule.target, rule.metric) {
            case (.territory, .compliantShare):
                results.append(compliantShare(rule, districts))
            case (.territory, .bedsPer1000Elderly):
                results.append(beds(rule, facts))
            case (_, .coveredShare):
                elsewhere.append(DeferredTarget(rule: rule.id, summary: rule.summary, needs: .coverageAnalysis))
            case (.units, .facilitiesPerUnit) where !hasUnits:
                elsewhere.append(DeferredTarget(rule: rule.id, summary: rule.summary, needs: .administrativeUnits))
            default:
                break
            }
        }
        return (results, elsewhere)
    }

    private static func compliantShare(_ rule: Rule, _ districts: [DistrictResult]) -> CheckResult {
        let filter = rule.districtStatus ?? .any
        let counted = districts.filter { d in filter == .any || d.status.map { $0.matches(filter) } == true }
        let judged = counted.filter { $0.outcome == .pass || $0.outcome == .fail }
        let unknown = counted.count - judged.count
        guard !judged.isEmpty else {
            return DistrictRules.result(rule, value: nil, .insufficientData,
                                        CheckFigures.sentences(en: "no \(filter.rawValue) district could be judged", zh: "没有可判定的\(filter.chinese)居住区"))
        }
        let passing = judged.filter { $0.outcome == .pass }.count
        let share = Double(passing) / Double(judged.count) * 100
        var outcome = DistrictRules.judge(share, rule)
        var en = "\(passing) of \(judged.count) \(filter == .any ? "" : filter.rawValue + " ")districts pass"
        var zh = "\(judged.count) 个\(filter.chinese)居住区中 \(passing) 个达标"
        if unknown > 0 {
            en += "; \(unknown) more could not be judged"
            zh += "；另有 \(unknown) 个无法判定"
            if outcome == .pass { outcome = .insufficientData }
        }
        return DistrictRules.result(rule, value: share, outcome, .sentences(en: en, zh: zh))
    }

    private static func beds(_ rule: Rule, _ facts: [DistrictFacts]) -> CheckResult {
        let elderly = facts.compactMap(\.elderlyPopulation).reduce(0, +)
        let beds = facts.map { $0.total(\.beds).sum }.reduce(0, +)
        guard elderly > 0 else {
            return DistrictRules.result(rule, value: nil, .insufficientData,
                                        CheckFigures.sentences(en: "no elderly population (老年人口) on the districts", zh: "居住区未给出老年人口"))
        }
        let value = beds / elderly * 1000
        return DistrictRules.result(rule, value: value, DistrictRules.judge(value, rule),
                                    CheckFigures.sentences(en: "\(plain(beds)) beds for \(plain(elderly)) elderly people",
                                           zh: "床位 \(plain(beds)) 张，老年人口 \(plain(elderly)) 人"))
    }
}
