import LifeCircleGeometry

/// A result layer to write: `count` features, each a geometry and one value per field, produced on
/// demand by index so that writers serialise chunks on every core without a copy of the layer.
public struct FeatureTable: Sendable {
    public var fields: [FieldInfo]
    public var count: Int
    /// The EPSG code of the geometries' CRS; nil for a table without geometries.
    public var epsg: Int?
    public var geometry: @Sendable (Int) -> Geometry?
    /// The feature's values in the order of `fields`.
    public var values: @Sendable (Int) -> [AttributeValue]

    public init(fields: [FieldInfo], count: Int, epsg: Int?,
                geometry: @escaping @Sendable (Int) -> Geometry?, values: @escaping @Sendable (Int) -> [AttributeValue]) {
        (self.fields, self.count, self.epsg, self.geometry, self.values) = (fields, count, epsg, geometry, values)
    }

    /// Records built in memory, each with its attributes by field name.
    public init(records: [FeatureRecord], fields: [FieldInfo], epsg: Int?) {
        let names = fields.map(\.name)
        self.init(fields: fields, count: records.count, epsg: epsg, geometry: { records[$0].geometry },
                  values: { i in names.map { records[i].attributes[$0] ?? .null } })
    }
}
