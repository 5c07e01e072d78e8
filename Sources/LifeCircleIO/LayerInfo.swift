import CGDAL
import LifeCircleGeometry

/// What a layer declares, as GDAL lists it.
public struct LayerInfo: Hashable, Sendable, Codable {
    public var name: String
    /// Nil when the driver cannot count.
    public var featureCount: Int?
    /// GDAL's name for the declared type: "Point", "Line String", "Multi Polygon", "None", "Unknown (any)" …
    public var geometryType: String
    /// The attribute fields in the file's order.
    public var fields: [FieldInfo]
    /// "EPSG:4490" when the CRS has or is identified with an EPSG code, else the CRS's name; nil when none is declared.
    public var crs: String?
    public var extent: Envelope?

    public init(name: String, featureCount: Int?, geometryType: String, fields: [FieldInfo], crs: String?, extent: Envelope?) {
        self.name = name
        self.featureCount = featureCount
        self.geometryType = geometryType
        self.fields = fields
        self.crs = crs
        self.extent = extent
    }

    /// `scanning`: count the features and take the extent even when the driver must read the whole
    /// file for them (GeoJSON: two extra parses of a 37 MB file cost 2.3 s); a reader that reads every
    /// feature anyway says false and fills them in from what it read.
    init(layer: OGRLayerH, text: TextDecoder, scanning: Bool = true) {
        let definition = OGR_L_GetLayerDefn(layer)
        let geometryType = OGR_L_GetGeomType(layer)
        let force: Int32 = scanning ? 1 : 0
        let count = OGR_L_GetFeatureCount(layer, force)
        var envelope = OGREnvelope()
        let hasExtent = geometryType != wkbNone && OGR_L_GetExtent(layer, &envelope, force) == OGRERR_NONE
        self.init(
            name: text.string(OGR_L_GetName(layer)),
            featureCount: count >= 0 ? Int(count) : nil,
            geometryType: String(cString: OGRGeometryTypeToName(geometryType)),
            fields: (0..<OGR_FD_GetFieldCount(definition)).map { i in
                let field = OGR_FD_GetFieldDefn(definition, i)
                return FieldInfo(name: text.string(OGR_Fld_GetNameRef(field)), type: FieldType(OGR_Fld_GetType(field)))
            },
            crs: OGR_L_GetSpatialRef(layer).flatMap(crsIdentifier),
            extent: hasExtent
                ? Envelope(minX: envelope.MinX, minY: envelope.MinY, maxX: envelope.MaxX, maxY: envelope.MaxY) : nil)
    }
}
