import LifeCircleCRS

/// Why an input could not be used at all (feature-level problems go to the ledger instead).
public enum InputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The coordinates cannot be placed: each issue says what was seen and, where the numbers tell,
    /// the CRS to declare (`suggestion`), which the CLI names with the layer's own option.
    case coordinates(source: String, layer: String, issues: [CoordinateIssue])
    /// Nothing in the layer could be used; `reasons` are the first rejections'.
    case noUsableFeatures(source: String, layer: String, rejected: Int, reasons: [String])

    public var description: String {
        switch self {
        case .coordinates(let source, let layer, let issues):
            "\(source) (layer \(layer)): "
                + (issues.isEmpty ? "the coordinates cannot be placed" : issues.map(\.message).joined(separator: " "))
        case .noUsableFeatures(let source, let layer, let rejected, let reasons):
            "\(source) (layer \(layer)): no usable feature; all \(rejected) were rejected"
                + (reasons.isEmpty ? "" : ", e.g. " + reasons.joined(separator: "; "))
        }
    }
}
