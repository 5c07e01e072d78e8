import CGDAL

/// An open GDAL vector dataset, closed when released. GDAL handles are not thread-safe, so one of
/// these never leaves the operation that opened it.
final class OGRDataset {
    let path: String
    let handle: GDALDatasetH
    /// Whether the driver recodes text itself given an ENCODING open option (Shapefile does).
    let acceptsEncodingOption: Bool

    /// Opens `path` read-only; `encoding` is passed as the ENCODING open option where the driver takes one.
    init(path: String, encoding: String?, log: GDALMessageLog) throws {
        // Identify the driver first, to pass only options it understands (others make GDAL warn).
        let driver = GDALIdentifyDriverEx(path, UInt32(GDAL_OF_VECTOR), nil, nil)
        let driverName = driver.flatMap { GDALGetDriverShortName($0) }.map { String(cString: $0) }
        let openOptionList = driver.flatMap { GDALGetMetadataItem($0, GDAL_DMD_OPENOPTIONLIST, nil) }
            .map { String(cString: $0) } ?? ""
        acceptsEncodingOption = openOptionList.contains("name=\"ENCODING\"")

        var options = Self.openOptions[driverName ?? ""] ?? []
        if let encoding, acceptsEncodingOption { options.append("ENCODING=\(encoding)") }
        let flags = UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR)
        let opened = withCStringList(driverName.map { [$0] } ?? []) { allowed in
            withCStringList(options) { GDALOpenEx(path, flags, Self.constList(allowed), Self.constList($0), nil) }
        }
        guard let opened else {
            throw IOError.cannotOpen(path: path, message: log.lastFailure() ?? "not a vector format GDAL reads")
        }
        self.path = path
        handle = opened
    }

    deinit { GDALClose(handle) }

    // GDALOpenEx declares its lists `const char* const*`, the other calls plain `char**`.
    private static func constList(_ list: CSLConstList?) -> UnsafePointer<UnsafePointer<CChar>?>? {
        list.map { UnsafeRawPointer($0).assumingMemoryBound(to: UnsafePointer<CChar>?.self) }
    }

    /// Per-driver open options.
    private static let openOptions: [String: [String]] = [
        // Planners' tables have a header row (AUTO takes an all-numeric one for data). Columns stay
        // strings: type guessing would turn an id "001" into 1; coordinates are parsed by us.
        "CSV": ["HEADERS=YES", "AUTODETECT_TYPE=NO"],
    ]

    /// The driver's short name ("ESRI Shapefile", "CSV", "XLSX", "OSM" …).
    var driverName: String {
        GDALGetDatasetDriver(handle).flatMap { GDALGetDriverShortName($0) }.map { String(cString: $0) } ?? ""
    }

    /// The encoding a Shapefile's .cpg or .dbf header declares, as GDAL reports it ("UTF-8", "CP936" …);
    /// nil when none is declared or the format has no such notion.
    var declaredEncoding: String? {
        layers.lazy.compactMap { GDALGetMetadataItem($0, "SOURCE_ENCODING", "SHAPEFILE") }
            .map { String(cString: $0) }.first { !$0.isEmpty }
    }

    var layers: [OGRLayerH] {
        (0..<GDALDatasetGetLayerCount(handle)).compactMap { GDALDatasetGetLayer(handle, $0) }
    }

    /// The layer called `name`, or the only layer when `name` is nil.
    func layer(named name: String?, text: TextDecoder) throws -> OGRLayerH {
        let layers = self.layers
        let names = layers.map { text.string(OGR_L_GetName($0)) }
        guard let name else {
            guard layers.count == 1 else { throw IOError.layerRequired(path: path, available: names) }
            return layers[0]
        }
        guard let index = names.firstIndex(of: name) else {
            throw IOError.layerNotFound(path: path, layer: name, available: names)
        }
        return layers[index]
    }
}
