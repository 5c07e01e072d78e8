/// UTF-8 bytes being built for an output file: text, JSON strings and numbers appended without
/// intermediate `String`s. One buffer per chunk of features, so chunks serialise on every core.
public struct TextBuffer: Sendable {
    public var bytes: [UInt8] = []

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    public init(_ text: String) { bytes = Array(text.utf8) }

    public var count: Int { bytes.count }

    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    public mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func append(byte: UInt8) { bytes.append(byte) }

    public mutating func append(_ other: TextBuffer) { bytes.append(contentsOf: other.bytes) }

    /// `text` as a quoted JSON string (RFC 8259): quote, backslash and control characters escaped,
    /// everything else (Chinese, `/`) written as it is.
    public mutating func appendJSONString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                start = i + 1
                switch byte {
                case UInt8(ascii: "\""): append("\\\"")
                case UInt8(ascii: "\\"): append("\\\\")
                case 0x0A: append("\\n")
                case 0x0D: append("\\r")
                case 0x09: append("\\t")
                default:
                    append("\\u00")
                    bytes.append(Self.hexDigits[Int(byte >> 4)])
                    bytes.append(Self.hexDigits[Int(byte & 0xF)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A JSON number in its shortest round-trip form (whole numbers without ".0"); `null` when not
    /// finite, which JSON cannot hold.
    public mutating func appendJSONNumber(_ value: Double) {
        guard value.isFinite else { return append("null") }
        if value == value.rounded(), abs(value) < 1e15 { return append(Int64(value)) }
        append(value.description)
    }

    public mutating func append(_ value: some BinaryInteger) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(of: UInt64(value.magnitude))
    }

    /// `value` with at most `decimals` decimals, trailing zeros dropped: coordinates (7 decimals of a
    /// degree ≈ 1 cm) and table figures (2 decimals). `null` when not finite.
    public mutating func append(_ value: Double, decimals: Int) {
        let scale = Self.powersOfTen[decimals]
        let scaled = (value * scale).rounded()
        guard scaled.isFinite, abs(scaled) < 9e15 else { return appendJSONNumber(value) }
        let units = Int64(scaled)
        if units < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = units.magnitude, divisor = UInt64(scale)
        appendDigits(of: magnitude / divisor)
        var fraction = magnitude % divisor
        guard fraction > 0 else { return }
        var digits = decimals
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        bytes.append(UInt8(ascii: "."))
        var tens = UInt64(Self.powersOfTen[digits - 1])
        while tens > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / tens % 10))
            tens /= 10
        }
    }

    private static let powersOfTen: [Double] = (0...15).map { (0..<$0).reduce(1.0) { x, _ in x * 10 } }

    private mutating func appendDigits(of value: UInt64) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for any UInt64
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[23 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            bytes.append(contentsOf: buffer[(24 - count)...])
        }
    }
}
