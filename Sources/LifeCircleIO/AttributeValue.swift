import Foundation
import LifeCircleGeometry

/// One attribute of a feature. Dates and times are ISO 8601 strings; lists and binary fields
/// are GDAL's text form of them.
public enum AttributeValue: Hashable, Sendable, Codable, CustomStringConvertible {
    case null
    case int(Int64)
    case double(Double)
    case string(String)

    /// True for null and for strings that are blank once trimmed: what an empty cell reads as.
    public var isEmpty: Bool {
        switch self {
        case .null: true
        case .string(let s): s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        case .int, .double: false
        }
    }

    /// The value as a finite number; strings are parsed after trimming (CSV cells arrive as strings).
    public var number: Double? {
        switch self {
        case .null: return nil
        case .int(let i): return Double(i)
        case .double(let d): return d.isFinite ? d : nil
        case .string(let s):
            guard let d = Double(s.trimmingCharacters(in: .whitespacesAndNewlines)), d.isFinite else { return nil }
            return d
        }
    }

    /// The value as text; nil for null.
    public var text: String? {
        switch self {
        case .null: nil
        case .int(let i): String(i)
        case .double(let d): String(d)
        case .string(let s): s
        }
    }

    public var description: String { text ?? "null" }

    /// Converts a GeoJSON property: booleans become 1/0, arrays and objects their JSON text.
    public init(_ json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let b): self = .int(b ? 1 : 0)
        case .number(let n): self = .double(n)
        case .string(let s): self = .string(s)
        case .array, .object:
            let data = (try? JSONEncoder().encode(json)) ?? Data()
            self = .string(String(decoding: data, as: UTF8.self))
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let i = try? c.decode(Int64.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else { self = .string(try c.decode(String.self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        }
    }
}
