import Foundation

/// The JSON Schema (2020-12) keywords LifeCircle's schemas use — type, properties, required,
/// additionalProperties, items, enum, minimum, maximum, exclusiveMinimum, $ref to #/$defs — checked
/// against a parsed document. Returns the places that break the schema, as JSON pointers.
struct SchemaValidator {
    let root: [String: Any]

    init(path: String) throws {
        root = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    }

    func problems(in document: Any) -> [String] {
        var found: [String] = []
        check(document, against: root, at: "", into: &found)
        return found
    }

    private func check(_ value: Any, against schema: [String: Any], at pointer: String, into found: inout [String]) {
        if let ref = schema["$ref"] as? String {
            let name = String(ref.dropFirst("#/$defs/".count))
            guard let target = (root["$defs"] as? [String: Any])?[name] as? [String: Any] else {
                return found.append("\(pointer): unresolved \(ref)")
            }
            return check(value, against: target, at: pointer, into: &found)
        }
        if let types = schema["type"] {
            let allowed = (types as? [String]) ?? [types as! String]
            guard allowed.contains(where: { Self.matches(value, $0) }) else {
                return found.append("\(pointer): \(Self.describe(value)) is not \(allowed.joined(separator: " or "))")
            }
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal($0, value) }) {
            found.append("\(pointer): \(value) is not one of \(options)")
        }
        if let number = value as? Double, !(value is Bool) {
            if let minimum = schema["minimum"] as? Double, number < minimum { found.append("\(pointer): \(number) < \(minimum)") }
            if let maximum = schema["maximum"] as? Double, number > maximum { found.append("\(pointer): \(number) > \(maximum)") }
            if let bound = schema["exclusiveMinimum"] as? Double, number <= bound { found.append("\(pointer): \(number) ≤ \(bound)") }
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { found.append("\(pointer): no \(key)") }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, member) in object {
                if let sub = properties[key] as? [String: Any] {
                    check(member, against: sub, at: "\(pointer)/\(key)", into: &found)
                } else if let extra = schema["additionalProperties"] {
                    if let allowed = extra as? Bool, !allowed { found.append("\(pointer)/\(key): not in the schema") }
                    if let sub = extra as? [String: Any] { check(member, against: sub, at: "\(pointer)/\(key)", into: &found) }
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (i, element) in array.enumerated() { check(element, against: items, at: "\(pointer)/\(i)", into: &found) }
        }
    }

    private static func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "null": value is NSNull
        case "boolean": isBool(value)
        case "integer": !isBool(value) && (value as? Double).map { $0 == $0.rounded() } ?? false
        case "number": !isBool(value) && value is Double
        case "string": value is String
        case "array": value is [Any]
        case "object": value is [String: Any]
        default: false
        }
    }

    /// Foundation reads JSON booleans as NSNumbers of their own class, which also pass `is Double`
    /// (and numbers pass `is Bool`): the class tells them apart.
    private static let booleanClass = ObjectIdentifier(type(of: NSNumber(value: true)))

    private static func isBool(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return ObjectIdentifier(type(of: number)) == booleanClass
    }

    private static func equal(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case let (x as String, y as String): x == y
        case let (x as Double, y as Double): x == y
        default: false
        }
    }

    private static func describe(_ value: Any) -> String {
        value is NSNull ? "null" : isBool(value) ? "a boolean" : value is String ? "a string" : value is [Any] ? "an array"
            : value is [String: Any] ? "an object" : "a number"
    }
}
