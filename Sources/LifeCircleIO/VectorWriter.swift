import CGDAL
import Foundation
import LifeCircleGeometry

/// Choices for writing a layer.
public struct WriteOptions: Hashable, Sendable {
    /// The layer's name; the file name without extension when nil.
    public var layerName: String?
    public var shapefileEncoding: ShapefileEncoding

    public init(layerName: String? = nil, shapefileEncoding: ShapefileEncoding = .utf8) {
        self.layerName = layerName
        self.shapefileEncoding = shapefileEncoding
    }
}

/// What a write produced.
public struct WriteReport: Hashable, Sendable, Codable {
    public var path: String
    public var format: OutputFormat
    public var featureCount: Int
    /// Schema names the format stored under another name (a Shapefile's field names hold 10 bytes).
    public var renamedFields: [String: String]
    /// GDAL's warnings while writing.
    public var warnings: [String]
}

/// One layer of a file to write.
public struct LayerToWrite: Sendable {
    public var name: String
    public var table: FeatureTable

    public init(name: String, table: FeatureTable) { (self.name, self.table) = (name, table) }
}

/// Writes features to GeoJSON, GeoPackage, Shapefile or CSV, chosen by the path's extension,
/// replacing any existing file.
public enum VectorWriter {
    /// Writes `records` with the attribute fields `fields` (attributes not in it are not written; FIDs
    /// are not written: the output numbers its features). `epsg` is the CRS of the coordinates,
    /// written as the layer's CRS (GeoJSON is reprojected to WGS 84 by GDAL, per RFC 7946).
    @discardableResult
    public static func write(
        _ records: [FeatureRecord], fields: [FieldInfo], epsg: Int?, to path: String,
        options: WriteOptions = WriteOptions()
    ) throws -> WriteReport {
        let name = options.layerName ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return try write([LayerToWrite(name: name, table: FeatureTable(records: records, fields: fields, epsg: epsg))],
                         to: path, options: options)[0]
    }

    /// Several layers into one file (a GeoPackage of every result layer), in one transaction where
    /// the format has them; replaces any existing file, and leaves none behind when a layer fails.
    @discardableResult
    public static func write(_ layers: [LayerToWrite], to path: String, options: WriteOptions = WriteOptions()) throws -> [WriteReport] {
        let format = try OutputFormat(path: path)
        return try GDALRuntime.run { log in
            guard let driver = GDALGetDriverByName(format.driverName) else {
                throw IOError.writeFailed(path: path, message: "GDAL has no \(format.driverName) driver")
            }
            // Checked before the old file is removed: a bad code must not cost the user their file.
            let spatialReferences = try layers.map { layer in try layer.table.epsg.map { try makeSpatialReference(epsg: $0, log: log) } }
            defer { spatialReferences.forEach { $0.map(OSRRelease) } }
            try removeExisting(path, driver: driver)
            log.clear()
            guard let dataset = GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, nil) else {
                throw IOError.writeFailed(path: path, message: log.lastFailure() ?? "GDAL could not create it")
            }
            do {
                // One transaction: a GeoPackage otherwise commits every feature on its own.
                let inTransaction = GDALDatasetStartTransaction(dataset, 0) == OGRERR_NONE
                var reports: [WriteReport] = []
                for (layer, srs) in zip(layers, spatialReferences) {
                    let renamed = try write(layer, srs: srs, into: dataset, format: format, path: path, options: options, log: log)
                    reports.append(WriteReport(path: path, format: format, featureCount: layer.table.count,
                                               renamedFields: renamed, warnings: []))
                }
                if inTransaction, GDALDatasetCommitTransaction(dataset) != OGRERR_NONE {
                    throw IOError.writeFailed(path: path, message: log.lastFailure() ?? "commit failed")
                }
                GDALClose(dataset)
                let warnings = log.warnings
                return reports.map { var r = $0; r.warnings = warnings; return r }
            } catch {
                // Leave no half-written file behind.
                GDALClose(dataset)
                GDALDeleteDataset(driver, path)
                throw error
            }
        }
    }

    /// Writes GeoJSON-style features: properties become attributes (booleans 1/0, arrays and objects
    /// their JSON text); a feature's `id` is not written — keep ids in the properties.
    @discardableResult
    public static func write(
        _ features: [Feature], fields: [FieldInfo], epsg: Int?, to path: String,
        options: WriteOptions = WriteOptions()
    ) throws -> WriteReport {
        let records = features.enumerated().map { index, feature in
            FeatureRecord(index: index, geometry: feature.geometry, attributes: feature.properties.mapValues(AttributeValue.init))
        }
        return try write(records, fields: fields, epsg: epsg, to: path, options: options)
    }

    private static func removeExisting(_ path: String, driver: GDALDriverH) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard !isDirectory.boolValue else { throw IOError.writeFailed(path: path, message: "it is a folder") }
        // The driver also removes a Shapefile's .dbf/.shx/.prj/.cpg; a file it does not recognise goes directly.
        if GDALDeleteDataset(driver, path) != CE_None {
            try FileManager.default.removeItem(atPath: path)
        }
    }

    /// Creates one layer and writes its features; returns the fields the format renamed.
    private static func write(
        _ toWrite: LayerToWrite, srs: OGRSpatialReferenceH?, into dataset: GDALDatasetH,
        format: OutputFormat, path: String, options: WriteOptions, log: GDALMessageLog
    ) throws -> [String: String] {
        let table = toWrite.table, fields = table.fields
        let (geometryType, promote) = layerGeometryType(of: (0..<table.count).lazy.compactMap(table.geometry))
        let layer = withCStringList(layerOptions(format, geometryType: geometryType, count: table.count, options: options)) {
            GDALDatasetCreateLayer(dataset, toWrite.name, srs, geometryType, $0)
        }
        guard let layer else {
            throw IOError.writeFailed(path: path, message: log.lastFailure() ?? "GDAL could not create the layer \(toWrite.name)")
        }
        let names = format == .shapefile
            ? shapefileFieldNames(fields.map(\.name), encoding: options.shapefileEncoding) : fields.map(\.name)
        for (field, name) in zip(fields, names) {
            let definition = OGR_Fld_Create(name, field.type.ogrType)
            defer { OGR_Fld_Destroy(definition) }
            guard OGR_L_CreateField(layer, definition, 1) == OGRERR_NONE else {
                throw IOError.writeFailed(path: path, message: "field \(field.name): " + (log.lastFailure() ?? "not created"))
            }
        }
        let definition = OGR_L_GetLayerDefn(layer)
        var renamed: [String: String] = [:]
        for (i, field) in zip(Int32(0)..., fields) {
            let stored = String(cString: OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(definition, i)))
            if stored != field.name { renamed[field.name] = stored }
        }

        for index in 0..<table.count {
            let feature = OGR_F_Create(definition)
            defer { OGR_F_Destroy(feature) }
            for (i, value) in zip(Int32(0)..., table.values(index)) {
                switch value {
                case .null: OGR_F_SetFieldNull(feature, i)
                case .int(let value): OGR_F_SetFieldInteger64(feature, i, value)
                case .double(let value): OGR_F_SetFieldDouble(feature, i, value)
                case .string(let value): OGR_F_SetFieldString(feature, i, value)
                }
            }
            if let geometry = table.geometry(index) {
                OGR_F_SetGeometryDirectly(feature, makeOGRGeometry(promote ? geometry.asMulti : geometry))
            }
            let mark = log.count
            guard OGR_L_CreateFeature(layer, feature) == OGRERR_NONE else {
                throw IOError.writeFailed(
                    path: path, message: "feature \(index): " + (log.lastFailure(since: mark) ?? "not written"))
            }
        }
        return renamed
    }

    /// The layer's declared type: the records' one type; a multi type when single and multi parts mix
    /// (`promote`: write the singles as multis, as GeoPackage wants); unknown for other mixes; none
    /// without geometries.
    private static func layerGeometryType(of geometries: some Sequence<Geometry>) -> (OGRwkbGeometryType, promote: Bool) {
        var types = Set<UInt32>(), multiTypes = Set<UInt32>()
        for geometry in geometries {
            types.insert(geometry.ogrType.rawValue)
            multiTypes.insert(geometry.asMulti.ogrType.rawValue)
        }
        if types.isEmpty { return (wkbNone, false) }
        if types.count == 1 { return (OGRwkbGeometryType(types.first!), false) }
        if multiTypes.count == 1 { return (OGRwkbGeometryType(multiTypes.first!), true) }
        return (wkbUnknown, false)
    }

    /// GeoPackage layers of more features than this are written without a spatial index: SQLite
    /// fills an R*Tree row by row, 3.4 s for 200,000 points against 0.6 s for the layer itself
    /// (QGIS builds one on request: Layer Properties ▸ Source).
    public static let spatialIndexLimit = 50_000

    private static func layerOptions(_ format: OutputFormat, geometryType: OGRwkbGeometryType, count: Int,
                                     options: WriteOptions) -> [String] {
        switch format {
        case .geoJSON: ["RFC7946=YES"]
        case .geoPackage: count > spatialIndexLimit ? ["SPATIAL_INDEX=NO"] : []
        case .shapefile: ["ENCODING=\(options.shapefileEncoding.rawValue)"]
        case .csv: ["WRITE_BOM=YES"] + (geometryType == wkbNone ? [] : ["GEOMETRY=\(geometryType == wkbPoint ? "AS_XY" : "AS_WKT")"])
        }
    }
}

extension Geometry {
    fileprivate var ogrType: OGRwkbGeometryType {
        switch self {
        case .point: wkbPoint
        case .lineString: wkbLineString
        case .polygon: wkbPolygon
        case .multiPoint: wkbMultiPoint
        case .multiLineString: wkbMultiLineString
        case .multiPolygon: wkbMultiPolygon
        case .geometryCollection: wkbGeometryCollection
        }
    }

    /// The multi-part form of a point, line or polygon; other geometries unchanged.
    fileprivate var asMulti: Geometry {
        switch self {
        case .point(let p): .multiPoint([p])
        case .lineString(let l): .multiLineString([l])
        case .polygon(let p): .multiPolygon([p])
        default: self
        }
    }
}
