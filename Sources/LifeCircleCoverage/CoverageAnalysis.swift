import Foundation
import LifeCircleGeometry
import LifeCircleIO
import LifeCircleInput
import LifeCircleNetwork
import LifeCircleNorms

/// Which communities and villages lie within reach of a facility, and whether the pack's
/// coverage targets are met.
public enum CoverageAnalysis {
    public struct Inputs: Sendable {
        public var demand: InputLayer
        public var facilities: InputLayer
        /// Forces one kind for the whole demand layer (`--kind village`).
        public var kind: DemandKind?
        public var model: any AccessModel
        /// How the model measures, for outputs, e.g. "walk 1.0 m/s, 15 min".
        public var profile: String
        /// The same in Chinese, for the report.
        public var profileZh: String
        public var minutes: Double?
        public var radius: Double?
        /// The pack whose covered_share targets are judged; nil for none.
        public var pack: RulePack?
        public var notes: [String]

        public init(demand: InputLayer, facilities: InputLayer, kind: DemandKind? = nil, model: any AccessModel,
                    profile: String, profileZh: String? = nil, minutes: Double? = nil, radius: Double? = nil, pack: RulePack? = nil, notes: [String] = []) {
            self.demand = demand
            self.facilities = facilities
            self.kind = kind
            self.model = model
            self.profile = profile
            self.profileZh = profileZh ?? profile
            self.minutes = minutes
            self.radius = radius
            self.pack = pack
            self.notes = notes
        }
    }

    public static func run(_ inputs: Inputs) throws -> CoverageReport {
        let (units, badKinds) = try DemandUnits.read(inputs.demand, kind: inputs.kind)
        let facilityLocations = try inputs.facilities.features.map { try DemandUnits.locate($0.geometry).0 }
        let access = try inputs.model.access(from: facilityLocations, to: units.map(\.location))

        let results = zip(units, access).map { unit, a in
            UnitResult(feature: unit.feature, id: unit.id, name: unit.name, kind: unit.kind, kindDefaulted: unit.kindDefaulted,
                       covered: inputs.model.covers(a), minutes: a.seconds.map { $0 / 60 }, meters: a.meters,
                       nearestFacility: a.facility.map { inputs.facilities.features[$0].id },
                       population: unit.population, elderlyPopulation: unit.elderlyPopulation,
                       locatedBy: unit.locatedBy, note: a.note)
        }
        let targets = try inputs.pack.map { try judgeTargets($0, units, results, facilityLocations, inputs) } ?? []
        return CoverageReport(
            notes: inputs.notes, inputs: [InputRecord(inputs.demand), InputRecord(inputs.facilities)],
            network: inputs.model.networkReport, units: results,
            summary: summary(results, targets: targets, inputs: inputs),
            rejected: inputs.demand.rejections + inputs.facilities.rejections + badKinds,
            repaired: inputs.demand.repairs + inputs.facilities.repairs,
            warnings: inputs.demand.warnings + inputs.facilities.warnings
                + (try inputs.model.unplaceable(facilityLocations)).map { "facility \(inputs.facilities.features[$0.index].id): \($0.note)" })
    }

    /// Each facility's service circle under the model, for maps and circles.geojson.
    public static func serviceAreas(of facilities: InputLayer, model: any AccessModel) throws -> [Geometry] {
        try model.serviceAreas(from: facilities.features.map { try DemandUnits.locate($0.geometry).0 })
    }

    /// The area within reach of any facility, merged.
    public static func coverageArea(of facilities: InputLayer, model: any AccessModel) throws -> Geometry {
        try model.coverageArea(from: facilities.features.map { try DemandUnits.locate($0.geometry).0 })
    }

    private static func summary(_ results: [UnitResult], targets: [TargetResult], inputs: Inputs) -> CoverageSummary {
        var byKind: [String: Share] = [:]
        for kind in DemandKind.allCases {
            let members = results.filter { $0.kind == kind }
            if !members.isEmpty { byKind[kind.rawValue] = Share(units: members.count, covered: members.filter(\.covered).count) }
        }
        func share(_ value: KeyPath<UnitResult, Double?>) -> Double? {
            let known = results.filter { $0[keyPath: value] != nil }
            let total = known.map { $0[keyPath: value]! }.reduce(0, +)
            guard total > 0 else { return nil }
            return known.filter(\.covered).map { $0[keyPath: value]! }.reduce(0, +) / total
        }
        let uncovered = results.filter { !$0.covered }
            .sorted { ($0.meters ?? .infinity, $0.id) < ($1.meters ?? .infinity, $1.id) }
        return CoverageSummary(
            units: results.count, covered: results.filter(\.covered).count, shareByKind: byKind,
            sharePopulation: share(\.population), shareElderly: share(\.elderlyPopulation),
            method: inputs.model.method, profile: inputs.profile, profileZh: inputs.profileZh, minutes: inputs.minutes, radiusMeters: inputs.radius,
            crs: inputs.demand.crs, unitsDefaultedToCommunity: results.filter(\.kindDefaulted).count,
            targets: targets, uncovered: uncovered.map(\.id))
    }

    /// Each covered_share rule, over the units of its kind and — when it names one — only the
    /// facilities of its kind (Yinchuan's villages count 幸福院 and 老饭桌, not any facility).
    private static func judgeTargets(_ pack: RulePack, _ units: [DemandUnit], _ results: [UnitResult],
                                     _ facilityLocations: [Coordinate], _ inputs: Inputs) throws -> [TargetResult] {
        let facilityKinds = inputs.facilities.features.map { pack.facilityKind(matching: inputs.facilities.value("kind", of: $0)?.text) }
        return try pack.rules.filter { $0.metric == .coveredShare }.map { rule in
            let members = units.indices.filter { rule.demandKind == nil || units[$0].kind.rawValue == rule.demandKind }
            var covered: [Bool]
            if let kind = rule.facilityKind {
                let subset = facilityLocations.indices.filter { facilityKinds[$0] == kind }
                let access = try inputs.model.access(from: subset.map { facilityLocations[$0] },
                                                     to: members.map { units[$0].location })
                covered = access.map(inputs.model.covers)
            } else {
                covered = members.map { results[$0].covered }
            }
            let share = Share(units: members.count, covered: covered.filter { $0 }.count).share
            let outcome: String = share.map { rule.comparison.holds(($0 * 100 * 1e9).rounded() / 1e9, rule.threshold) ? "pass" : "fail" }
                ?? "insufficient-data"
            let source = [rule.citation.document.title, rule.citation.clause].compactMap { $0 }.joined(separator: " ")
            return TargetResult(rule: rule.id, demandKind: rule.demandKind ?? "any", facilityKind: rule.facilityKind,
                                facilityLabels: rule.facilityKind.map { kind in pack.facilityKinds.first { $0.id == kind }?.labels ?? [kind] },
                                facilitiesOfKind: rule.facilityKind.map { kind in facilityKinds.filter { $0 == kind }.count },
                                share: share, comparison: rule.comparison.symbol, thresholdPercent: rule.threshold,
                                outcome: outcome, summary: rule.summary, citation: "\(source): “\(rule.citation.phrase)”")
        }
    }
}
