/// Why a street network could not be built.
public enum NetworkError: Error, Equatable, CustomStringConvertible {
    /// Nothing routable was left of the file (after the walking filter, for OSM).
    case noStreets(source: String, reason: String)
    /// A road-class field named in the options is not in the layer.
    case classFieldNotFound(source: String, field: String, available: [String])
    /// Road classes are stored in one byte per edge.
    case tooManyRoadClasses(limit: Int)
    /// The metric CRS given is geographic or a web-map system: lengths need metres.
    case notProjected(String)

    public var description: String {
        switch self {
        case .noStreets(let source, let reason):
            "\(source): no streets to build a network from (\(reason))"
        case .classFieldNotFound(let source, let field, let available):
            "\(source): no road-class field \"\(field)\" (fields: \(available.joined(separator: ", ")))"
        case .tooManyRoadClasses(let limit):
            "more than \(limit) distinct road classes; map them to fewer classes first"
        case .notProjected(let crs):
            "\(crs) is not a projected CRS: street lengths need one in metres (e.g. EPSG:4547)"
        }
    }
}
