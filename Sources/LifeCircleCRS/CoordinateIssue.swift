/// A likely mistake in the coordinates or their declared CRS, worded for the planner: the numbers
/// seen and what to do.
public struct CoordinateIssue: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        case missingCRS
        case unknownCRS
        case axesSwapped
        case projectedDeclaredAsGeographic
        case geographicDeclaredAsProjected
        /// Gauss-Krüger eastings with a zone prefix the declared CRS does not expect, or without one it does.
        case zonePrefixMismatch
        case transformFailed
    }

    public let kind: Kind
    public let message: String
    /// The CRS the numbers point to, when they tell.
    public let suggestion: CRS?

    public init(kind: Kind, message: String, suggestion: CRS? = nil) {
        self.kind = kind
        self.message = message
        self.suggestion = suggestion
    }

    public var description: String { message }
}
