import LifeCircleCRS
import LifeCircleGEOS
import LifeCircleGeometry
import LifeCircleIO
import LifeCircleWorkers

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
        try prepare(try read(path, options: options), options: options)
    }

    /// Reads the file: the part of loading that needs no other layer, so that several inputs can
    /// be read at once before the metric CRS is settled.
    public static func read(_ path: String, options: LoadOptions = LoadOptions()) throws -> LayerData {
        try VectorSource(path: path).read(layer: options.layer, options: options.read)
    }

    /// Reads several files at once, one thread each (GDAL datasets are independent); the first
    /// error, in the order given, is thrown.
    public static func read(_ inputs: [(path: String, options: LoadOptions)]) throws -> [LayerData] {
        try Workers.split(count: inputs.count, workers: inputs.count) { range, _ in
            range.map { i in Result { try read(inputs[i].path, options: inputs[i].options) } }
        }.joined().map { try $0.get() }
    }

    /// Makes a read layer ready: fields mapped, CRS settled, geometries projected and validated on
    /// every core (each worker with its own PROJ transformer), results kept in the file's order.
    public static func prepare(_ data: LayerData, options: LoadOptions = LoadOptions()) throws -> InputLayer {
        let path = data.source, layer = data.info.name
        let mapping = try FieldAliases.standard.resolve(
            fields: data.info.fields.map(\.name), overrides: options.fieldOverrides, source: path)

        var extent: Envelope?
        for record in data.records {
            guard let e = record.geometry?.envelope else { continue }
            extent = extent.map { $0.union(e) } ?? e
        }
        guard let rawExtent = extent else {
            throw InputError.noUsableFeatures(source: path, layer: layer, rejected: data.records.count + data.rejections.count)
        }
        let source = try SourceCRSResolution.resolve(
            given: options.sourceCRS, declared: data.info.crs, envelope: rawExtent, source: path, layer: layer)
        let metric = try options.metricCRS.map { MetricCRS(epsg: try $0.epsgCode, reason: "the run's metric CRS, chosen from its first layer") }
            ?? MetricCRS.choose(for: rawExtent, in: source.crs)
        let workers = data.records.count >= 4096 ? Workers.defaultCount : 1
        // A converter per worker: a PROJ transformer serves one thread at a time.
        let converters = try (0..<workers).map { w in
            try CoordinateConverter(from: source.crs, to: metric.crs, cache: w == 0 ? .shared : TransformerCache())
        }

        var result = InputLayer(
            source: path, layer: layer, encoding: data.encoding,
            crs: CRSChoice(declared: data.info.crs, source: source.crs, sourceBasis: source.basis,
                           metric: metric.crs, metricReason: metric.reason),
            fieldMapping: mapping, features: [], rejections: data.rejections, repairs: [], warnings: data.warnings)
        if options.sourceCRS == nil, let hint = WebMapHint.find(path: path, records: data.records) {
            result.warnings.append(hint)
        }

        let idField = mapping["id"] ?? ""
        let records = data.records
        let chunks = Workers.split(count: records.count, workers: workers) { range, worker in
            range.map { i in prepared(records[i], id: idField, converter: converters[worker], path: path, layer: layer) }
        }
        result.features.reserveCapacity(records.count)
        for outcome in chunks.joined() {
            switch outcome {
            case .feature(let feature, let repair):
                result.features.append(feature)
                if let repair { result.repairs.append(repair) }
            case .rejected(let rejection):
                result.rejections.append(rejection)
            }
        }
        result.rejections.sort { $0.index < $1.index }
        return result
    }

    private enum Prepared {
        case feature(InputFeature, Repair?)
        case rejected(Rejection)
    }

    private static func prepared(_ record: FeatureRecord, id idField: String, converter: CoordinateConverter,
                                 path: String, layer: String) -> Prepared {
        let id = record.attributes[idField]?.text ?? record.fid.map(String.init) ?? String(record.index)
        func reject(_ reason: String) -> Prepared {
            .rejected(Rejection(source: path, layer: layer, index: record.index, id: id, reason: reason))
        }
        guard let raw = record.geometry, !raw.isEmpty else { return reject("empty geometry") }
        do {
            let projected = try converter.convert(raw)
            let checked = try GeometryCheck.validate(projected, areaUnit: "m²")
            let repair = checked.repair.map {
                Repair(source: path, layer: layer, index: record.index, id: id, reason: $0.reason, result: $0.result)
            }
            return .feature(InputFeature(index: record.index, id: id, geometry: checked.geometry,
                                         attributes: record.attributes, repaired: repair != nil), repair)
        } catch let failure as GeometryCheck.Unrepairable {
            return reject("invalid geometry, not repairable: \(failure.reason)")
        } catch {
            return reject("\(error)")
        }
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
