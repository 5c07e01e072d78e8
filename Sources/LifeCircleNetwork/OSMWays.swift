import LifeCircleCRS
import LifeCircleGeometry
import LifeCircleIO

extension StreetGraph {
    /// The default walking network of an OpenStreetMap file (PBF or XML), read through GDAL's OSM
    /// driver: the ways of its `lines` layer that pass `WalkingFilter`, joined where they share a
    /// node, measured in the metric CRS, largest connected component only.
    ///
    /// GDAL neither splits ways at junctions nor exposes node ids, but ways sharing a node carry
    /// its coordinates bit for bit: nodes are identified by exact source coordinates, before
    /// projecting, and ways are cut at every vertex another way (or the same way again) visits.
    /// Closed ways GDAL files as areas (`area=yes`, or tags such as `leisure`) are in its
    /// `multipolygons` layer and not read.
    public init(osm path: String, options: NetworkOptions = NetworkOptions()) throws {
        let layer = try VectorSource(path: path).read(layer: "lines")
        var summary = SourceSummary(source: path, featuresRead: layer.records.count + layer.rejections.count,
                                    roadsUsed: 0, excluded: [:], rejections: layer.rejections)
        var locations = ExactLocations()
        var roads = RoadTopology()
        for record in layer.records {
            let tags = record.attributes["other_tags"]?.text.map(parseOSMOtherTags) ?? [:]
            let highway = record.attributes["highway"]?.text
            if let reason = WalkingFilter.exclusion(highway: highway, tags: tags) {
                summary.excluded[reason, default: 0] += 1
                continue
            }
            let id = record.attributes["osm_id"]?.text ?? record.fid.map(String.init) ?? String(record.index)
            let parts: [LineString] = switch record.geometry {
            case .lineString(let line): [line]
            case .multiLineString(let lines): lines
            default: []
            }
            let roadClass = highway ?? ""  // the filter has excluded ways without one
            let way = roads.addWay(id)
            var used = false
            for part in parts {
                let ids = part.coordinates.map { locations.location(of: $0) }
                if try roads.addLine(ids, roadClass: roadClass, way: way) { used = true }
            }
            if used {
                summary.roadsUsed += 1
            } else {
                summary.rejections.append(Rejection(source: path, layer: layer.info.name, index: record.index, id: id,
                                                    reason: "no line geometry of two or more distinct points"))
            }
        }
        guard !roads.lines.isEmpty, let extent = Envelope(of: locations.positions) else {
            throw NetworkError.noStreets(source: path, reason: "no way of the `lines` layer passed the walking filter")
        }
        let metric = try options.givenMetricCRS() ?? MetricCRS.choose(for: extent, in: .wgs84)
        let converter = try CoordinateConverter(from: .wgs84, to: metric.crs)
        roads.locations = try converter.convert(locations.positions)
        self = try GraphBuilder.build(roads, metricCRS: metric, summary: summary)
    }
}

/// Locations by identical coordinates: OSM ways that share a node carry that node's coordinates
/// bit for bit, while ways that merely cross (a bridge over a road) share none.
private struct ExactLocations {
    private(set) var positions: [Coordinate] = []
    private var index: [Coordinate: Int32] = [:]

    mutating func location(of c: Coordinate) -> Int32 {
        if let l = index[c] { return l }
        positions.append(c)
        index[c] = Int32(positions.count - 1)
        return Int32(positions.count - 1)
    }
}
