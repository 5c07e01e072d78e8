import LifeCircleIO

/// `--field canonical=source` overrides for a command that reads several layers: each override
/// goes to the layers that have its source column, and one that fits no layer is an error.
public enum FieldOverrides {
    public struct Unmatched: Error, CustomStringConvertible {
        public var overrides: [String: String]
        public var description: String {
            "--field " + overrides.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
                + ": no input has such a column"
        }
    }

    /// The overrides for each (path, layer), in order.
    public static func distribute(_ overrides: [String: String], over inputs: [(path: String, layer: String?)]) throws -> [[String: String]] {
        guard !overrides.isEmpty else { return inputs.map { _ in [:] } }
        let fieldsPerInput = try inputs.map { input -> Set<String> in
            let layers = try VectorSource(path: input.path).layers()
            let layer = input.layer.flatMap { name in layers.first { $0.name == name } } ?? layers.first
            return Set(layer?.fields.map(\.name) ?? [])
        }
        let distributed = fieldsPerInput.map { fields in overrides.filter { fields.contains($0.value) } }
        let unmatched = overrides.filter { o in !distributed.contains { $0[o.key] == o.value } }
        guard unmatched.isEmpty else { throw Unmatched(overrides: unmatched) }
        return distributed
    }
}
