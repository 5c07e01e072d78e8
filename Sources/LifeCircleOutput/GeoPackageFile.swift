import LifeCircleIO

/// Every result layer of a run in one GeoPackage, written in one transaction, with each layer's
/// QGIS style in the `layer_styles` table QGIS reads on opening (the default style of its layer).
public enum GeoPackageFile {
    public struct Layer: Sendable {
        public var name: String
        public var table: FeatureTable
        public var style: QGISStyle?

        public init(name: String, table: FeatureTable, style: QGISStyle?) {
            (self.name, self.table, self.style) = (name, table, style)
        }
    }

    public static func write(_ layers: [Layer], to path: String) throws {
        var toWrite = layers.map { LayerToWrite(name: $0.name, table: $0.table) }
        let styled = layers.filter { $0.style != nil }
        if !styled.isEmpty {
            let records = styled.enumerated().map { i, layer in
                FeatureRecord(index: i, geometry: nil, attributes: [
                    "f_table_catalog": .string(""), "f_table_schema": .string(""), "f_table_name": .string(layer.name),
                    // GDAL's name for a GeoPackage layer's geometry column.
                    "f_geometry_column": .string("geom"), "styleName": .string(layer.style!.name),
                    "styleQML": .string(layer.style!.qml), "styleSLD": .string(""), "useAsDefault": .int(1),
                    "description": .string("LifeCircle"), "owner": .string(""), "ui": .null,
                ])
            }
            toWrite.append(LayerToWrite(name: "layer_styles", table: FeatureTable(records: records, fields: styleFields, epsg: nil)))
        }
        try VectorWriter.write(toWrite, to: path)
    }

    /// The columns of the table QGIS creates for styles in a GeoPackage.
    static let styleFields: [FieldInfo] = [
        "f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName", "styleQML", "styleSLD",
    ].map { FieldInfo(name: $0, type: .string) } + [FieldInfo(name: "useAsDefault", type: .integer)]
        + ["description", "owner", "ui"].map { FieldInfo(name: $0, type: .string) }
}
