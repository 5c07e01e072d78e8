import Foundation
import LifeCircleGeometry
import LifeCircleIO
import LifeCircleInput
import LifeCircleOutput
import LifeCircleReport
import LifeCircleWorkers

/// Writes one run's outputs into a folder, the four files at once: compliance.json, the result
/// layers (compliance.geojson, or compliance.gpkg with the facilities too and QGIS styles),
/// compliance.csv and report.html.
public enum ComplianceFiles {
    public static func names(_ format: LayerFormat = .geojson) -> [String] {
        ["compliance.json", "compliance.\(format.rawValue)", "compliance.csv", "report.html"]
    }

    /// Returns the paths written.
    @discardableResult
    public static func write(_ report: ComplianceReport, districts: InputLayer, facilities: InputLayer,
                             to folder: String, language: Language = .zh, format: LayerFormat = .geojson) throws -> [String] {
        try OutputFile.makeFolder(folder)
        let path = { (name: String) in URL(fileURLWithPath: folder).appendingPathComponent(name).path }
        let table = districtTable(report, districts)
        let layers: () throws -> Void = switch format {
        // GeoJSON (RFC 7946) is written in WGS 84, transformed from the metric CRS.
        case .geojson: { try GeoJSONFile.write(table, layerName: "compliance", to: path("compliance.geojson")) }
        case .gpkg: {
            try GeoPackageFile.write([
                .init(name: "districts", table: table, style: districtStyle(language)),
                .init(name: "facilities", table: facilityTable(report, facilities), style: facilityStyle),
            ], to: path("compliance.gpkg"))
        }
        }
        // The report first: it is drawn on one thread, the others spread over every core.
        try Workers.runAll([
            {
                let html = ComplianceHTML(report: report, districts: districts, facilities: facilities, language: language).render()
                try OutputFile.write(TextBuffer(html), to: path("report.html"))
            },
            { try OutputFile.write(json(report), to: path("compliance.json")) },
            layers,
            { try CSVFile.write(table, to: path("compliance.csv")) },
        ])
        return names(format).map(path)
    }

    /// Districts coloured by outcome, as the report's map.
    static func districtStyle(_ language: Language) -> QGISStyle {
        let t = { (zh: String, en: String) in Localized(zh: zh, en: en)(language) }
        let category = { (outcome: Outcome, status: Status, label: String) in
            QGISStyle.Category(value: outcome.rawValue, label: label, symbol: .init(color: status.color, opacity: 0.55))
        }
        return QGISStyle(name: t("达标情况", "Outcome"), geometry: .fill, renderer: .categorized(field: "outcome", [
            category(.pass, .pass, t("达标", "pass")), category(.fail, .fail, t("未达标", "fail")),
            category(.insufficientData, .insufficient, t("数据不足", "insufficient data")),
            category(.notApplicable, .insufficient, t("不适用", "not applicable")),
        ]))
    }

    static let facilityStyle = QGISStyle(name: "facilities", geometry: .marker,
                                         renderer: .single(.init(color: "#333333", opacity: 0.85, outline: "#ffffff")))

    static let facilityFields: [FieldInfo] = [
        FieldInfo(name: "id", type: .string), FieldInfo(name: "name", type: .string),
        FieldInfo(name: "floor_area_m2", type: .real), FieldInfo(name: "district_id", type: .string),
    ]

    /// The facilities with the district each counts for (the first, for a polygon shared by several).
    static func facilityTable(_ report: ComplianceReport, _ facilities: InputLayer) -> FeatureTable {
        var districtOf: [String: String] = [:]
        for d in report.districts { for f in d.facilities where districtOf[f.id] == nil { districtOf[f.id] = d.id } }
        let features = facilities.features
        let values = features.map { f in
            [.string(f.id), facilities.value("name", of: f) ?? .null,
             facilities.value("floor_area_m2", of: f)?.number.map(AttributeValue.double) ?? .null,
             districtOf[f.id].map(AttributeValue.string) ?? .null] as [AttributeValue]
        }
        return FeatureTable(fields: facilityFields, count: features.count, epsg: report.assumptions.crs.metricEPSG,
                            geometry: { features[$0].geometry }, values: { values[$0] })
    }

    /// The JSON document: snake_case keys in the order of the result types' properties.
    public static func json(_ report: ComplianceReport) throws -> [TextBuffer] {
        try JSONStreamEncoder().encode(report)
    }

    static let districtFields: [FieldInfo] = [
        FieldInfo(name: "id", type: .string), FieldInfo(name: "name", type: .string),
        FieldInfo(name: "status", type: .string), FieldInfo(name: "outcome", type: .string),
        FieldInfo(name: "households", type: .real), FieldInfo(name: "population", type: .real),
        FieldInfo(name: "required_floor_area_m2", type: .real), FieldInfo(name: "provided_floor_area_m2", type: .real),
        FieldInfo(name: "shortfall_m2", type: .real), FieldInfo(name: "failed_rules", type: .string),
        FieldInfo(name: "problems", type: .string), FieldInfo(name: "notes", type: .string),
    ]

    /// One row per district, in the districts' order, with its geometry in the metric CRS.
    static func districtTable(_ report: ComplianceReport, _ districts: InputLayer) -> FeatureTable {
        let notes = AttributeValue.string(report.notes.joined(separator: " "))
        let results = report.districts, features = districts.features
        @Sendable func number(_ x: Double?) -> AttributeValue { x.map { .double(($0 * 100).rounded() / 100) } ?? .null }
        return FeatureTable(
            fields: districtFields, count: results.count, epsg: report.assumptions.crs.metricEPSG,
            geometry: { features[$0].geometry },
            values: { i in
                let d = results[i]
                return [
                    .string(d.id), d.name.map(AttributeValue.string) ?? .null,
                    d.status.map { .string($0.rawValue) } ?? .null, .string(d.outcome.rawValue),
                    number(d.households), number(d.population), number(d.requiredFloorAreaM2),
                    number(d.providedFloorAreaM2), number(d.shortfallM2),
                    .string(d.checks.filter { $0.outcome == .fail }.map(\.rule).joined(separator: ",")),
                    .string(d.problems.joined(separator: "; ")), notes,
                ]
            })
    }
}
