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
    /// The geometry the job needs (districts and administrative units are areas).
    public var geometry: RequiredGeometry = .any

    public init(layer: String? = nil, sourceCRS: CRS? = nil, metricCRS: CRS? = nil,
                fieldOverrides: [String: String] = [:], read: ReadOptions = ReadOptions()) {
        self.layer = layer
        self.sourceCRS = sourceCRS
        self.metricCRS = metricCRS
        self.fieldOverrides = fieldOverrides
        self.read = read
    }
}

/// The geometry a layer's features must have for its job.
public enum RequiredGeometry: String, Hashable, Sendable {
    case any
    /// Polygons or multipolygons; a collection keeps its polygons and lists what it leaves out.
    case areas
    /// Points or areas, as demand units and candidate sites are; a line is rejected.
    case pointsOrAreas
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

        // A row whose coordinates cannot be right in its layer (not numbers; latitude 95 among
        // degrees) is rejected by itself, so that it neither sets the layer's extent nor gets the
        // whole layer refused as "projected metres".
        let (stray, extent) = strayRows(data.records)
        guard let rawExtent = extent else {
            throw InputError.noUsableFeatures(source: path, layer: layer, rejected: data.records.count + data.rejections.count,
                                              reasons: firstReasons(data.rejections, orElse: noGeometryReason(data)))
        }
        let source = try SourceCRSResolution.resolve(
            given: options.sourceCRS, declared: data.info.crs, envelope: rawExtent, source: path, layer: layer)
        let metric = try options.metricCRS.map { MetricCRS(epsg: try $0.epsgCode, reason: "the run's metric CRS, chosen from its first layer",
                                                                       reasonZh: "本次计算的坐标系，按第一个图层选取") }
            ?? MetricCRS.choose(for: rawExtent, in: source.crs)
        let workers = data.records.count >= 4096 ? Workers.defaultCount : 1
        // A converter per worker: a PROJ transformer serves one thread at a time.
        let converters = try (0..<workers).map { w in
            try CoordinateConverter(from: source.crs, to: metric.crs, cache: w == 0 ? .shared : TransformerCache())
        }

        var result = InputLayer(
            source: path, layer: layer, encoding: data.encoding,
            crs: CRSChoice(declared: data.info.crs, source: source.crs, sourceBasis: source.basis, sourceBasisZh: source.basisZh,
                           metric: metric.crs, metricReason: metric.reason, metricReasonZh: metric.reasonZh),
            fieldMapping: mapping, features: [], rejections: data.rejections, repairs: [], warnings: data.warnings)
        if options.sourceCRS == nil, let hint = WebMapHint.find(path: path, records: data.records) {
            result.warnings.append(hint)
        }

        let idField = mapping["id"] ?? ""
        let limited = limitedFields(mapping)
        var records = data.records
        // A feature whose field for a canonical attribute is empty takes it from another field the
        // file has for it (overrides aside), and the layer says how many did.
        let fields = data.info.fields.map(\.name)
        for (canonical, primary) in mapping.sorted(by: { $0.key < $1.key }) where options.fieldOverrides[canonical] == nil {
            let others = FieldAliases.standard.alternatives(for: canonical, in: fields, besides: primary)
            guard !others.isEmpty else { continue }
            var filled = 0
            for i in records.indices where records[i].attributes[primary]?.isEmpty ?? true {
                guard let value = others.lazy.compactMap({ records[i].attributes[$0] }).first(where: { !$0.isEmpty }) else { continue }
                records[i].attributes[primary] = value
                filled += 1
            }
            if filled > 0 {
                result.warnings.append("\(filled) features have no \(primary) and take \(canonical) from \(others.joined(separator: " / "))")
            }
        }
        let chunks = Workers.split(count: records.count, workers: workers) { range, worker in
            range.map { i in
                if let reason = stray[i] {
                    return Prepared.rejected(Rejection(source: path, layer: layer, index: records[i].index,
                                                       id: records[i].attributes[idField]?.text ?? records[i].fid.map(String.init) ?? String(records[i].index),
                                                       reason: reason))
                }
                return prepared(records[i], id: idField, limited: limited, geometry: options.geometry, converter: converters[worker],
                         path: path, layer: layer)
            }
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
        guard !result.features.isEmpty else {
            throw InputError.noUsableFeatures(source: path, layer: layer, rejected: result.rejections.count,
                                              reasons: firstReasons(result.rejections, orElse: "the layer is empty"))
        }
        return result
    }

    /// Why a layer none of whose features has a geometry has none: a table names what it lacks.
    static func noGeometryReason(_ data: LayerData) -> String {
        guard data.geometrySource == .none else { return "no feature has a geometry" }
        let names = (CoordinateColumns.xNames.prefix(4) + CoordinateColumns.yNames.prefix(3) + CoordinateColumns.wktNames.prefix(1))
        return "the table has no coordinate columns (such as \(names.joined(separator: ", "))) among its columns "
            + "\(data.info.fields.map(\.name).joined(separator: ", ")): name the table's x and y (or WKT) columns"
    }

    /// Rows whose coordinates are not finite, or beyond ±180° / ±90° in a layer whose other rows
    /// (nine in ten or more) are degrees, or beyond them by a typing slip (latitude 95: numbers far
    /// too small for metres, so not a layer in a projected CRS), with the reason, by position in `records`; and the
    /// extent of the other rows.
    static func strayRows(_ records: [FeatureRecord]) -> (stray: [Int: String], extent: Envelope?) {
        var stray: [Int: String] = [:]
        var envelopes: [Envelope?] = []
        envelopes.reserveCapacity(records.count)
        for (i, record) in records.enumerated() {
            let e = record.geometry?.envelope
            if let e, ![e.minX, e.minY, e.maxX, e.maxY].allSatisfy(\.isFinite) {
                stray[i] = "coordinates are not finite numbers"
                envelopes.append(nil)
            } else {
                envelopes.append(e)
            }
        }
        func inDegrees(_ e: Envelope) -> Bool { e.minX >= -180 && e.maxX <= 180 && e.minY >= -90 && e.maxY <= 90 }
        func slip(_ e: Envelope) -> Bool { [e.minX, e.minY, e.maxX, e.maxY].allSatisfy { abs($0) < 1000 } }
        let located = envelopes.compactMap { $0 }
        let degrees = located.filter(inDegrees).count
        let mostlyDegrees = degrees * 10 >= located.count * 9
        if degrees < located.count, degrees > 0 {
            for (i, e) in envelopes.enumerated() {
                guard let e, !inDegrees(e), mostlyDegrees || slip(e) else { continue }
                stray[i] = "coordinates (\(e.minX), \(e.minY)) are beyond ±180° / ±90°, where the layer's other rows are degrees"
            }
        }
        var extent: Envelope?
        for (i, e) in envelopes.enumerated() where stray[i] == nil {
            guard let e else { continue }
            extent = extent.map { $0.union(e) } ?? e
        }
        return (stray, extent)
    }

    /// The first three rejections, as "feature D1: a LineString, where an area (polygon) is needed".
    private static func firstReasons(_ rejections: [Rejection], orElse fallback: String) -> [String] {
        let reasons = rejections.prefix(3).map { "feature \($0.id ?? String($0.index)): \($0.reason)" }
        return reasons.isEmpty ? [fallback] : reasons
    }

    private enum Prepared {
        case feature(InputFeature, Repair?)
        case rejected(Rejection)
    }

    /// The canonical numbers a feature may carry, each with the largest a real one can have:
    /// below 0, not finite or beyond that, a value is a mistake in the data (−260 m², 1e15
    /// households) and the feature is rejected naming the field, never counted.
    static let numberLimits: [(canonical: String, maximum: Double)] = [
        ("households", 1e7), ("population", 1e8), ("elderly_population", 1e8), ("floor_area_m2", 1e7),
        ("land_area_m2", 1e8), ("capacity", 1e6), ("childcare_places", 1e6), ("cost", 1e12),
    ]

    /// The limited numbers a layer's fields hold: (source field, canonical name, maximum).
    static func limitedFields(_ mapping: [String: String]) -> [(field: String, canonical: String, maximum: Double)] {
        numberLimits.compactMap { limit in mapping[limit.canonical].map { ($0, limit.canonical, limit.maximum) } }
    }

    /// Why a feature's canonical numbers cannot be used, or nil.
    static func numberProblem(_ attributes: [String: AttributeValue],
                              _ fields: [(field: String, canonical: String, maximum: Double)]) -> String? {
        for (field, canonical, maximum) in fields {
            guard let value = attributes[field], !value.isEmpty else { continue }
            let number: Double? = switch value {
            case .int(let n): Double(n)
            case .double(let d): d
            case .string(let s): Double(s.trimmingCharacters(in: .whitespacesAndNewlines))
            case .null: nil
            }
            let named = field == canonical ? field : "\(field) (\(canonical))"
            // Text where a number belongs ("一百", "120平方米") would otherwise read as no value at all.
            guard let number else { return "\(named) is \"\(value)\": not a number" }
            if !number.isFinite { return "\(named) is \(value): not a finite number" }
            if number < 0 { return "\(named) is \(value): negative" }
            if number > maximum { return "\(named) is \(value): beyond any real value (at most \(Int(maximum)))" }
        }
        return nil
    }

    private static func prepared(_ record: FeatureRecord, id idField: String,
                                 limited: [(field: String, canonical: String, maximum: Double)], geometry required: RequiredGeometry,
                                 converter: CoordinateConverter, path: String, layer: String) -> Prepared {
        let id = record.attributes[idField]?.text ?? record.fid.map(String.init) ?? String(record.index)
        func reject(_ reason: String) -> Prepared {
            .rejected(Rejection(source: path, layer: layer, index: record.index, id: id, reason: reason))
        }
        guard let raw = record.geometry, !raw.isEmpty else { return reject("empty geometry") }
        if let problem = numberProblem(record.attributes, limited) { return reject(problem) }
        var leftOut: String?
        var kept = raw
        switch required {
        case .any:
            break
        case .pointsOrAreas:
            // A line is not a place a unit or a site can be located at.
            if !raw.isPointLike && raw.polygons.isEmpty {
                return reject("a \(raw.typeName), where a point or an area (polygon) is needed")
            }
        case .areas:
            let polygons = raw.polygons
            guard !polygons.isEmpty else { return reject("a \(raw.typeName), where an area (polygon) is needed") }
            if case .geometryCollection(let parts) = raw, parts.contains(where: { $0.polygons.isEmpty }) {
                let others = parts.filter { $0.polygons.isEmpty }.map(\.typeName)
                leftOut = "\(others.count) part(s) that are not areas left out (\(others.joined(separator: ", ")))"
                kept = .multiPolygon(polygons)
            }
        }
        do {
            let projected = try converter.convert(kept)
            let checked = try GeometryCheck.validate(projected, areaUnit: "m²")
            let reasons = [leftOut, checked.repair?.reason].compactMap { $0 }
            let repair = reasons.isEmpty ? nil : Repair(source: path, layer: layer, index: record.index, id: id,
                                                        reason: reasons.joined(separator: "; "),
                                                        result: checked.repair?.result ?? checked.geometry.typeName)
            return .feature(InputFeature(index: record.index, id: id, geometry: checked.geometry,
                                         attributes: record.attributes, repaired: repair != nil), repair)
        } catch let failure as GeometryCheck.Unrepairable {
            return reject("invalid geometry, not repairable: \(failure.reason)")
        } catch {
            return reject("\(error)")
        }
    }
}

extension Geometry {
    /// A point, a multipoint, or a collection holding one.
    var isPointLike: Bool {
        switch self {
        case .point, .multiPoint: true
        case .geometryCollection(let parts): parts.contains(where: \.isPointLike)
        default: false
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
