import LifeCircleCRS
import LifeCircleGEOS
import LifeCircleInput
import LifeCircleNorms

/// The compliance check: districts against a rule pack, with the facilities that serve them.
public enum ComplianceCheck {
    public struct Inputs: Sendable {
        public var districts: InputLayer
        public var facilities: InputLayer
        /// Administrative units (county / street / township / village) for the service-network rules.
        public var units: InputLayer?
        public var pack: RulePack
        /// Overrides the pack's persons per household (`--persons-per-household`).
        public var personsPerHousehold: Double?
        /// Notes carried into every output, e.g. that the scenario is illustrative.
        public var notes: [String]

        public init(districts: InputLayer, facilities: InputLayer, units: InputLayer? = nil, pack: RulePack,
                    personsPerHousehold: Double? = nil, notes: [String] = []) {
            self.notes = notes
            self.districts = districts
            self.facilities = facilities
            self.units = units
            self.pack = pack
            self.personsPerHousehold = personsPerHousehold
        }
    }

    public static func run(_ inputs: Inputs) throws -> ComplianceReport {
        let pack = inputs.pack
        let pph = inputs.personsPerHousehold ?? pack.personsPerHousehold
        let districts = inputs.districts
        let index = try SpatialIndex(districts.features.map(\.geometry))
        let facilities = inputs.facilities
        let allocation = try FacilityAllocation(districts: districts, facilities: facilities, index: index) {
            pack.facilityKind(matching: facilities.value("kind", of: $0)?.text)
        }

        // Each district is judged on its own: spread over the cores.
        let shares = allocation.sharesByDistrict
        let facts = Array(districts.features.indices).parallelMap { i in
            DistrictFacts(districts.features[i], in: districts, shares: shares[i], personsPerHousehold: pph)
        }
        let results = facts.parallelMap(districtResult(pack))
        let territory = TerritoryRules.evaluate(pack, districts: results, facts: facts, hasUnits: inputs.units != nil)
        let network = try inputs.units.map { try ServiceNetwork.evaluate(pack, units: $0, facilities: inputs.facilities) }

        let unitRules = pack.rules.contains { $0.target == .planningUnits }
        let layers = [districts, inputs.facilities] + (inputs.units.map { [$0] } ?? [])
        return ComplianceReport(
            notes: inputs.notes, inputs: layers.map(InputRecord.init),
            rules: RulesRecord(id: pack.id, title: pack.title, jurisdiction: pack.jurisdiction, path: pack.path,
                               citations: Dictionary(pack.rules.map { ($0.id, CitationRecord($0.citation)) }, uniquingKeysWith: { a, _ in a })),
            districts: results,
            planningUnits: PlanningUnits.evaluate(pack, facts: facts) { districts.value("planning_unit", of: districts.features[$0])?.text },
            network: network?.results ?? [],
            summary: ComplianceSummary(results, targets: territory.results, elsewhere: territory.elsewhere),
            assumptions: Assumptions(
                personsPerHousehold: pph,
                personsPerHouseholdBasis: inputs.personsPerHousehold == nil ? pack.personsPerHouseholdBasis : "用户指定",
                personsPerHouseholdBasisEnglish: inputs.personsPerHousehold == nil ? pack.personsPerHouseholdBasisEnglish : "given by the user",
                districtsUsingPersonsPerHousehold: facts.indices.filter { usedPersonsPerHousehold(facts[$0], results[$0], unitRules) }.count,
                crs: districts.crs,
                notes: pack.notes, notesEnglish: pack.notesEnglish),
            rejected: layers.flatMap(\.rejections),
            repaired: layers.flatMap(\.repairs),
            unallocatedFacilities: allocation.unallocated,
            warnings: layers.flatMap(\.warnings) + allocation.warnings + (network?.warnings ?? []))
    }

    /// Whether a district's figures rest on persons per household: households derived from its
    /// population, or a per-person rule fed with population derived from its households.
    private static func usedPersonsPerHousehold(_ facts: DistrictFacts, _ result: DistrictResult, _ unitRules: Bool) -> Bool {
        if facts.householdsBasis != nil, facts.householdsBasis != "attribute" { return true }
        guard facts.populationFromHouseholds else { return false }
        return unitRules || result.checks.contains { isPerPerson($0.metric) }
    }

    /// A string comparison with two constants: cheaper than hashing the metric into a set, for every check of every district.
    private static func isPerPerson(_ metric: String) -> Bool {
        metric == Metric.landAreaPerPerson.rawValue || metric == Metric.childcarePlacesPer1000People.rawValue
    }

    private static func districtResult(_ pack: RulePack) -> @Sendable (DistrictFacts) -> DistrictResult {
        { facts in
            let checks = DistrictRules.evaluate(facts, pack)
            let provided = facts.total(\.floorAreaM2).sum
            let floorCheck = checks.first { $0.metric == Metric.floorAreaPer100Households.rawValue && $0.value != nil }
            let required = floorCheck.flatMap { check in facts.households.map { $0 / 100 * check.threshold } }
            var outcome = Outcome.combining(checks.map(\.outcome))
            // Missing basics make a district unjudgeable even where no rule happened to need them.
            if outcome == .notApplicable, facts.status == nil { outcome = .insufficientData }
            return DistrictResult(
                id: facts.id, name: facts.name, status: facts.status, households: facts.households,
                householdsBasis: facts.householdsBasis, population: facts.population,
                requiredFloorAreaM2: required, providedFloorAreaM2: provided,
                shortfallM2: required.map { max(0, $0 - provided) },
                facilities: facts.shares, checks: checks, outcome: outcome, problems: facts.problems)
        }
    }
}

extension ComplianceSummary {
    /// Tallies in one pass (a district result is large: no filtered copies of the list).
    init(_ districts: [DistrictResult], targets: [CheckResult], elsewhere: [DeferredTarget]) {
        var all = Tally(), new = Tally(), existing = Tally(), unknown = Tally()
        for i in districts.indices {
            // Fields read in place: copying a whole result per district would retain all it holds.
            let (outcome, shortfall) = (districts[i].outcome, districts[i].shortfallM2 ?? 0)
            all.add(outcome, shortfall)
            switch districts[i].status {
            case .new: new.add(outcome, shortfall)
            case .existing: existing.add(outcome, shortfall)
            case nil: unknown.add(outcome, shortfall)
            }
        }
        self.init(all: all, new: new, existing: existing, unknownStatus: unknown, targets: targets, targetsElsewhere: elsewhere)
    }
}

extension ComplianceSummary.Tally {
    init() {
        self.init(districts: 0, pass: 0, fail: 0, insufficientData: 0, notApplicable: 0, shortfallM2: 0)
    }

    mutating func add(_ outcome: Outcome, _ shortfall: Double) {
        districts += 1
        switch outcome {
        case .pass: pass += 1
        case .fail: fail += 1
        case .insufficientData: insufficientData += 1
        case .notApplicable: notApplicable += 1
        }
        shortfallM2 += shortfall
    }
}
