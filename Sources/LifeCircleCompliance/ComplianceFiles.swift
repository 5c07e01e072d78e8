import Foundation
import LifeCircleGeometry
import LifeCircleIO
import LifeCircleInput
import LifeCircleOutput
import LifeCircleReport
import LifeCircleWorkers

/// Writes one run's outputs into a folder, the four files at once: compliance.json,
/// compliance.geojson, compliance.csv and report.html.
public enum ComplianceFiles {
    public static let names = ["compliance.json", "compliance.geojson", "compliance.csv", "report.html"]

    /// Returns the paths written.
    @discardableResult
    public static func write(_ report: ComplianceReport, districts: InputLayer, facilities: InputLayer,
                             to folder: String, language: Language = .zh) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = { (name: String) in URL(fileURLWithPath: folder).appendingPathComponent(name).path }
        let table = districtTable(report, districts)
        try Workers.runAll([
            { try OutputFile.write(json(report), to: path("compliance.json")) },
            // GeoJSON (RFC 7946) is written in WGS 84, transformed from the metric CRS.
            { try GeoJSONFile.write(table, layerName: "compliance", to: path("compliance.geojson")) },
            { try CSVFile.write(table, to: path("compliance.csv")) },
            {
                let html = ComplianceHTML(report: report, districts: districts, facilities: facilities, language: language).render()
                try OutputFile.write(TextBuffer(html), to: path("report.html"))
            },
        ])
        return names.map(path)
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
