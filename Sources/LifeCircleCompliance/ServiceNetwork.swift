import Foundation
import LifeCircleGEOS
import LifeCircleGeometry
import LifeCircleInput
import LifeCircleNorms

/// The county–township–village presence rules: for each administrative unit of a level, the
/// facilities of a kind inside it, against the pack's minimum count and share of units.
enum ServiceNetwork {
    static func evaluate(_ pack: RulePack, units: InputLayer, facilities: InputLayer) throws -> (results: [NetworkResult], warnings: [String]) {
        var warnings: [String] = []
        let levels: [AdministrativeLevel?] = units.features.map { unit in
            let label = units.value("level", of: unit)?.text ?? ""
            let level = AdministrativeLevel(label: label)
            if level == nil { warnings.append("unit \(unit.id): level \"\(label)\" is not county / street / township / village (县区 / 街道 / 乡镇 / 村社区)") }
            return level
        }
        let index = try SpatialIndex(units.features.map(\.geometry))
        // Each facility is located by a point (`FeatureAnchor`).
        let anchors = try facilities.features.map { try FeatureAnchor.locate($0.geometry).0 }
        let pairs = try index.query(points: anchors, predicate: .intersects)
        let kinds = facilities.features.map { f in pack.facilityKind(matching: facilities.value("kind", of: f)?.text) }

        var results: [NetworkResult] = []
        for rule in pack.rules {
            guard case .units(let level) = rule.target, rule.metric == .facilitiesPerUnit, let kind = rule.facilityKind else { continue }
            var counts = [Int](repeating: 0, count: units.features.count)
            for (f, u) in zip(pairs.input, pairs.tree) where kinds[f] == kind { counts[u] += 1 }
            let members = units.features.indices.filter { levels[$0] == level }
            let missing = members.filter { !DistrictRules.meets(Double(counts[$0]), rule) }
            let requiredShare = rule.unitShare ?? 100
            let outcome: Outcome
            if members.isEmpty {
                outcome = .insufficientData
            } else {
                let share = Double(members.count - missing.count) / Double(members.count) * 100
                outcome = share >= requiredShare - DistrictRules.tolerance ? .pass : .fail
            }
            results.append(NetworkResult(
                rule: rule.id, level: level.rawValue, facilityKind: kind, units: members.count,
                unitsMeeting: members.count - missing.count,
                missing: missing.map { .init(id: units.features[$0].id, name: units.value("name", of: units.features[$0])?.text, count: counts[$0]) },
                requiredShare: requiredShare, perUnit: rule.threshold,
                facilityLabel: pack.facilityKinds.first { $0.id == kind }?.labels.first ?? kind,
                outcome: outcome, citation: CitationRecord(rule.citation)))
        }
        return (results, warnings)
    }
}

extension AdministrativeLevel {
    /// Reads a `level` attribute, English or Chinese.
    init?(label: String) {
        let folded = label.trimmingCharacters(in: .whitespaces).lowercased()
        let table: [AdministrativeLevel: Set<String>] = [
            .county: ["county", "district", "县", "区", "县区", "县级市", "市辖区", "县级"],
            .street: ["street", "subdistrict", "街道", "街道办事处"],
            .township: ["township", "town", "乡镇", "乡", "镇"],
            .village: ["village", "community", "村", "社区", "村社区", "行政村", "居委会", "村委会"],
        ]
        guard let level = table.first(where: { $0.value.contains(folded) })?.key else { return nil }
        self = level
    }
}
