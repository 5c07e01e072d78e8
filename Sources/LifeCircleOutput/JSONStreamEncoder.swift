import LifeCircleWorkers

/// Writes any `Encodable` as compact JSON straight into bytes: no intermediate tree as Foundation's
/// `JSONEncoder` builds (which took 7.9 s for a 100,000-district report). Keys come in the order
/// the type encodes them (its `CodingKeys`), snake_case; dictionary keys sorted so that output is
/// stable. Large arrays of `Sendable` elements are serialised in chunks on every core.
public struct JSONStreamEncoder: Sendable {
    /// Arrays at least this long are serialised in parallel chunks.
    public var parallelThreshold = 2048
    /// Whether `JSONSelfWriting` types write themselves; false uses their `encode(to:)` (for tests).
    public var selfWriting = true

    public init(selfWriting: Bool = true) { self.selfWriting = selfWriting }

    /// The JSON text in segments, in order (chunks serialised in parallel are not copied together):
    /// write them one after another.
    public func encode(_ value: some Encodable) throws -> [TextBuffer] {
        let state = JSONStreamState(parallelThreshold: parallelThreshold, selfWriting: selfWriting)
        try state.encodeValue(value, depth: 0)
        state.close(above: 0)
        return state.segments + [state.buffer]
    }
}

/// The encoder's state: the buffer and the stack of open containers. Containers write into the
/// stack level of their own depth; a value written at a level first closes every container opened
/// deeper (the `Encoder` protocol says nothing when a container is done).
final class JSONStreamState: Encoder {
    struct Open {
        var isObject: Bool
        var isEmpty = true
    }

    var buffer = TextBuffer(capacity: 4096)
    /// Text finished before `buffer`, in order.
    var segments: [TextBuffer] = []
    var stack: [Open] = []
    /// The depth of the value whose `encode(to:)` is running: where its container opens.
    var valueDepth = 0
    let parallelThreshold: Int
    let selfWriting: Bool
    private var snakeCaseKeys: [String: String] = [:]

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(parallelThreshold: Int, selfWriting: Bool) {
        self.parallelThreshold = parallelThreshold
        self.selfWriting = selfWriting
    }

    /// Closes the containers deeper than `depth` (the stack then holds `depth` levels).
    func close(above depth: Int) {
        while stack.count > depth {
            buffer.append(byte: stack.removeLast().isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        }
    }

    /// Opens (or, asked again by the same value, reuses) the container of the value at `depth`.
    func open(object: Bool, depth: Int) {
        close(above: depth + 1)
        guard stack.count == depth else { return }
        stack.append(Open(isObject: object))
        buffer.append(byte: object ? UInt8(ascii: "{") : UInt8(ascii: "["))
    }

    /// Before an element of the container at `depth`: closes deeper ones, writes the comma.
    func beginElement(depth: Int) {
        close(above: depth + 1)
        if stack[depth].isEmpty { stack[depth].isEmpty = false } else { buffer.append(byte: UInt8(ascii: ",")) }
    }

    func writeKey(_ key: some CodingKey, depth: Int, sorted: Bool = false) {
        beginElement(depth: depth)
        var name = key.stringValue
        // Most keys are lower case already: only camelCase ones are looked up (hashing every key was a tenth of the work).
        let isLower = name.withUTF8 { !$0.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") || $0 >= 0x80 } }
        if sorted || isLower || key.intValue != nil {
            buffer.appendJSONString(name)
        } else if let cached = snakeCaseKeys[name] {
            buffer.appendJSONString(cached)
        } else {
            let converted = Self.snakeCase(name)
            snakeCaseKeys[name] = converted
            buffer.appendJSONString(converted)
        }
        buffer.append(byte: UInt8(ascii: ":"))
    }

    /// Writes `value` as the value at `depth` (after its key or comma).
    func encodeValue<T: Encodable>(_ value: T, depth: Int) throws {
        // Casts to concrete types are cheap; casts to protocols are conformance lookups, so each
        // type's answer is asked once and kept.
        switch value {
        case let text as String: return buffer.appendJSONString(text)
        case let number as Double: return buffer.appendJSONNumber(number)
        case let number as Int: return buffer.append(number)
        case let flag as Bool: return buffer.append(flag ? "true" : "false")
        default: break
        }
        let type = ObjectIdentifier(T.self)
        let kind = kinds[type] ?? { let k = ValueKind(of: value, selfWriting: selfWriting); kinds[type] = k; return k }()
        switch kind {
        case .selfWriting: (value as! any JSONSelfWriting).writeJSONObject(into: &buffer)
        case .primitive: (value as! any JSONPrimitive).write(to: &buffer)
        case .dictionary: try (value as! any SortedKeyDictionary).encodeSorted(into: self, depth: depth)
        case .parallelArray where (value as! any ParallelEncodableArray).count >= parallelThreshold:
            try (value as! any ParallelEncodableArray).encodeInParallel(into: self, depth: depth)
        case .parallelArray, .other:
            let mark = buffer.count
            valueDepth = depth
            try value.encode(to: self)
            // A value that asked for no container and wrote nothing is an empty object, as in Foundation.
            if buffer.count == mark { buffer.append("{}") }
            close(above: depth)
        }
    }

    private var kinds: [ObjectIdentifier: ValueKind] = [:]

    /// How a type is written, beyond what its `encode(to:)` says.
    enum ValueKind {
        case primitive, selfWriting, dictionary, parallelArray, other

        init(of value: some Encodable, selfWriting: Bool) {
            self = switch value {
            case is any JSONPrimitive: .primitive
            case is any JSONSelfWriting where selfWriting: .selfWriting
            case is any SortedKeyDictionary: .dictionary
            case is any ParallelEncodableArray: .parallelArray
            default: .other
            }
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        open(object: true, depth: valueDepth)
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(state: self, depth: valueDepth))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        open(object: false, depth: valueDepth)
        return JSONUnkeyedContainer(state: self, depth: valueDepth)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONSingleValueContainer(state: self, depth: valueDepth)
    }

    /// `camelCase` → `camel_case`, `requiredFloorAreaM2` → `required_floor_area_m2`, `HTTPStatus` →
    /// `http_status`: Foundation's `convertToSnakeCase`.
    static func snakeCase(_ key: String) -> String {
        let characters = Array(key)
        var result = ""
        for (i, c) in characters.enumerated() {
            if c.isUppercase, i > 0 {
                let previous = characters[i - 1]
                let nextIsLower = i + 1 < characters.count && characters[i + 1].isLowercase
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && nextIsLower) { result.append("_") }
            }
            result.append(contentsOf: c.lowercased())
        }
        return result
    }
}

struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let state: JSONStreamState
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    func encodeNil(forKey key: Key) throws {
        state.writeKey(key, depth: depth)
        state.buffer.append("null")
    }

    func encode(_ value: Bool, forKey key: Key) throws { state.writeKey(key, depth: depth); state.buffer.appendPrimitive(value) }
    func encode(_ value: String, forKey key: Key) throws { state.writeKey(key, depth: depth); state.buffer.appendPrimitive(value) }
    func encode(_ value: Double, forKey key: Key) throws { state.writeKey(key, depth: depth); state.buffer.appendPrimitive(value) }
    func encode(_ value: Float, forKey key: Key) throws { state.writeKey(key, depth: depth); state.buffer.appendPrimitive(value) }
    func encode(_ value: Int, forKey key: Key) throws { state.writeKey(key, depth: depth); state.buffer.appendPrimitive(value) }
    func encode(_ value: Int8, forKey key: Key) throws { state.writeKey(key, depth: depth); state.buffer.appendPrimitive(value) }
    func encode(_ value: Int16, forKey key: Key) throws { state.writeKey(key, depth: depth); state.buffer.appendPrimitive(value) }
    func encode(_ value: Int32, forKey key: Key) throws { state.writeKey(key, depth: depth); state.buffer.appendPrimitive(value) }
    func encode(_ value: Int64, forKey key: Key) throws { state.writeKey(key, depth: depth); state.buffer.appendPrimitive(value) }
    func encode(_ value: UInt, forKey key: Key) throws { state.writeKey(key, depth: depth); state.buffer.appendPrimitive(value) }
    func encode(_ value: UInt8, forKey key: Key) throws { state.writeKey(key, depth: depth); state.buffer.appendPrimitive(value) }
    func encode(_ value: UInt16, forKey key: Key) throws { state.writeKey(key, depth: depth); state.buffer.appendPrimitive(value) }
    func encode(_ value: UInt32, forKey key: Key) throws { state.writeKey(key, depth: depth); state.buffer.appendPrimitive(value) }
    func encode(_ value: UInt64, forKey key: Key) throws { state.writeKey(key, depth: depth); state.buffer.appendPrimitive(value) }

    func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        state.writeKey(key, depth: depth)
        try state.encodeValue(value, depth: depth + 1)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        state.writeKey(key, depth: depth)
        state.open(object: true, depth: depth + 1)
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(state: state, depth: depth + 1))
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        state.writeKey(key, depth: depth)
        state.open(object: false, depth: depth + 1)
        return JSONUnkeyedContainer(state: state, depth: depth + 1)
    }

    func superEncoder() -> any Encoder { preconditionFailure("JSONStreamEncoder does not support superEncoder") }
    func superEncoder(forKey key: Key) -> any Encoder { preconditionFailure("JSONStreamEncoder does not support superEncoder") }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let state: JSONStreamState
    let depth: Int
    var count = 0
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws {
        state.beginElement(depth: depth)
        state.buffer.append("null")
        count += 1
    }

    mutating func encode(_ value: Bool) throws { state.beginElement(depth: depth); state.buffer.appendPrimitive(value); count += 1 }
    mutating func encode(_ value: String) throws { state.beginElement(depth: depth); state.buffer.appendPrimitive(value); count += 1 }
    mutating func encode(_ value: Double) throws { state.beginElement(depth: depth); state.buffer.appendPrimitive(value); count += 1 }
    mutating func encode(_ value: Float) throws { state.beginElement(depth: depth); state.buffer.appendPrimitive(value); count += 1 }
    mutating func encode(_ value: Int) throws { state.beginElement(depth: depth); state.buffer.appendPrimitive(value); count += 1 }
    mutating func encode(_ value: Int8) throws { state.beginElement(depth: depth); state.buffer.appendPrimitive(value); count += 1 }
    mutating func encode(_ value: Int16) throws { state.beginElement(depth: depth); state.buffer.appendPrimitive(value); count += 1 }
    mutating func encode(_ value: Int32) throws { state.beginElement(depth: depth); state.buffer.appendPrimitive(value); count += 1 }
    mutating func encode(_ value: Int64) throws { state.beginElement(depth: depth); state.buffer.appendPrimitive(value); count += 1 }
    mutating func encode(_ value: UInt) throws { state.beginElement(depth: depth); state.buffer.appendPrimitive(value); count += 1 }
    mutating func encode(_ value: UInt8) throws { state.beginElement(depth: depth); state.buffer.appendPrimitive(value); count += 1 }
    mutating func encode(_ value: UInt16) throws { state.beginElement(depth: depth); state.buffer.appendPrimitive(value); count += 1 }
    mutating func encode(_ value: UInt32) throws { state.beginElement(depth: depth); state.buffer.appendPrimitive(value); count += 1 }
    mutating func encode(_ value: UInt64) throws { state.beginElement(depth: depth); state.buffer.appendPrimitive(value); count += 1 }

    mutating func encode<T: Encodable>(_ value: T) throws {
        state.beginElement(depth: depth)
        try state.encodeValue(value, depth: depth + 1)
        count += 1
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        state.beginElement(depth: depth)
        count += 1
        state.open(object: true, depth: depth + 1)
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(state: state, depth: depth + 1))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        state.beginElement(depth: depth)
        count += 1
        state.open(object: false, depth: depth + 1)
        return JSONUnkeyedContainer(state: state, depth: depth + 1)
    }

    mutating func superEncoder() -> any Encoder { preconditionFailure("JSONStreamEncoder does not support superEncoder") }
}

struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let state: JSONStreamState
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    func encodeNil() throws {
        state.close(above: depth)
        state.buffer.append("null")
    }

    func encode(_ value: Bool) throws { state.close(above: depth); state.buffer.appendPrimitive(value) }
    func encode(_ value: String) throws { state.close(above: depth); state.buffer.appendPrimitive(value) }
    func encode(_ value: Double) throws { state.close(above: depth); state.buffer.appendPrimitive(value) }
    func encode(_ value: Float) throws { state.close(above: depth); state.buffer.appendPrimitive(value) }
    func encode(_ value: Int) throws { state.close(above: depth); state.buffer.appendPrimitive(value) }
    func encode(_ value: Int8) throws { state.close(above: depth); state.buffer.appendPrimitive(value) }
    func encode(_ value: Int16) throws { state.close(above: depth); state.buffer.appendPrimitive(value) }
    func encode(_ value: Int32) throws { state.close(above: depth); state.buffer.appendPrimitive(value) }
    func encode(_ value: Int64) throws { state.close(above: depth); state.buffer.appendPrimitive(value) }
    func encode(_ value: UInt) throws { state.close(above: depth); state.buffer.appendPrimitive(value) }
    func encode(_ value: UInt8) throws { state.close(above: depth); state.buffer.appendPrimitive(value) }
    func encode(_ value: UInt16) throws { state.close(above: depth); state.buffer.appendPrimitive(value) }
    func encode(_ value: UInt32) throws { state.close(above: depth); state.buffer.appendPrimitive(value) }
    func encode(_ value: UInt64) throws { state.close(above: depth); state.buffer.appendPrimitive(value) }

    func encode<T: Encodable>(_ value: T) throws {
        state.close(above: depth)
        try state.encodeValue(value, depth: depth)
    }
}

/// `[String: V]`: written with its keys sorted (a dictionary's order changes from run to run) and
/// as they are (keys are data, not property names).
protocol SortedKeyDictionary {
    func encodeSorted(into state: JSONStreamState, depth: Int) throws
}

extension Dictionary: SortedKeyDictionary where Key == String, Value: Encodable {
    func encodeSorted(into state: JSONStreamState, depth: Int) throws {
        state.open(object: true, depth: depth)
        for key in keys.sorted() {
            state.writeKey(JSONKey(key), depth: depth, sorted: true)
            try state.encodeValue(self[key]!, depth: depth + 1)
        }
        state.close(above: depth)
    }
}

struct JSONKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// An element type whose long arrays (100,000 district results) are serialised in chunks on every
/// core, one encoder state per chunk.
public protocol ParallelEncodable: Encodable, Sendable {}

protocol ParallelEncodableArray {
    var count: Int { get }
    func encodeInParallel(into state: JSONStreamState, depth: Int) throws
}

extension Array: ParallelEncodableArray where Element: ParallelEncodable {
    func encodeInParallel(into state: JSONStreamState, depth: Int) throws {
        let (threshold, selfWriting) = (state.parallelThreshold, state.selfWriting)
        let chunks = Workers.split(count: count) { range, _ -> Result<JSONStreamState, any Error> in
            let chunk = JSONStreamState(parallelThreshold: threshold, selfWriting: selfWriting)
            chunk.stack = [Open(isObject: false, isEmpty: range.lowerBound == 0)]
            do {
                for i in range {
                    chunk.beginElement(depth: 0)
                    try chunk.encodeValue(self[i], depth: 1)
                }
            } catch { return .failure(error) }
            return .success(chunk)
        }
        state.open(object: false, depth: depth)
        state.segments.append(state.buffer)
        for chunk in chunks {
            let chunk = try chunk.get()
            state.segments += chunk.segments + [chunk.buffer]
        }
        state.buffer = TextBuffer(capacity: 4096)
        state.close(above: depth)
    }
}

private typealias Open = JSONStreamState.Open

/// The values JSON writes as they are: booleans and numbers (strings are quoted).
protocol JSONPrimitive {
    func write(to buffer: inout TextBuffer)
}

extension Bool: JSONPrimitive { func write(to buffer: inout TextBuffer) { buffer.append(self ? "true" : "false") } }
extension String: JSONPrimitive { func write(to buffer: inout TextBuffer) { buffer.appendJSONString(self) } }
extension Double: JSONPrimitive { func write(to buffer: inout TextBuffer) { buffer.appendJSONNumber(self) } }
extension Float: JSONPrimitive { func write(to buffer: inout TextBuffer) { buffer.appendJSONNumber(Double(self)) } }
extension Int: JSONPrimitive { func write(to buffer: inout TextBuffer) { buffer.append(self) } }
extension Int8: JSONPrimitive { func write(to buffer: inout TextBuffer) { buffer.append(self) } }
extension Int16: JSONPrimitive { func write(to buffer: inout TextBuffer) { buffer.append(self) } }
extension Int32: JSONPrimitive { func write(to buffer: inout TextBuffer) { buffer.append(self) } }
extension Int64: JSONPrimitive { func write(to buffer: inout TextBuffer) { buffer.append(self) } }
extension UInt: JSONPrimitive { func write(to buffer: inout TextBuffer) { buffer.append(self) } }
extension UInt8: JSONPrimitive { func write(to buffer: inout TextBuffer) { buffer.append(self) } }
extension UInt16: JSONPrimitive { func write(to buffer: inout TextBuffer) { buffer.append(self) } }
extension UInt32: JSONPrimitive { func write(to buffer: inout TextBuffer) { buffer.append(self) } }
extension UInt64: JSONPrimitive { func write(to buffer: inout TextBuffer) { buffer.append(self) } }

extension TextBuffer {
    mutating func appendPrimitive(_ value: some JSONPrimitive) { value.write(to: &self) }
}
