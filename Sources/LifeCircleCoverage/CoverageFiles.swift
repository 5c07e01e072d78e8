import Foundation
import LifeCircleGeometry
import LifeCircleIO
import LifeCircleInput
import LifeCircleOutput
import LifeCircleReport
import LifeCircleWorkers

/// Writes one coverage run's outputs: coverage.json, the layers — coverage.geojson (units with
/// status and minutes), circles.geojson (service circles) and area.geojson (the merged coverage
/// area), or with `.gpkg` coverage.gpkg holding them and the facilities, styled for QGIS — and
/// report.html.
public enum CoverageFiles {
    public static func names(_ format: LayerFormat = .geojson) -> [String] {
        switch format {
        case .geojson: ["coverage.json", "coverage.geojson", "circles.geojson", "area.geojson", "report.html"]
        case .gpkg: ["coverage.json", "coverage.gpkg", "report.html"]
        }
    }

    @discardableResult
    public static func write(_ report: CoverageReport, demand: InputLayer, facilities: InputLayer, circles: [Geometry],
                             area: Geometry, to folder: String, language: Language = .zh, format: LayerFormat = .geojson) throws -> [String] {
        try OutputFile.makeFolder(folder)
        let path = { (name: String) in URL(fileURLWithPath: folder).appendingPathComponent(name).path }
        let epsg = report.summary.crs.metricEPSG, method = AttributeValue.string(report.summary.method)
        // Every unit with its own feature's geometry (by index: ids may repeat).
        let units = report.units, features = demand.features
        let unitTable = FeatureTable(
            fields: unitFields, count: units.count, epsg: epsg, geometry: { features[units[$0].feature].geometry },
            values: { i in
                let u = units[i]
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
        let squareMetres = area.polygons.map(\.planarArea).reduce(0, +)
        let areaTable = FeatureTable(fields: areaFields, count: 1, epsg: epsg, geometry: { _ in area }, values: { _ in
            [method, profile, .double((squareMetres / 10_000).rounded() / 100)]
        })
        let layers: [() throws -> Void] = switch format {
        case .geojson: [
            { try GeoJSONFile.write(areaTable, layerName: "area", to: path("area.geojson")) },
            { try GeoJSONFile.write(unitTable, layerName: "coverage", to: path("coverage.geojson")) },
            { try GeoJSONFile.write(circleTable, layerName: "circles", to: path("circles.geojson")) },
        ]
        case .gpkg: [{
            let facilityTable = FeatureTable(fields: Array(circleFields.prefix(2)), count: ids.count, epsg: epsg,
                                             geometry: { facilities.features[$0].geometry }, values: { [.string(ids[$0]), facilityNames[$0]] })
            try GeoPackageFile.write([
                .init(name: "area", table: areaTable, style: areaStyle),
                .init(name: "circles", table: circleTable, style: circleStyle),
                .init(name: "units", table: unitTable, style: unitStyle(language, areas: !(demand.features.first?.geometry.polygons.isEmpty ?? true))),
                .init(name: "facilities", table: facilityTable, style: facilityStyle),
            ], to: path("coverage.gpkg"))
        }]
        }
        // The report first: it is drawn on one thread, the others spread over every core.
        try Workers.runAll([
            {
                let html = CoverageHTML(report: report, demand: demand, facilities: facilities, circles: circles, language: language).render()
                try OutputFile.write(TextBuffer(html), to: path("report.html"))
            },
            { try OutputFile.write(JSONStreamEncoder().encode(report), to: path("coverage.json")) },
        ] + layers)
        return Self.names(format).map(path)
    }

    /// The report's colours: circles light blue, units covered or not, facilities black.
    static let circleStyle = QGISStyle(name: "service circles", geometry: .fill,
                                       renderer: .single(.init(color: "#56B4E9", opacity: 0.18, outline: "#0072B2")))
    static let facilityStyle = QGISStyle(name: "facilities", geometry: .marker,
                                         renderer: .single(.init(color: "#000000", outline: "#ffffff")))
    static let areaStyle = QGISStyle(name: "coverage area", geometry: .fill,
                                     renderer: .single(.init(color: "#0072B2", opacity: 0.3, outline: "#0072B2", outlineWidth: 0)))

    static let areaFields: [FieldInfo] = [
        FieldInfo(name: "method", type: .string), FieldInfo(name: "profile", type: .string), FieldInfo(name: "area_km2", type: .real),
    ]

    /// Units as points, or as areas (villages drawn as their boundaries).
    static func unitStyle(_ language: Language, areas: Bool) -> QGISStyle {
        let t = { (zh: String, en: String) in Localized(zh: zh, en: en)(language) }
        return QGISStyle(name: t("覆盖情况", "Coverage"), geometry: areas ? .fill : .marker, renderer: .categorized(field: "covered", [
            .init(value: "1", label: t("已覆盖", "covered"), symbol: .init(color: Status.pass.color, opacity: 0.55)),
            .init(value: "0", label: t("未覆盖", "not covered"), symbol: .init(color: Status.fail.color, opacity: 0.55)),
        ]))
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
