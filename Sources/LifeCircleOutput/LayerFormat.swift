/// How a run's result layers are written: GeoJSON files (the default, RFC 7946, for web maps and
/// scripts) or one GeoPackage holding every layer, styled for QGIS.
public enum LayerFormat: String, Hashable, Sendable, CaseIterable {
    case geojson
    case gpkg
}
