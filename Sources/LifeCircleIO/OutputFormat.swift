import Foundation

/// The formats LifeCircle writes, chosen by the output file's extension.
public enum OutputFormat: String, Hashable, Sendable, Codable, CaseIterable {
    /// RFC 7946: WGS 84 longitude/latitude (GDAL reprojects from the given CRS).
    case geoJSON
    case geoPackage
    /// UTF-8 with a .cpg by default, or GBK for old desktop software.
    case shapefile
    /// UTF-8 with a BOM so Excel shows Chinese; points as X/Y columns, other geometries as WKT.
    case csv

    public var extensions: [String] {
        switch self {
        case .geoJSON: ["geojson", "json"]
        case .geoPackage: ["gpkg"]
        case .shapefile: ["shp"]
        case .csv: ["csv"]
        }
    }

    /// The format for `path`'s extension.
    public init(path: String) throws {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        guard let format = Self.allCases.first(where: { $0.extensions.contains(ext) }) else {
            throw IOError.unknownOutputFormat(path: path)
        }
        self = format
    }

    var driverName: String {
        switch self {
        case .geoJSON: "GeoJSON"
        case .geoPackage: "GPKG"
        case .shapefile: "ESRI Shapefile"
        case .csv: "CSV"
        }
    }
}

/// The text encoding of a Shapefile's .dbf.
public enum ShapefileEncoding: String, Hashable, Sendable, Codable {
    case utf8 = "UTF-8"
    /// For desktop GIS software that ignores .cpg files and assumes the Chinese Windows code page.
    case gbk = "GBK"
}
