import LifeCircleCRS
import LifeCircleGEOS
import LifeCircleGeometry
import LifeCircleIO

/// How to read one input layer.
public struct LoadOptions: Sendable {
    /// The layer to read; nil for a single-layer file.
    public var layer: String?
    /// The CRS of the coordinates, overriding what the file declares (`--from`).
    public var sourceCRS: CRS?
    /// The projected CRS for metric work; nil chooses it from the data's centre.
    public var metricCRS: CRS?
    /// `--field canonical=source` overrides of the alias table.
    public var fieldOverrides: [String: String]
    /// Coordinate and WKT columns of tables, and a forced text encoding.
    public var read: ReadOptions

    public init(layer: String? = nil, sourceCRS: CRS? = nil, metricCRS: CRS? = nil,
                fieldOverrides: [String: String] = [:], read: ReadOptions = ReadOptions()) {
        self.layer = layer
        self.sourceCRS = sourceCRS
        self.metricCRS = metricCRS
        self.fieldOverrides = fieldOverrides
        self.read = read
    }
}

/// Reads a layer and makes it ready for analysis: fields mapped to canonical names, coordinates
/// placed and projected to the metric CRS, geometries validated and repaired. Every feature ends
/// up either in `features` or in `rejections`; every repair is listed.
public enum InputLoader {
    public static func load(_ path: String, options: LoadOptions = LoadOptions()) throws -> InputLayer {
        let data = try VectorSource(path: path).read(layer: options.layer, options: options.read)
        let layer = data.info.name
        let mapping = try FieldAliases.standard.resolve(
            fields: data.info.fields.map(\.name), overrides: options.fieldOverrides, source: path)

        let located = data.records.filter { $0.geometry.map { !$0.isEmpty } ?? false }
        guard let rawExtent = located.compactMap(\.geometry?.envelope).reduce(nil, { $0?.union($1) ?? $1 }) else {
            throw InputError.noUsableFeatures(source: path, layer: layer, rejected: data.records.count + data.rejections.count)
        }
        let source = try SourceCRSResolution.resolve(
            given: options.sourceCRS, declared: data.info.crs, envelope: rawExtent, source: path, layer: layer)
        let metric = try options.metricCRS.map { MetricCRS(epsg: try $0.epsgCode, reason: "given with --metric-crs") }
            ?? MetricCRS.choose(for: rawExtent, in: source.crs)
        let converter = try CoordinateConverter(from: source.crs, to: metric.crs)

        var result = InputLayer(
            source: path, layer: layer, encoding: data.encoding,
            crs: CRSChoice(declared: data.info.crs, source: source.crs.description, sourceBasis: source.basis,
                           metric: metric.crs.description, metricReason: metric.reason),
            fieldMapping: mapping, features: [], rejections: data.rejections, repairs: [], warnings: data.warnings)

        if options.sourceCRS == nil, let hint = WebMapHint.find(path: path, records: data.records) {
            result.warnings.append(hint)
        }
        for record in data.records {
            let id = record.attributes[mapping["id"] ?? ""]?.text ?? record.fid.map(String.init) ?? String(record.index)
            func reject(_ reason: String) {
                result.rejections.append(Rejection(source: path, layer: layer, index: record.index, id: id, reason: reason))
            }
            guard let raw = record.geometry, !raw.isEmpty else { reject("empty geometry"); continue }
            do {
                let projected = try converter.convert(raw)
                let checked = try GeometryCheck.validate(projected, areaUnit: "m²")
                if let repair = checked.repair {
                    result.repairs.append(Repair(source: path, layer: layer, index: record.index, id: id,
                                                 reason: repair.reason, result: repair.result))
                }
                result.features.append(InputFeature(index: record.index, id: id, geometry: checked.geometry,
                                                    attributes: record.attributes, repaired: checked.repair != nil))
            } catch let failure as GeometryCheck.Unrepairable {
                reject("invalid geometry, not repairable: \(failure.reason)")
            } catch {
                reject("\(error)")
            }
        }
        result.rejections.sort { $0.index < $1.index }
        return result
    }
}

extension CRS {
    /// The EPSG code of a PROJ-known CRS; web-map systems are not metric CRSs.
    var epsgCode: Int {
        get throws {
            guard case .epsg(let code) = self else { throw CRSError.unrecognized("\(self) is not a projected CRS") }
            return code
        }
    }
}
