import Foundation
import LifeCircleGeometry
import LifeCircleIO
import LifeCircleInput
import LifeCircleReport

/// Writes one run's outputs into a folder: compliance.json, compliance.geojson, compliance.csv
/// and report.html.
public enum ComplianceFiles {
    public static let names = ["compliance.json", "compliance.geojson", "compliance.csv", "report.html"]

    /// Returns the paths written.
    @discardableResult
    public static func write(_ report: ComplianceReport, districts: InputLayer, facilities: InputLayer,
                             to folder: String, language: Language = .zh) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = { (name: String) in URL(fileURLWithPath: folder).appendingPathComponent(name).path }

        try json(report).write(to: URL(fileURLWithPath: path("compliance.json")))
        let metricEPSG = Int(report.assumptions.crs.metric.replacingOccurrences(of: "EPSG:", with: ""))
        let records = districtRecords(report, districts)
        // GeoJSON (RFC 7946) is written in WGS 84: GDAL reprojects from the metric CRS.
        try VectorWriter.write(records, fields: districtFields, epsg: metricEPSG, to: path("compliance.geojson"))
        try VectorWriter.write(records.map { var r = $0; r.geometry = nil; return r },
                               fields: districtFields, epsg: nil, to: path("compliance.csv"))
        let html = ComplianceHTML(report: report, districts: districts, facilities: facilities, language: language).render()
        try Data(html.utf8).write(to: URL(fileURLWithPath: path("report.html")))
        return names.map(path)
    }

    /// The JSON document, snake_case keys, stable key order.
    public static func json(_ report: ComplianceReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(report)
    }

    static let districtFields: [FieldInfo] = [
        FieldInfo(name: "id", type: .string), FieldInfo(name: "name", type: .string),
        FieldInfo(name: "status", type: .string), FieldInfo(name: "outcome", type: .string),
        FieldInfo(name: "households", type: .real), FieldInfo(name: "population", type: .real),
        FieldInfo(name: "required_floor_area_m2", type: .real), FieldInfo(name: "provided_floor_area_m2", type: .real),
        FieldInfo(name: "shortfall_m2", type: .real), FieldInfo(name: "failed_rules", type: .string),
        FieldInfo(name: "problems", type: .string), FieldInfo(name: "notes", type: .string),
    ]

    private static func districtRecords(_ report: ComplianceReport, _ districts: InputLayer) -> [FeatureRecord] {
        zip(report.districts, districts.features).enumerated().map { i, pair in
            let (d, feature) = pair
            func number(_ x: Double?) -> AttributeValue { x.map { .double(($0 * 100).rounded() / 100) } ?? .null }
            return FeatureRecord(index: i, geometry: feature.geometry, attributes: [
                "id": .string(d.id), "name": d.name.map(AttributeValue.string) ?? .null,
                "status": d.status.map { .string($0.rawValue) } ?? .null, "outcome": .string(d.outcome.rawValue),
                "households": number(d.households), "population": number(d.population),
                "required_floor_area_m2": number(d.requiredFloorAreaM2),
                "provided_floor_area_m2": number(d.providedFloorAreaM2), "shortfall_m2": number(d.shortfallM2),
                "failed_rules": .string(d.checks.filter { $0.outcome == .fail }.map(\.rule).joined(separator: ",")),
                "problems": .string(d.problems.joined(separator: "; ")),
                "notes": .string(report.notes.joined(separator: " ")),
            ])
        }
    }
}
