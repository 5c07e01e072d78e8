import Foundation
import LifeCircleGeometry
import LifeCircleIO
import LifeCircleInput
import LifeCircleOutput
import LifeCircleReport
import LifeCircleWorkers

/// Writes one coverage run's outputs: coverage.json, coverage.geojson (units with status and
/// minutes), circles.geojson (service circles) and report.html.
public enum CoverageFiles {
    public static let names = ["coverage.json", "coverage.geojson", "circles.geojson", "report.html"]

    @discardableResult
    public static func write(_ report: CoverageReport, demand: InputLayer, facilities: InputLayer, circles: [Geometry],
                             to folder: String, language: Language = .zh) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = { (name: String) in URL(fileURLWithPath: folder).appendingPathComponent(name).path }
        let epsg = report.summary.crs.metricEPSG, method = AttributeValue.string(report.summary.method)
        // Units in the demand layer's order; a feature whose id names no result is not written.
        let position = Dictionary(report.units.indices.map { (report.units[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        let written = demand.features.compactMap { f in position[f.id].map { (f.geometry, $0) } }
        let units = report.units
        let unitTable = FeatureTable(
            fields: unitFields, count: written.count, epsg: epsg, geometry: { written[$0].0 },
            values: { i in
                let u = units[written[i].1]
                return [.string(u.id), u.name.map(AttributeValue.string) ?? .null, .string(u.kind.rawValue),
                        .int(u.covered ? 1 : 0), u.minutes.map { .double(($0 * 100).rounded() / 100) } ?? .null,
                        u.meters.map { .double($0.rounded()) } ?? .null,
                        u.nearestFacility.map(AttributeValue.string) ?? .null, method]
            })
        let facilityNames = facilities.features.map { facilities.value("name", of: $0) ?? .null }
        let ids = facilities.features.map(\.id), profile = AttributeValue.string(report.summary.profile)
        let circleTable = FeatureTable(
            fields: circleFields, count: min(ids.count, circles.count), epsg: epsg, geometry: { circles[$0] },
            values: { [.string(ids[$0]), facilityNames[$0], method, profile] })
        try Workers.runAll([
            { try OutputFile.write(JSONStreamEncoder().encode(report), to: path("coverage.json")) },
            { try GeoJSONFile.write(unitTable, layerName: "coverage", to: path("coverage.geojson")) },
            { try GeoJSONFile.write(circleTable, layerName: "circles", to: path("circles.geojson")) },
            {
                let html = CoverageHTML(report: report, demand: demand, facilities: facilities, circles: circles, language: language).render()
                try OutputFile.write(TextBuffer(html), to: path("report.html"))
            },
        ])
        return Self.names.map(path)
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
