/// Why an input could not be used at all (feature-level problems go to the ledger instead).
public enum InputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The coordinates cannot be placed: the message says what was seen and what to pass.
    case coordinates(source: String, layer: String, message: String)
    /// Nothing in the layer could be used.
    case noUsableFeatures(source: String, layer: String, rejected: Int)

    public var description: String {
        switch self {
        case .coordinates(let source, let layer, let message):
            "\(source) (layer \(layer)): \(message)"
        case .noUsableFeatures(let source, let layer, let rejected):
            "\(source) (layer \(layer)): no usable feature; all \(rejected) were rejected (see the rejection list)"
        }
    }
}
