import LifeCircleInput
import LifeCircleNorms

/// A planning unit's land-per-person check (the 0.1 m² of land per person is a unit-level norm,
/// checked over a planning unit rather than one project).
public struct PlanningUnitResult: Hashable, Sendable, Encodable {
    public var id: String
    public var districts: [String]
    public var population: Double?
    public var landAreaM2: Double
    public var check: CheckResult
}

enum PlanningUnits {
    /// Groups districts by their `planning_unit` attribute; a district without one is its own unit.
    /// `unitOf(i)` is district i's planning unit, read only when the pack has a planning-unit rule.
    static func evaluate(_ pack: RulePack, facts: [DistrictFacts], unitOf: (Int) -> String?) -> [PlanningUnitResult] {
        let rules = pack.rules.filter { $0.target == .planningUnits && $0.metric == .landAreaPerPerson }
        guard !rules.isEmpty else { return [] }
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (i, fact) in facts.enumerated() {
            let unit = unitOf(i) ?? fact.id
            if members[unit] == nil { order.append(unit) }
            members[unit, default: []].append(i)
        }
        return rules.flatMap { rule in
            order.map { unit in
                let group = members[unit]!.map { facts[$0] }
                let land = group.map { $0.total(\.landAreaM2).sum }.reduce(0, +)
                let knownPopulation = group.allSatisfy { $0.population != nil }
                let population = knownPopulation ? group.compactMap(\.population).reduce(0, +) : nil
                let anyLand = group.contains { fact in fact.shares.contains { $0.landAreaM2 != nil } }
                let check: CheckResult
                if let population, population > 0, anyLand {
                    let value = land / population
                    check = DistrictRules.result(rule, value: value, DistrictRules.judge(value, rule),
                                                 CheckFigures.sentences(en: "\(plain(land)) m² of facility land for \(plain(population)) people",
                                                        zh: "设施用地 \(plain(land)) 平方米，人口 \(plain(population)) 人"))
                } else {
                    let missing = population == nil || population == 0
                        ? CheckFigures.populationUnknown : CheckFigures.noFacilityGives(.landArea)
                    check = DistrictRules.result(rule, value: nil, .insufficientData, missing)
                }
                return PlanningUnitResult(id: unit, districts: group.map(\.id), population: population,
                                          landAreaM2: land, check: check)
            }
        }
    }
}
