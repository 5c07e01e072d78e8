import LifeCircleCRS
import LifeCircleGeometry
import LifeCircleIO

/// What `lifecircle convert` did.
public struct ConversionSummary: Sendable, Codable {
    public var input: String
    public var output: String
    public var layer: String
    public var sourceCRS: String
    public var sourceBasis: String
    public var targetCRS: String
    public var written: Int
    public var rejected: [Rejection]
    public var notes: [String]
}

/// Brings a layer into another CRS (GCJ-02 and BD-09 included) and another format, chosen by
/// the output's extension. Features that cannot be transformed are listed, never dropped silently.
public enum FileConversion {
    public static func convert(_ input: String, to output: String, layer: String? = nil,
                               from given: CRS? = nil, target: CRS, read: ReadOptions = ReadOptions()) throws -> ConversionSummary {
        // RFC 7946 GeoJSON holds WGS 84 longitude/latitude only (GDAL would silently write those):
        // a projected target needs another format.
        if try OutputFormat(path: output) == .geoJSON, case .epsg(let code) = target, ![4326, 4490].contains(code) {
            throw IOError.writeFailed(path: output, message: "GeoJSON (RFC 7946) holds WGS 84 longitude/latitude only, "
                                      + "not \(target): write a .gpkg or .shp for it")
        }
        let data = try VectorSource(path: input).read(layer: layer, options: read)
        let extent = data.records.compactMap(\.geometry?.envelope).reduce(nil) { $0?.union($1) ?? $1 }
        let source = try extent.map {
            try SourceCRSResolution.resolve(given: given, declared: data.info.crs, envelope: $0, source: input, layer: data.info.name)
        }
        var rejected = data.rejections
        var records: [FeatureRecord] = []
        if let source {
            let converter = try CoordinateConverter(from: source.crs, to: target)
            for var record in data.records {
                do {
                    record.geometry = try record.geometry.map(converter.convert)
                    // An attribute naming the old system ("coord_sys": "GCJ-02") would be stale.
                    for field in record.attributes.keys where WebMapHint.crsFields.contains(field.lowercased()) {
                        record.attributes[field] = .string(target.description)
                    }
                    records.append(record)
                } catch {
                    rejected.append(Rejection(source: input, layer: data.info.name, index: record.index,
                                              id: record.fid.map(String.init), reason: "\(error)"))
                }
            }
        } else {
            records = data.records
        }
        var notes: [String] = []
        let declaredTarget: Int?
        if case .epsg(let code) = target {
            declaredTarget = code
        } else {
            declaredTarget = nil
            notes.append("\(target) is a web-map offset, not a coordinate reference system: the output declares no CRS")
        }
        // Coordinate columns became the geometry: written again they would hold the old CRS's numbers.
        let consumed: Set<String> = switch data.geometrySource {
        case .columns(.xy(let x, let y)): [x, y]
        case .columns(.wkt(let column)): [column]
        default: []
        }
        let fields = data.info.fields.filter { !consumed.contains($0.name) }
        let report = try VectorWriter.write(records, fields: fields, epsg: declaredTarget, to: output)
        notes += report.renamedFields.sorted { $0.key < $1.key }.map { "field \($0.key) written as \($0.value) (\(report.format.rawValue) limit)" }
        notes += report.warnings.map { "GDAL: \($0)" }
        return ConversionSummary(
            input: input, output: output, layer: data.info.name,
            sourceCRS: source?.crs.description ?? "none (no geometry)", sourceBasis: source?.basis ?? "",
            targetCRS: target.description, written: records.count,
            rejected: rejected.sorted { $0.index < $1.index }, notes: notes)
    }
}
