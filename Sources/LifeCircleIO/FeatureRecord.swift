import LifeCircleGeometry

/// One feature as read.
///
/// `geometry` is nil when the feature has an empty or missing geometry in a layer that has geometry,
/// or comes from a table with no coordinate columns: such features are kept, and the caller decides.
public struct FeatureRecord: Hashable, Sendable, Codable {
    /// 0-based position in the layer, counting rejected features too.
    public var index: Int
    /// GDAL's feature id, when the driver has one.
    public var fid: Int64?
    /// x = longitude/easting, y = latitude/northing; Z is dropped, curves are linearised.
    public var geometry: Geometry?
    /// Keyed by field name; the field order is the layer's `LayerInfo.fields`.
    public var attributes: [String: AttributeValue]

    public init(index: Int, fid: Int64? = nil, geometry: Geometry?, attributes: [String: AttributeValue]) {
        self.index = index
        self.fid = fid
        self.geometry = geometry
        self.attributes = attributes
    }
}
