import LifeCircleIO

/// `--field canonical=source` overrides for a command that reads several layers: each override
/// goes to the layers that have its source column, and one that fits no layer is an error.
public enum FieldOverrides {
    public struct Unmatched: Error, CustomStringConvertible {
        public var overrides: [String: String]
        public var description: String {
            "field override " + overrides.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
                + ": no input has such a column"
        }
    }

    /// The overrides for each layer, given each layer's field names, in order.
    public static func distribute(_ overrides: [String: String], over fieldsPerLayer: [[String]]) throws -> [[String: String]] {
        guard !overrides.isEmpty else { return fieldsPerLayer.map { _ in [:] } }
        let distributed = fieldsPerLayer.map { fields in overrides.filter { fields.contains($0.value) } }
        let unmatched = overrides.filter { o in !distributed.contains { $0[o.key] == o.value } }
        guard unmatched.isEmpty else { throw Unmatched(overrides: unmatched) }
        return distributed
    }
}
