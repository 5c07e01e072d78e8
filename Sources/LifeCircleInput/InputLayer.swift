import LifeCircleCRS
import LifeCircleGeometry
import LifeCircleIO

/// A feature ready for analysis: its geometry valid and in the run's metric CRS.
public struct InputFeature: Hashable, Sendable {
    /// Position in the source layer (0-based), for messages that send a user back to the file.
    public var index: Int
    /// The feature's id attribute, else its GDAL feature id, else its position.
    public var id: String
    public var geometry: Geometry
    public var attributes: [String: AttributeValue]
    /// Whether the geometry was invalid and repaired (see the layer's `repairs`).
    public var repaired: Bool

    public init(index: Int, id: String, geometry: Geometry, attributes: [String: AttributeValue], repaired: Bool = false) {
        self.index = index
        self.id = id
        self.geometry = geometry
        self.attributes = attributes
        self.repaired = repaired
    }
}

/// A geometry that was invalid and was repaired, with what GEOS said and what came out.
public struct Repair: Hashable, Sendable, Codable, CustomStringConvertible {
    public var source: String
    public var layer: String
    public var index: Int
    public var id: String?
    /// GEOS's validity reason, e.g. "Self-intersection[106.2 38.4]".
    public var reason: String
    /// What make-valid produced, e.g. "MultiPolygon; area 1204.5 m² → 1180.2 m²".
    public var result: String

    public var description: String {
        "\(source) layer \(layer) feature \(index)\(id.map { " (id \($0))" } ?? ""): \(reason) → repaired as \(result)"
    }
}

/// How coordinates were interpreted and where metric work happens: stated in every output.
public struct CRSChoice: Hashable, Sendable, Codable {
    /// What the file declared ("EPSG:4326"), as it says it; nil when nothing.
    public var declared: String?
    /// What the coordinates were read as, e.g. GCJ-02 or EPSG:4490.
    public var source: CRS
    /// Why: "declared by the file", "given by the user", or the guess's reasoning.
    public var sourceBasis: String
    /// The same in Chinese, for the reports.
    public var sourceBasisZh: String
    /// The projected CRS for metres and square metres, e.g. EPSG:4544.
    public var metric: CRS
    public var metricReason: String
    public var metricReasonZh: String

    /// The metric CRS's EPSG code, for writers that take one.
    public var metricEPSG: Int? { if case .epsg(let code) = metric { code } else { nil } }

    public init(declared: String?, source: CRS, sourceBasis: String, sourceBasisZh: String? = nil,
                metric: CRS, metricReason: String, metricReasonZh: String? = nil) {
        self.sourceBasisZh = sourceBasisZh ?? sourceBasis
        self.metricReasonZh = metricReasonZh ?? metricReason
        self.declared = declared
        self.source = source
        self.sourceBasis = sourceBasis
        self.metric = metric
        self.metricReason = metricReason
    }

    // In outputs the CRSs are their names ("EPSG:4544", "GCJ-02").
    private enum CodingKeys: String, CodingKey { case declared, source, sourceBasis, sourceBasisZh, metric, metricReason, metricReasonZh }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(declared, forKey: .declared)
        try c.encode(source.description, forKey: .source)
        try c.encode(sourceBasis, forKey: .sourceBasis)
        try c.encode(sourceBasisZh, forKey: .sourceBasisZh)
        try c.encode(metric.description, forKey: .metric)
        try c.encode(metricReason, forKey: .metricReason)
        try c.encode(metricReasonZh, forKey: .metricReasonZh)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        declared = try c.decodeIfPresent(String.self, forKey: .declared)
        source = try CRS(parsing: try c.decode(String.self, forKey: .source))
        sourceBasis = try c.decode(String.self, forKey: .sourceBasis)
        sourceBasisZh = try c.decodeIfPresent(String.self, forKey: .sourceBasisZh) ?? sourceBasis
        metric = try CRS(parsing: try c.decode(String.self, forKey: .metric))
        metricReason = try c.decode(String.self, forKey: .metricReason)
        metricReasonZh = try c.decodeIfPresent(String.self, forKey: .metricReasonZh) ?? metricReason
    }
}

/// One input layer made ready for analysis, with the ledger of everything not taken as it was.
public struct InputLayer: Sendable {
    public var source: String
    public var layer: String
    public var encoding: String
    public var crs: CRSChoice
    /// Canonical name → source field, as resolved from aliases and `--field` overrides.
    public var fieldMapping: [String: String]
    public var features: [InputFeature]
    public var rejections: [Rejection]
    public var repairs: [Repair]
    public var warnings: [String]

    /// A layer built in memory (by a program rather than read from a file): geometries must already
    /// be valid and in the metric CRS `crs.metric`; attributes are keyed by canonical name.
    public init(source: String, layer: String, crs: CRSChoice, features: [InputFeature]) {
        self.init(source: source, layer: layer, encoding: "UTF-8", crs: crs,
                  fieldMapping: Dictionary(uniqueKeysWithValues: Set(features.flatMap(\.attributes.keys)).map { ($0, $0) }),
                  features: features, rejections: [], repairs: [], warnings: [])
    }

    init(source: String, layer: String, encoding: String, crs: CRSChoice, fieldMapping: [String: String],
         features: [InputFeature], rejections: [Rejection], repairs: [Repair], warnings: [String]) {
        self.source = source
        self.layer = layer
        self.encoding = encoding
        self.crs = crs
        self.fieldMapping = fieldMapping
        self.features = features
        self.rejections = rejections
        self.repairs = repairs
        self.warnings = warnings
    }

    /// The attribute of `feature` under a canonical name ("households", "population" …).
    public func value(_ canonical: String, of feature: InputFeature) -> AttributeValue? {
        fieldMapping[canonical].flatMap { feature.attributes[$0] }
    }
}

/// One input of a run as its outputs record it: the file and layer, the text encoding read, how
/// its coordinates were interpreted, and what was kept.
public struct InputRecord: Hashable, Sendable, Codable {
    public var source: String
    public var layer: String
    /// "UTF-8", "GB18030 (detected)", or what a Shapefile's .cpg declared.
    public var encoding: String
    public var crs: CRSChoice
    public var features: Int
    public var rejected: Int
    public var repaired: Int

    public init(_ layer: InputLayer) {
        (source, self.layer, encoding, crs) = (layer.source, layer.layer, layer.encoding, layer.crs)
        (features, rejected, repaired) = (layer.features.count, layer.rejections.count, layer.repairs.count)
    }
}
