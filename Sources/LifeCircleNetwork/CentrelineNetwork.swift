import Foundation
import LifeCircleCRS
import LifeCircleGeometry
import LifeCircleIO
import LifeCircleInput

extension StreetGraph {
    /// A network from a road-centreline file (Shapefile, GeoJSON, GeoPackage … of lines), read and
    /// projected by `InputLoader`. `options.metricCRS`, when given, overrides `load.metricCRS`.
    public init(centrelines path: String, load: LoadOptions = LoadOptions(), options: NetworkOptions = NetworkOptions()) throws {
        var load = load
        load.metricCRS = options.metricCRS ?? load.metricCRS
        try self.init(centrelines: InputLoader.load(path, options: load), options: options)
    }

    /// A network from a loaded centreline layer, as planning offices keep them: every line is a
    /// street walkable both ways; lines join where vertices lie within `options.snapTolerance` of
    /// each other (see `ToleranceLocations`) and are cut there. Lines that meet another in the
    /// middle of a segment, without a vertex there, do not join: node such layers first.
    /// Features that are not lines are listed as rejections.
    public init(centrelines layer: InputLayer, options: NetworkOptions = NetworkOptions()) throws {
        guard case .epsg(let code) = layer.crs.metric else { throw NetworkError.notProjected(layer.crs.metric.description) }
        var metric = MetricCRS(epsg: code, reason: layer.crs.metricReason, reasonZh: layer.crs.metricReasonZh)
        var project: CoordinateConverter?
        if let given = try options.givenMetricCRS(), given.epsg != code {
            metric = given
            project = try CoordinateConverter(from: .epsg(code), to: given.crs)
        }
        let classField = try Self.classField(in: layer, named: options.classField)

        var summary = SourceSummary(source: layer.source, featuresRead: layer.features.count + layer.rejections.count,
                                    roadsUsed: 0, excluded: [:], rejections: layer.rejections)
        // Line ends repeat at junctions: about half as many places as line vertices, told up front so
        // the tables are not regrown as the city is read.
        let vertices = layer.features.reduce(0) { sum, feature in
            switch feature.geometry {
            case .lineString(let line): sum + line.coordinates.count
            case .multiLineString(let lines): sum + lines.reduce(0) { $0 + $1.coordinates.count }
            default: sum
            }
        }
        var locations = ToleranceLocations(tolerance: options.snapTolerance, expectedPlaces: vertices / 2)
        var roads = RoadTopology()
        // Road classes are few and repeat: each distinct raw text is trimmed once.
        var classNames: [String: String] = [:]
        for feature in layer.features {
            let parts: [LineString] = switch feature.geometry {
            case .lineString(let line): [line]
            case .multiLineString(let lines): lines
            default: []
            }
            let raw = classField.flatMap { feature.attributes[$0]?.text } ?? ""
            let text: String
            if let known = classNames[raw] {
                text = known
            } else {
                text = raw.trimmingCharacters(in: .whitespaces)
                classNames[raw] = text
            }
            let way = roads.addWay(feature.id)
            var used = false
            for part in parts {
                let coordinates = try project.map { try $0.convert(part.coordinates) } ?? part.coordinates
                let ids = coordinates.map { locations.location(of: $0) }
                if try roads.addLine(ids, roadClass: text.isEmpty ? "road" : text, way: way) { used = true }
            }
            if used {
                summary.roadsUsed += 1
            } else {
                summary.rejections.append(Rejection(
                    source: layer.source, layer: layer.layer, index: feature.index, id: feature.id,
                    reason: parts.isEmpty ? "a \(feature.geometry.typeName), not a line" : "a line of less than the snapping tolerance"))
            }
        }
        roads.locations = locations.positions
        self = try GraphBuilder.build(roads, metricCRS: metric, summary: summary)
    }

    /// The layer's road-class field: the one named, else the first of the usual names present.
    /// A layer read from a file gives every feature the same fields, so the first thousand
    /// features show them all without a pass over a province's million.
    private static func classField(in layer: InputLayer, named wanted: String?) throws -> String? {
        let fields = Set(layer.features.prefix(1000).flatMap(\.attributes.keys)).sorted()
        func find(_ name: String) -> String? {
            fields.first { $0 == name } ?? fields.first { $0.lowercased() == name.lowercased() }
        }
        if let wanted {
            guard let field = find(wanted) else {
                throw NetworkError.classFieldNotFound(source: layer.source, field: wanted, available: fields)
            }
            return field
        }
        return ["class", "等级", "道路等级", "highway", "fclass", "road_class"].lazy.compactMap(find).first
    }
}
