import Foundation
import Yams

/// Reads values out of a composed YAML tree, turning every problem into a `RulePackError` that
/// names the file and the line of the offending node.
struct YAMLReader {
    let file: String

    func error(_ message: String, at node: Node?) -> RulePackError {
        RulePackError(file: file, line: node?.mark?.line, message: message)
    }

    /// A mapping whose keys must all be in `allowed`; `context` names it in messages ("rule YC-NEW").
    func mapping(_ node: Node, context: String, allowed: [String]) throws -> YAMLMapping {
        guard let mapping = node.mapping else {
            throw error("\(context) must be a mapping of keys to values, found \(node.kindName)", at: node)
        }
        var pairs: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                throw error("keys in \(context) must be plain names, found \(key.kindName)", at: key)
            }
            guard allowed.contains(name) else {
                throw error("unknown key \"\(name)\" in \(context) (allowed: \(allowed.joined(separator: ", ")))",
                            at: key)
            }
            pairs[name] = (key, value)
        }
        return YAMLMapping(reader: self, node: node, pairs: pairs, context: context)
    }

    func text(_ node: Node, what: String) throws -> String {
        guard let scalar = node.scalar, node.null == nil else {
            throw error("\(what) must be text, found \(node.kindName)", at: node)
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw error("\(what) must not be empty", at: node) }
        return text
    }

    /// A finite, non-negative number written as a YAML number (a quoted "30" is text, and refused).
    func number(_ node: Node, what: String) throws -> Double {
        guard let scalar = node.scalar else {
            throw error("\(what) must be a number, found \(node.kindName)", at: node)
        }
        guard let value = Double.construct(from: scalar) else {
            let quoted = scalar.style == .plain ? "" : " (write numbers without quotes)"
            throw error("\(what) must be a number, found \"\(scalar.string)\"\(quoted)", at: node)
        }
        guard value.isFinite else { throw error("\(what) must be a finite number, found \(scalar.string)", at: node) }
        guard value >= 0 else { throw error("\(what) must not be negative, found \(scalar.string)", at: node) }
        return value
    }

    func sequence(_ node: Node, what: String) throws -> [Node] {
        guard let sequence = node.sequence else {
            throw error("\(what) must be a list, found \(node.kindName)", at: node)
        }
        return Array(sequence)
    }

    /// One of a closed vocabulary, e.g. a `Metric`; the message lists the allowed values.
    func choice<T: RawRepresentable & CaseIterable>(_ node: Node, key: String, context: String,
                                                    as type: T.Type) throws -> T where T.RawValue == String {
        let raw = try text(node, what: "\(key) in \(context)")
        guard let value = T(rawValue: raw) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw error("unknown \(key) \"\(raw)\" in \(context) (allowed: \(allowed))", at: node)
        }
        return value
    }

    /// An ISO date, YYYY-MM-DD.
    func date(_ node: Node, what: String) throws -> String {
        let raw = try text(node, what: what)
        let parts = raw.split(separator: "-", omittingEmptySubsequences: false)
        let numbers = parts.compactMap { Int($0) }
        guard parts.count == 3, numbers.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              (1...12).contains(numbers[1]), (1...31).contains(numbers[2]) else {
            throw error("\(what) must be a date written YYYY-MM-DD, found \"\(raw)\"", at: node)
        }
        return raw
    }
}

/// A YAML mapping whose keys have been checked; values are read by key. A key whose value is
/// null (`~`, `null` or nothing) counts as absent.
struct YAMLMapping {
    let reader: YAMLReader
    let node: Node
    let pairs: [String: (key: Node, value: Node)]
    /// How messages name this mapping, e.g. "rule YC-NEW".
    let context: String

    /// The value of `key`, nil when absent or null.
    func value(_ key: String) -> Node? {
        guard let value = pairs[key]?.value, value.null == nil else { return nil }
        return value
    }

    /// The key's own node, for messages about a key that should not be there.
    func keyNode(_ key: String) -> Node? { pairs[key]?.key }

    func required(_ key: String, hint: String = "") throws -> Node {
        if let keyNode = pairs[key]?.key, value(key) == nil {
            throw reader.error("\(key) in \(context) has no value\(hint)", at: keyNode)
        }
        guard let value = value(key) else {
            throw reader.error("missing key \"\(key)\" in \(context)\(hint)", at: node)
        }
        return value
    }

    private func what(_ key: String) -> String { "\(key) in \(context)" }

    func text(_ key: String) throws -> String { try reader.text(required(key), what: what(key)) }

    func optionalText(_ key: String) throws -> String? {
        try value(key).map { try reader.text($0, what: what(key)) }
    }

    func number(_ key: String) throws -> Double { try reader.number(required(key), what: what(key)) }

    func optionalNumber(_ key: String) throws -> Double? {
        try value(key).map { try reader.number($0, what: what(key)) }
    }

    /// A number that must be above zero (a count of minutes, a radius, persons per household),
    /// and at most `limit` when one is given.
    func positiveNumber(_ key: String, atMost limit: Double? = nil) throws -> Double {
        let node = try required(key)
        let value = try reader.number(node, what: what(key))
        guard value > 0 else { throw reader.error("\(what(key)) must be above zero", at: node) }
        if let limit, value > limit {
            throw reader.error("\(what(key)) must be at most \(Int(limit)), found \(value)", at: node)
        }
        return value
    }

    func choice<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type) throws -> T
    where T.RawValue == String {
        try reader.choice(required(key), key: key, context: context, as: type)
    }

    func optionalDate(_ key: String) throws -> String? {
        try value(key).map { try reader.date($0, what: what(key)) }
    }

    func mapping(_ key: String, context: String, allowed: [String]) throws -> YAMLMapping {
        try reader.mapping(required(key), context: context, allowed: allowed)
    }

    func sequence(_ key: String) throws -> [Node] { try reader.sequence(required(key), what: what(key)) }

    /// Refuses `key` when it is present, e.g. `unit_level` on a rule that is not about units.
    func refuse(_ key: String, because reason: String) throws {
        if let keyNode = keyNode(key) {
            throw reader.error("\(key) in \(context) \(reason)", at: keyNode)
        }
    }
}

extension Node {
    /// How messages describe what was found where something else was expected.
    var kindName: String {
        switch self {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        case .scalar(let scalar): null != nil ? "nothing" : "\"\(scalar.string)\""
        }
    }
}
