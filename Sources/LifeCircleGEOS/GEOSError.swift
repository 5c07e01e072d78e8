/// Errors from the GEOS engine, with GEOS's own message.
public enum GEOSError: Error, Equatable, CustomStringConvertible {
    case operationFailed(String, String)
    case invalidInput(String)

    public var description: String {
        switch self {
        case .operationFailed(let operation, let message): "GEOS \(operation) failed: \(message)"
        case .invalidInput(let message): message
        }
    }
}
