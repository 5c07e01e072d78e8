import LifeCircleCRS
import LifeCircleGeometry
import LifeCircleIO

/// What a file really holds, layer by layer: what `lifecircle inspect` prints.
public struct InspectionReport: Sendable, Codable {
    public var file: String
    public var layers: [LayerInspection]
}

public struct LayerInspection: Sendable, Codable {
    public struct Field: Sendable, Codable {
        public var name: String
        public var type: String
        /// The canonical name this field is read as, when it is one of the aliases.
        public var canonical: String?
    }

    public struct InvalidGeometry: Sendable, Codable {
        public var index: Int
        public var id: String?
        public var reason: String
        /// What make-valid would produce, or why it cannot help.
        public var makeValid: String
    }

    public var name: String
    public var featureCount: Int
    public var geometryType: String
    /// Geometry types as actually found, with counts (a "Polygon" layer may hold MultiPolygons).
    public var geometryTypes: [String: Int]
    public var encoding: String
    public var geometrySource: String
    public var declaredCRS: String?
    /// The CRS the coordinates would be read as, and why; nil when they cannot be placed.
    public var resolvedCRS: String?
    public var resolvedBasis: String?
    /// The projected CRS LifeCircle would measure in.
    public var metricCRS: String?
    public var crsIssues: [String]
    public var extent: Envelope?
    public var fields: [Field]
    public var invalid: [InvalidGeometry]
    public var rejected: [Rejection]
    public var warnings: [String]
}

public enum Inspector {
    /// Inspects every layer of `path`, or only `layer`. `sourceCRS` plays the role of `--from`.
    /// `fieldOverrides` are the `--field canonical=source` overrides of the alias table.
    public static func inspect(_ path: String, layer: String? = nil, sourceCRS: CRS? = nil,
                               fieldOverrides: [String: String] = [:], read: ReadOptions = ReadOptions()) throws -> InspectionReport {
        let names = try layer.map { [$0] } ?? VectorSource(path: path).layers().map(\.name)
        let layers = try names.map { try inspectLayer(path, $0, sourceCRS, fieldOverrides, read) }
        return InspectionReport(file: path, layers: layers)
    }

    private static func inspectLayer(_ path: String, _ layer: String, _ sourceCRS: CRS?,
                                     _ overrides: [String: String], _ read: ReadOptions) throws -> LayerInspection {
        let data = try VectorSource(path: path).read(layer: layer, options: read)
        // Overrides naming a missing column are the user's mistake and stop here; without
        // overrides, a layer whose fields match no alias simply has no canonical names.
        let mapping = try FieldAliases.standard.resolve(fields: data.info.fields.map(\.name), overrides: overrides, source: path)
        let canonicalOf = Dictionary(mapping.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })

        var types: [String: Int] = [:]
        var extent: Envelope?
        for record in data.records {
            guard let g = record.geometry, !g.isEmpty else { types["(empty)", default: 0] += 1; continue }
            types[g.typeName, default: 0] += 1
            if let e = g.envelope { extent = extent?.union(e) ?? e }
        }

        var inspection = LayerInspection(
            name: data.info.name, featureCount: data.records.count + data.rejections.count,
            geometryType: data.info.geometryType, geometryTypes: types, encoding: data.encoding,
            geometrySource: data.geometrySource.summary, declaredCRS: data.info.crs,
            crsIssues: [], extent: extent,
            fields: data.info.fields.map { .init(name: $0.name, type: $0.type.rawValue, canonical: canonicalOf[$0.name]) },
            invalid: [], rejected: data.rejections, warnings: data.warnings)

        // Validity is judged, and repairs measured, in the metric CRS when the coordinates can be placed.
        var toMetric: CoordinateConverter?
        if let extent {
            do {
                let resolved = try SourceCRSResolution.resolve(
                    given: sourceCRS, declared: data.info.crs, envelope: extent, source: path, layer: layer)
                let metric = try MetricCRS.choose(for: extent, in: resolved.crs)
                inspection.resolvedCRS = resolved.crs.description
                inspection.resolvedBasis = resolved.basis
                inspection.metricCRS = "\(metric.crs) — \(metric.reason)"
                toMetric = try CoordinateConverter(from: resolved.crs, to: metric.crs)
                if sourceCRS == nil, let hint = WebMapHint.find(path: path, records: data.records) {
                    inspection.crsIssues.append(hint)
                }
            } catch {
                inspection.crsIssues.append("\(error)")
            }
        }
        let unit = toMetric == nil ? "(source units)²" : "m²"
        for record in data.records {
            guard let g = record.geometry, !g.isEmpty else { continue }
            let id = record.attributes[mapping["id"] ?? ""]?.text
            do {
                let measured = try toMetric?.convert(g) ?? g
                if let repair = try GeometryCheck.validate(measured, areaUnit: unit).repair {
                    inspection.invalid.append(.init(index: record.index, id: id, reason: repair.reason, makeValid: repair.result))
                }
            } catch let failure as GeometryCheck.Unrepairable {
                inspection.invalid.append(.init(index: record.index, id: id, reason: failure.reason, makeValid: "not repairable"))
            } catch {
                inspection.invalid.append(.init(index: record.index, id: id, reason: "\(error)", makeValid: "not attempted"))
            }
        }
        return inspection
    }
}

extension GeometrySource {
    /// A short phrase for reports: where the geometries came from.
    var summary: String {
        switch self {
        case .layer: "the layer's geometry"
        case .columns(.xy(let x, let y)): "points from columns \(x) / \(y)"
        case .columns(.wkt(let column)): "WKT in column \(column)"
        case .none: "none (a table without coordinate columns)"
        }
    }
}
