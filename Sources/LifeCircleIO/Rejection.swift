/// A feature that was read but could not be used, and why. With the records, these account for
/// every feature of a layer: nothing is dropped silently.
public struct Rejection: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file.
    public var source: String
    public var layer: String
    /// 0-based position of the feature in the layer.
    public var index: Int
    /// The value of the feature's id field (found by `FieldAliases`), when it has one.
    public var id: String?
    public var reason: String

    public init(source: String, layer: String, index: Int, id: String?, reason: String) {
        self.source = source
        self.layer = layer
        self.index = index
        self.id = id
        self.reason = reason
    }

    public var description: String {
        "\(source) [\(layer)] #\(index)" + (id.map { " (\($0))" } ?? "") + ": \(reason)"
    }
}
