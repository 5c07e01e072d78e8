/// Why reading or writing a file failed. Every message names the file.
public enum IOError: Error, Hashable, Sendable, CustomStringConvertible {
    /// GDAL could not open the file; `message` is GDAL's own.
    case cannotOpen(path: String, message: String)
    case layerNotFound(path: String, layer: String, available: [String])
    /// The file holds several layers (or none) and none was named.
    case layerRequired(path: String, available: [String])
    /// GDAL stopped part-way through a layer.
    case readFailed(path: String, layer: String, message: String)
    /// Coordinate columns were asked for but are not in the table.
    case coordinateColumns(path: String, layer: String, message: String)
    /// `--field` overrides that do not fit the file's fields.
    case fieldMapping(path: String, problems: [String])
    /// A `--field` argument that is not `canonical=source`, or maps a name twice.
    case malformedFieldOverride(argument: String, reason: String)
    case unknownOutputFormat(path: String)
    case unknownEPSG(code: Int, message: String)
    case writeFailed(path: String, message: String)
    /// Tracing a region on a grid (`GridBuffer`) failed; `message` is GDAL's own.
    case gridFailed(String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, message):
            "cannot open \(path): \(message)"
        case let .layerNotFound(path, layer, available):
            "\(path) has no layer \"\(layer)\" (layers: \(available.joined(separator: ", ")))"
        case let .layerRequired(path, available):
            available.isEmpty ? "\(path) has no layers"
                : "\(path) has \(available.count) layers, name one of: \(available.joined(separator: ", "))"
        case let .readFailed(path, layer, message):
            "reading layer \"\(layer)\" of \(path) failed: \(message)"
        case let .coordinateColumns(path, layer, message):
            "\(path) (layer \"\(layer)\"): \(message)"
        case let .fieldMapping(path, problems):
            "\(path): " + problems.joined(separator: "; ")
        case let .malformedFieldOverride(argument, reason):
            "malformed field override \"\(argument)\": \(reason)"
        case let .unknownOutputFormat(path):
            "cannot write \(path): unknown output format; use one of "
                + OutputFormat.allCases.flatMap(\.extensions).map { "." + $0 }.joined(separator: ", ")
        case let .unknownEPSG(code, message):
            "unknown CRS EPSG:\(code): \(message)"
        case let .writeFailed(path, message):
            "cannot write \(path): \(message)"
        case let .gridFailed(message):
            "tracing a service circle on a grid failed: \(message)"
        }
    }
}
