import Foundation
import LifeCircleGeometry
import LifeCircleIO
import LifeCircleInput
import LifeCircleOutput
import LifeCircleReport

/// Writes one siting run's outputs: siting.json, siting.geojson (demand units with their status
/// before and after, kept facilities, candidates proposed or not) and report.html (before/after maps
/// and the proposed sites).
public enum SitingFiles {
    public static func names(_ format: LayerFormat = .geojson) -> [String] {
        ["siting.json", "siting.\(format.rawValue)", "report.html"]
    }

    /// The layers the report draws, with the service areas of the kept facilities and of the
    /// proposed sites (in `report.selected` order) under the run's access model.
    public struct Layers: Sendable {
        public var demand: InputLayer
        public var facilities: InputLayer?
        public var candidates: InputLayer
        public var existingAreas: [Geometry]
        public var proposedAreas: [Geometry]

        public init(demand: InputLayer, facilities: InputLayer?, candidates: InputLayer, existingAreas: [Geometry], proposedAreas: [Geometry]) {
            self.demand = demand
            self.facilities = facilities
            self.candidates = candidates
            self.existingAreas = existingAreas
            self.proposedAreas = proposedAreas
        }
    }

    @discardableResult
    public static func write(_ report: SitingReport, layers: Layers, to folder: String, language: Language = .zh,
                             format: LayerFormat = .geojson) throws -> [String] {
        try OutputFile.makeFolder(folder)
        let path = { (name: String) in URL(fileURLWithPath: folder).appendingPathComponent(name).path }
        try OutputFile.write(JSONStreamEncoder().encode(report), to: path("siting.json"))

        let method = AttributeValue.string(report.request.method)
        let unitsByID = Dictionary(report.units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var features = layers.demand.features.compactMap { f -> (Geometry, [String: AttributeValue])? in
            guard let u = unitsByID[f.id] else { return nil }
            return (f.geometry, [
                "feature_type": .string("unit"), "id": .string(u.id), "name": u.name.map(AttributeValue.string) ?? .null,
                "status": .string(u.coveredBefore ? "covered before" : u.coveredAfter ? "newly covered" : "not covered"),
                "covered_before": .int(u.coveredBefore ? 1 : 0), "covered_after": .int(u.coveredAfter ? 1 : 0),
                "covered_by": u.newlyCoveredBy.map(AttributeValue.string) ?? .null, "method": method,
            ])
        }
        for f in layers.facilities?.features ?? [] {
            features.append((f.geometry, [
                "feature_type": .string("existing"), "id": .string(f.id),
                "name": layers.facilities!.value("name", of: f) ?? .null, "status": .string("kept"), "method": method,
            ]))
        }
        let selectedByID = Dictionary(report.selected.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let candidatesByID = Dictionary(report.candidates.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for f in layers.candidates.features {
            guard let c = candidatesByID[f.id] else { continue }
            let s = selectedByID[f.id]
            features.append((f.geometry, [
                "feature_type": .string("candidate"), "id": .string(c.id), "name": c.name.map(AttributeValue.string) ?? .null,
                "status": .string(c.selected ? "proposed" : "not selected"), "rank": c.rank.map { .int(Int64($0)) } ?? .null,
                "newly_covered_units": s.map { .int(Int64($0.newlyCoveredUnits)) } ?? .null,
                "newly_covered_population": s?.newlyCoveredPopulation.map(AttributeValue.double) ?? .null,
                "method": method,
            ]))
        }
        let records = features.enumerated().map { FeatureRecord(index: $0, geometry: $1.0, attributes: $1.1) }
        let table = FeatureTable(records: records, fields: fields, epsg: report.request.crs.metricEPSG)
        switch format {
        case .geojson: try GeoJSONFile.write(table, layerName: "siting", to: path("siting.geojson"))
        case .gpkg: try GeoPackageFile.write([.init(name: "siting", table: table, style: style(language))], to: path("siting.gpkg"))
        }

        let html = SitingHTML(report: report, layers: layers, language: language).render()
        try OutputFile.write(TextBuffer(html), to: path("report.html"))
        return names(format).map(path)
    }

    /// Features by status, in the report's colours: proposed sites stand out.
    static func style(_ language: Language) -> QGISStyle {
        let t = { (zh: String, en: String) in Localized(zh: zh, en: en)(language) }
        let category = { (value: String, label: String, color: String) in
            QGISStyle.Category(value: value, label: label, symbol: .init(color: color, opacity: 0.8))
        }
        return QGISStyle(name: t("选址", "Siting"), geometry: .marker, renderer: .categorized(field: "status", [
            category("covered before", t("原已覆盖", "covered before"), Status.pass.color),
            category("newly covered", t("新增覆盖", "newly covered"), "#009E73"),
            category("not covered", t("仍未覆盖", "not covered"), Status.fail.color),
            category("kept", t("现有设施", "existing facility"), "#000000"),
            category("proposed", t("建议新增", "proposed"), "#CC79A7"),
            category("not selected", t("未选中候选点", "candidate not selected"), Status.insufficient.color),
        ]))
    }

    static let fields: [FieldInfo] = [
        FieldInfo(name: "feature_type", type: .string), FieldInfo(name: "id", type: .string), FieldInfo(name: "name", type: .string),
        FieldInfo(name: "status", type: .string), FieldInfo(name: "covered_before", type: .integer),
        FieldInfo(name: "covered_after", type: .integer), FieldInfo(name: "covered_by", type: .string),
        FieldInfo(name: "rank", type: .integer), FieldInfo(name: "newly_covered_units", type: .integer),
        FieldInfo(name: "newly_covered_population", type: .real), FieldInfo(name: "method", type: .string),
    ]
}
