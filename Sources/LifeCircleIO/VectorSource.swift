import CGDAL

/// A vector file GDAL reads: GeoJSON, Shapefile, GeoPackage, File GDB folders, DXF, KML, CSV, XLSX,
/// OSM XML/PBF … Each call opens the file, works and closes it, so a `VectorSource` can be passed
/// between tasks; each call's GDAL work stays on the calling thread.
public struct VectorSource: Hashable, Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// Every layer, as GDAL lists it (names decoded as GB18030 when they are not UTF-8).
    public func layers() throws -> [LayerInfo] {
        try GDALRuntime.run(config: Self.readingConfig) { log in
            try withEncodingFallback(path: path, requested: nil, log: log) { dataset, text in
                dataset.layers.map { LayerInfo(layer: $0, text: text) }
            }.0
        }
    }

    /// Reads a whole layer (`layer` may be nil when the file has just one).
    ///
    /// Text that is not valid UTF-8 is read again as GB18030 (`LayerData.encoding` says which was used).
    /// Tables — CSV files, and layers without geometry such as XLSX sheets — get point geometries from
    /// their coordinate columns or WKT column (see `CoordinateColumns`); a row whose cells give none
    /// becomes a rejection. A feature with an empty or missing geometry in a layer with geometry is
    /// returned with geometry nil.
    public func read(layer name: String? = nil, options: ReadOptions = ReadOptions()) throws -> LayerData {
        try GDALRuntime.run(config: Self.readingConfig) { log in
            let (pass, choice) = try withEncodingFallback(path: path, requested: options.encoding, log: log) {
                dataset, text in
                let layer = try dataset.layer(named: name, text: text)
                var info = LayerInfo(layer: layer, text: text, scanning: false)
                let fieldNames = info.fields.map(\.name)
                let context = RejectionContext(source: path, layer: info.name,
                                               idField: FieldAliases.standard.field(for: "id", in: fieldNames))
                // The CSV driver makes geometry of a column named WKT by itself, and a bad cell silently
                // null: tables get theirs from their columns, all one way, with rejections.
                let isTable = dataset.driverName == "CSV" || OGR_L_GetGeomType(layer) == wkbNone
                    || options.xColumn != nil || options.yColumn != nil || options.wktColumn != nil
                let columns: CoordinateColumns?
                do {
                    columns = isTable ? try CoordinateColumns.find(in: fieldNames, options: options) : nil
                } catch let problem as ColumnProblem {
                    throw IOError.coordinateColumns(path: path, layer: info.name, message: problem.message)
                }
                let (records, rejections) = try readFeatures(
                    of: layer, fields: info.fields, withGeometry: !isTable, text: text, context: context, log: log)
                info.featureCount = records.count + rejections.count
                info.extent = records.reduce(nil) { extent, record in
                    guard let e = record.geometry?.envelope else { return extent }
                    return extent.map { $0.union(e) } ?? e
                }
                return LayerPass(info: info, context: context, isTable: isTable, columns: columns,
                                 records: records, rejections: rejections)
            }
            let encoding: String
            var warnings: [String] = []
            switch choice {
            case .utf8: encoding = "UTF-8"
            case .declared(let declared, let invalidText):
                encoding = declared
                if invalidText {
                    warnings.append("some text is not valid \(declared) as the file declares; "
                                    + "if names look wrong, read it with another encoding")
                }
            case .detected: encoding = "\(fallbackEncoding) (detected)"
            case .requested(let requested): encoding = requested
            }
            var data = LayerData(
                source: path, info: pass.info, encoding: encoding,
                geometrySource: pass.columns.map(GeometrySource.columns) ?? (pass.isTable ? .none : .layer),
                records: pass.records, rejections: pass.rejections, warnings: [])
            if let columns = pass.columns {
                data.records = []
                for var record in pass.records {
                    switch columns.geometry(in: record.attributes) {
                    case .success(let geometry):
                        record.geometry = geometry
                        data.records.append(record)
                    case .failure(let problem):
                        data.rejections.append(pass.context.rejection(
                            index: record.index, attributes: record.attributes, reason: problem.message))
                    }
                }
                data.rejections.sort { $0.index < $1.index }
            }
            data.warnings = warnings + log.warnings
            return data
        }
    }

    /// XLSX/ODS sheets are read with their first row as the header: GDAL's guess takes an all-text
    /// sheet (coordinates typed as text are common) for one without a header.
    private static let readingConfig = ["OGR_XLSX_HEADERS": "FORCE", "OGR_ODS_HEADERS": "FORCE"]
}

/// One pass over a layer, before table rows get their geometry.
private struct LayerPass {
    let info: LayerInfo
    let context: RejectionContext
    let isTable: Bool
    let columns: CoordinateColumns?
    let records: [FeatureRecord]
    let rejections: [Rejection]
}
