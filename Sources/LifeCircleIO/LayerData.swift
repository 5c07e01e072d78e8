/// Where the records' geometries came from.
public enum GeometrySource: Hashable, Sendable, Codable {
    /// The layer's own geometry.
    case layer
    /// Built from a table's columns.
    case columns(CoordinateColumns)
    /// Neither: a table without coordinate columns; every record's geometry is nil.
    case none
}

/// A whole layer read into memory.
///
/// Every feature GDAL returned is in exactly one of `records` and `rejections`, so
/// `records.count + rejections.count` is the number of features in the layer.
public struct LayerData: Hashable, Sendable, Codable {
    /// The file, as given.
    public var source: String
    public var info: LayerInfo
    /// The text encoding used: "UTF-8", "GB18030 (detected)", what a Shapefile's .cpg declared
    /// (e.g. "CP936"), or the encoding asked for.
    public var encoding: String
    public var geometrySource: GeometrySource
    public var records: [FeatureRecord]
    public var rejections: [Rejection]
    /// GDAL's warnings while reading (e.g. characters it could not convert).
    public var warnings: [String]
}
