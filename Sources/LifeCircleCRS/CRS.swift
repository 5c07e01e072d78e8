/// A coordinate reference system as users name it: an EPSG code, or one of the Chinese web-map
/// systems. GCJ-02 and BD-09 are not PROJ CRSs but published offsets of WGS 84 lon/lat, applied at
/// ingestion (see `GCJ02`, `BD09` and `CoordinateConverter`).
public enum CRS: Hashable, Sendable, CustomStringConvertible {
    case epsg(Int)
    /// Amap (Gaode) and Tencent maps: WGS 84 plus a 26–700 m offset inside China.
    case gcj02
    /// Baidu maps: GCJ-02 plus a further offset of about 1 km.
    case bd09

    public static let wgs84 = CRS.epsg(4326)
    public static let cgcs2000 = CRS.epsg(4490)

    /// Reads "4490", "EPSG:4490", "epsg:4547", "wgs84", "cgcs2000", "gcj02", "GCJ-02", "bd09", "BD-09".
    public init(parsing text: String) throws {
        let compact = text.lowercased().filter { $0 != " " }
        // Separators vary in names ("GCJ-02", "WGS 84"); in a code a "-" is a minus sign.
        switch compact.filter({ $0 != "-" && $0 != "_" }) {
        case "gcj02": self = .gcj02
        case "bd09": self = .bd09
        case "wgs84": self = .wgs84
        case "cgcs2000": self = .cgcs2000
        default:
            let digits = compact.hasPrefix("epsg:") ? compact.dropFirst("epsg:".count) : Substring(compact)
            guard let code = Int(digits), code > 0 else {
                throw CRSError.unrecognized(text)
            }
            self = .epsg(code)
        }
    }

    public var description: String {
        switch self {
        case .epsg(let code): "EPSG:\(code)"
        case .gcj02: "GCJ-02"
        case .bd09: "BD-09"
        }
    }
}
