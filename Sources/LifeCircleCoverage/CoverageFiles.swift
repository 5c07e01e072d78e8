import Foundation
import LifeCircleGeometry
import LifeCircleIO
import LifeCircleInput
import LifeCircleReport

/// Writes one coverage run's outputs: coverage.json, coverage.geojson (units with status and
/// minutes), circles.geojson (service circles) and report.html.
public enum CoverageFiles {
    public static let names = ["coverage.json", "coverage.geojson", "circles.geojson", "report.html"]

    @discardableResult
    public static func write(_ report: CoverageReport, demand: InputLayer, facilities: InputLayer, circles: [Geometry],
                             to folder: String, language: Language = .zh) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = { (name: String) in URL(fileURLWithPath: folder).appendingPathComponent(name).path }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(report).write(to: URL(fileURLWithPath: path("coverage.json")))

        let metricEPSG = Int(report.summary.crs.metric.replacingOccurrences(of: "EPSG:", with: ""))
        let byID = Dictionary(report.units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let unitRecords = demand.features.enumerated().compactMap { i, f -> FeatureRecord? in
            guard let u = byID[f.id] else { return nil }
            return FeatureRecord(index: i, geometry: f.geometry, attributes: [
                "id": .string(u.id), "name": u.name.map(AttributeValue.string) ?? .null, "kind": .string(u.kind.rawValue),
                "covered": .int(u.covered ? 1 : 0), "minutes": u.minutes.map { .double(($0 * 100).rounded() / 100) } ?? .null,
                "meters": u.meters.map { .double($0.rounded()) } ?? .null,
                "nearest_facility": u.nearestFacility.map(AttributeValue.string) ?? .null,
                "method": .string(report.summary.method),
            ])
        }
        try VectorWriter.write(unitRecords, fields: unitFields, epsg: metricEPSG, to: path("coverage.geojson"))
        let circleRecords = zip(facilities.features, circles).enumerated().map { i, pair in
            FeatureRecord(index: i, geometry: pair.1, attributes: [
                "facility": .string(pair.0.id), "name": facilities.value("name", of: pair.0).map { $0 } ?? .null,
                "method": .string(report.summary.method), "profile": .string(report.summary.profile),
            ])
        }
        try VectorWriter.write(circleRecords, fields: circleFields, epsg: metricEPSG, to: path("circles.geojson"))
        let html = CoverageHTML(report: report, demand: demand, facilities: facilities, circles: circles, language: language).render()
        try Data(html.utf8).write(to: URL(fileURLWithPath: path("report.html")))
        return names.map(path)
    }

    static let unitFields: [FieldInfo] = [
        FieldInfo(name: "id", type: .string), FieldInfo(name: "name", type: .string), FieldInfo(name: "kind", type: .string),
        FieldInfo(name: "covered", type: .integer), FieldInfo(name: "minutes", type: .real), FieldInfo(name: "meters", type: .real),
        FieldInfo(name: "nearest_facility", type: .string), FieldInfo(name: "method", type: .string),
    ]

    static let circleFields: [FieldInfo] = [
        FieldInfo(name: "facility", type: .string), FieldInfo(name: "name", type: .string),
        FieldInfo(name: "method", type: .string), FieldInfo(name: "profile", type: .string),
    ]
}
