import Foundation
import LifeCircleIO
import LifeCircleWorkers

/// Writes a table's attributes as CSV (RFC 4180): UTF-8 with a BOM so that Excel shows Chinese, a
/// header of the field names, a cell quoted only when it holds a comma, quote or line break, and a
/// text that would run as a spreadsheet formula neutralised.
/// Geometries are not written: the GeoJSON and GeoPackage beside it carry them.
public enum CSVFile {
    public static func write(_ table: FeatureTable, to path: String) throws {
        var head = TextBuffer()
        head.append(byte: 0xEF); head.append(byte: 0xBB); head.append(byte: 0xBF)
        for (i, field) in table.fields.enumerated() {
            if i > 0 { head.append(byte: UInt8(ascii: ",")) }
            head.appendCSVCell(field.name)
        }
        head.append(byte: 0x0A)
        let rows = Workers.split(count: table.count) { range, _ -> TextBuffer in
            var text = TextBuffer(capacity: range.count * 96)
            for row in range {
                for (i, value) in table.values(row).enumerated() {
                    if i > 0 { text.append(byte: UInt8(ascii: ",")) }
                    switch value {
                    case .null: break
                    case .int(let n): text.append(n)
                    case .double(let x): if x.isFinite { text.appendJSONNumber(x) }
                    case .string(let s): text.appendCSVCell(s)
                    }
                }
                text.append(byte: 0x0A)
            }
            return text
        }
        try OutputFile.write([head] + rows, to: path)
    }
}

extension TextBuffer {
    /// A cell; text that a spreadsheet would take for a formula (it starts with = + - @, a tab or a
    /// carriage return) gets a leading apostrophe, as OWASP advises against CSV injection.
    mutating func appendCSVCell(_ text: String) {
        if let first = text.utf8.first, [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first) {
            return appendCSVCell("'" + text)
        }
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
            return append(text)
        }
        append(byte: UInt8(ascii: "\""))
        append(text.replacingOccurrences(of: "\"", with: "\"\""))
        append(byte: UInt8(ascii: "\""))
    }
}
