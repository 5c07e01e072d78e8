/// A type written 100,000 times a run (a district's result) that writes its own JSON straight into
/// the buffer, skipping `Encodable`'s boxed containers (most of the cost of a city's compliance.json).
/// Its `encode(to:)` stays the reference: the two must give the same text, and the tests compare
/// them (`JSONStreamEncoder(selfWriting: false)` uses `encode(to:)` only).
public protocol JSONSelfWriting: Encodable {
    func writeJSON(into json: inout JSONObjectWriter)
}

extension JSONSelfWriting {
    /// Writes the value as one object into `buffer`.
    public func writeJSONObject(into buffer: inout TextBuffer) { JSONObjectWriter.write(self, into: &buffer) }
}

/// Writes one JSON object's members, commas included, as `Encodable`'s keyed containers would:
/// `field` for a value, `fieldIfPresent` for an optional left out when nil (`encodeIfPresent`).
public struct JSONObjectWriter {
    public var buffer: TextBuffer
    private var isEmpty = true

    init(buffer: TextBuffer) { self.buffer = buffer }

    public mutating func key(_ name: StaticString) {
        buffer.append(isEmpty ? "{\"" : ",\"")
        isEmpty = false
        buffer.append(name)
        buffer.append("\":")
    }

    public mutating func field(_ name: StaticString, _ value: String) { key(name); buffer.appendJSONString(value) }
    public mutating func field(_ name: StaticString, _ value: Double) { key(name); buffer.appendJSONNumber(value) }
    public mutating func field(_ name: StaticString, _ value: Int) { key(name); buffer.append(value) }
    public mutating func field(_ name: StaticString, _ value: Bool) { key(name); buffer.append(value ? "true" : "false") }
    public mutating func field<R: RawRepresentable>(_ name: StaticString, _ value: R) where R.RawValue == String {
        field(name, value.rawValue)
    }

    public mutating func fieldIfPresent(_ name: StaticString, _ value: String?) { if let value { field(name, value) } }
    public mutating func fieldIfPresent(_ name: StaticString, _ value: Double?) { if let value { field(name, value) } }
    public mutating func fieldIfPresent<R: RawRepresentable>(_ name: StaticString, _ value: R?) where R.RawValue == String {
        if let value { field(name, value.rawValue) }
    }

    public mutating func field(_ name: StaticString, _ values: [String]) {
        key(name)
        buffer.append(byte: UInt8(ascii: "["))
        for (i, value) in values.enumerated() {
            if i > 0 { buffer.append(byte: UInt8(ascii: ",")) }
            buffer.appendJSONString(value)
        }
        buffer.append(byte: UInt8(ascii: "]"))
    }

    public mutating func field(_ name: StaticString, _ values: [some JSONSelfWriting]) {
        key(name)
        buffer.append(byte: UInt8(ascii: "["))
        for (i, value) in values.enumerated() {
            if i > 0 { buffer.append(byte: UInt8(ascii: ",")) }
            Self.write(value, into: &buffer)
        }
        buffer.append(byte: UInt8(ascii: "]"))
    }

    /// Writes `value` as one object into `buffer`.
    public static func write(_ value: some JSONSelfWriting, into buffer: inout TextBuffer) {
        var object = JSONObjectWriter(buffer: buffer)
        buffer = TextBuffer()  // the writer holds the only reference while it appends
        value.writeJSON(into: &object)
        object.buffer.append(object.isEmpty ? "{}" : "}")
        buffer = object.buffer
    }
}
