import CGDAL
import LifeCircleGeometry

/// The columns of a table (CSV, XLSX, any layer without geometry) that hold its geometry.
public enum CoordinateColumns: Hashable, Sendable, Codable {
    /// x = longitude/easting, y = latitude/northing.
    case xy(x: String, y: String)
    /// Well-known text.
    case wkt(String)

    /// Names recognised, case-insensitively after trimming, in order of preference.
    public static let xNames = ["lon", "lng", "longitude", "经度", "x", "东经"]
    public static let yNames = ["lat", "latitude", "纬度", "y", "北纬"]
    public static let wktNames = ["wkt", "geometry", "geom"]

    /// The coordinate columns among `fields`: those named by the options, else x/y columns, else a WKT column;
    /// nil when there are none. Throws a message when a named column is missing or only one of x and y is found.
    static func find(in fields: [String], options: ReadOptions) throws(ColumnProblem) -> CoordinateColumns? {
        func column(_ requested: String?, _ candidates: [String]) throws(ColumnProblem) -> String? {
            guard let requested else { return candidates.lazy.compactMap { FieldAliases.match($0, in: fields) }.first }
            guard let found = FieldAliases.match(requested, in: fields) else {
                throw ColumnProblem("no column \"\(requested)\" (columns: \(fields.joined(separator: ", ")))")
            }
            return found
        }
        if let wkt = try column(options.wktColumn, []) { return .wkt(wkt) }
        let x = try column(options.xColumn, xNames)
        let y = try column(options.yColumn, yNames)
        switch (x, y) {
        case let (x?, y?): return .xy(x: x, y: y)
        case let (x?, nil) where options.xColumn != nil:
            throw ColumnProblem("x column \(x) given but no y column (\(yNames.joined(separator: "/")))")
        case let (nil, y?) where options.yColumn != nil:
            throw ColumnProblem("y column \(y) given but no x column (\(xNames.joined(separator: "/")))")
        default:
            return try column(nil, wktNames).map(CoordinateColumns.wkt)
        }
    }

    /// The geometry a row's cells give, or the reason they give none.
    func geometry(in attributes: [String: AttributeValue]) -> Result<Geometry, ColumnProblem> {
        switch self {
        case let .xy(xName, yName):
            let x = attributes[xName] ?? .null, y = attributes[yName] ?? .null
            switch (x.isEmpty, y.isEmpty) {
            case (true, true): return .failure(ColumnProblem("missing coordinates: \(xName) and \(yName) are empty"))
            case (true, false): return .failure(ColumnProblem("missing coordinates: \(xName) is empty"))
            case (false, true): return .failure(ColumnProblem("missing coordinates: \(yName) is empty"))
            case (false, false): break
            }
            guard let xValue = x.number else { return .failure(.unparsableNumber(x, in: xName)) }
            guard let yValue = y.number else { return .failure(.unparsableNumber(y, in: yName)) }
            return .success(.point(Point(x: xValue, y: yValue)))
        case let .wkt(name):
            let cell = attributes[name] ?? .null
            guard !cell.isEmpty, let text = cell.text else {
                return .failure(ColumnProblem("missing coordinates: \(name) is empty"))
            }
            guard let parsed = ogrGeometry(fromWKT: text) else {
                return .failure(ColumnProblem("unparsable WKT \"\(text.prefix(60))\" in column \(name)"))
            }
            defer { OGR_G_DestroyGeometry(parsed) }
            do {
                guard let geometry = try readGeometry(parsed) else {
                    return .failure(ColumnProblem("empty geometry \"\(text)\" in column \(name)"))
                }
                return .success(geometry)
            } catch {
                return .failure(ColumnProblem("unsupported geometry type \(error.typeName) in column \(name)"))
            }
        }
    }
}

/// Why a table's coordinate columns could not be found or used.
struct ColumnProblem: Error {
    let message: String
    init(_ message: String) { self.message = message }

    static func unparsableNumber(_ value: AttributeValue, in column: String) -> ColumnProblem {
        ColumnProblem("unparsable number \"\(value.text ?? "")\" in column \(column)")
    }
}
