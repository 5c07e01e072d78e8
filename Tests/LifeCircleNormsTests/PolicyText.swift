import Foundation

/// A policy text of GeoData/policies read for its numbering: the headings that open its sections
/// (一、, (一), 1.) and its indicator tables (a `序号 |` header, one cell a line), so that a test can
/// say whether a phrase stands under the clause a rule names.
struct PolicyText {
    /// A heading at the start of a line: level 1 `三、`, level 2 `(二)`, level 3 `7.`.
    struct Heading: Equatable {
        var line: Int
        var level: Int
        var token: String
    }

    /// An indicator table: its header cells and its rows of cells, row n's first cell being "n".
    struct Table {
        var header: [String]
        var rows: [[String]]

        /// The column of a year's target, e.g. "2025年目标" (spaces inside ignored).
        func column(ofYear year: String) -> Int? {
            header.firstIndex { $0.filter { !$0.isWhitespace } == "\(year)年目标" }
        }
    }

    let lines: [String]
    let headings: [Heading]
    let tables: [Table]
    /// Lines that look like a table caption, "表2…", by table number.
    let captions: [Int: Int]

    init(_ text: String) throws {
        lines = text.components(separatedBy: "\n")
        var headings: [Heading] = []
        var captions: [Int: Int] = [:]
        for (index, raw) in lines.enumerated() {
            let line = Self.normalised(String(raw.drop(while: \.isWhitespace)))
            if let token = Self.headingToken(line) {
                headings.append(Heading(line: index, level: Self.level(of: token)!, token: token))
            }
            if let match = line.prefixMatch(of: /表([0-9]+)/), let n = Int(match.1) { captions[n] = captions[n] ?? index }
        }
        self.headings = headings
        self.captions = captions
        tables = try Self.readTables(lines)
    }

    /// Full-width brackets as the ASCII ones the texts and the packs mostly use.
    static func normalised(_ s: String) -> String {
        s.replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")
    }

    static func headingToken(_ line: String) -> String? {
        if let m = line.prefixMatch(of: /[一二三四五六七八九十]+、/) { return String(m.0) }
        if let m = line.prefixMatch(of: /\([一二三四五六七八九十]+\)/) { return String(m.0) }
        // "30." opens item 30; "2.31 |" (a table cell) and "2020年" do not.
        if let m = line.prefixMatch(of: /[0-9]+\./), !("0"..."9").contains(line.dropFirst(m.0.count).first ?? " ") {
            return String(m.0)
        }
        return nil
    }

    /// 1 for `三、`, 2 for `(二)`, 3 for `7.`; nil for a table's `表1` / `序号7`.
    static func level(of token: String) -> Int? {
        if token.hasSuffix("、") { return 1 }
        if token.hasPrefix("(") { return 2 }
        if token.hasSuffix("."), Int(token.dropLast()) != nil { return 3 }
        return nil
    }

    /// A clause split into its tokens ("四、(一)1." → 四、 (一) 1.; "表1 序号7" → 表1 序号7); nil
    /// when some of it is not a token of the numbering.
    static func tokens(of clause: String) -> [String]? {
        let compact = normalised(clause).filter { !$0.isWhitespace }
        let tokens = compact.matches(of: /[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|[0-9]+\.|表[0-9]+|序号[0-9]+/)
            .map { String($0.0) }
        return tokens.joined() == compact && !tokens.isEmpty ? tokens : nil
    }

    /// Tables open with a line `序号 |`; each cell is a line ending in `|`. The header runs to the
    /// row that opens with `1 |`; the rows follow, as many cells each as the header has.
    static func readTables(_ lines: [String]) throws -> [Table] {
        func cell(_ line: String) -> String? {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.hasSuffix("|") ? String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces) : nil
        }
        var tables: [Table] = []
        var i = 0
        while i < lines.count {
            guard cell(lines[i]) == "序号" else { i += 1; continue }
            var header: [String] = []
            while i < lines.count, let c = cell(lines[i]), !(c == "1" && !header.isEmpty) {
                header.append(c)
                i += 1
            }
            var cells: [String] = []
            while i < lines.count, let c = cell(lines[i]), c != "序号" {
                cells.append(c)
                i += 1
            }
            guard header.count > 2, cells.count % header.count == 0 else {
                throw PolicyTextError("table \(tables.count + 1): \(cells.count) cells do not fill rows of \(header.count)")
            }
            let rows = stride(from: 0, to: cells.count, by: header.count).map { Array(cells[$0..<$0 + header.count]) }
            for (n, row) in rows.enumerated() where row[0] != "\(n + 1)" {
                throw PolicyTextError("table \(tables.count + 1): row \(n + 1) opens with \"\(row[0])\"")
            }
            tables.append(Table(header: header, rows: rows))
        }
        return tables
    }

    /// Why `phrase` is not under `clause` (a section path), nil when it is: at some line holding
    /// the phrase, the last heading of each level of the clause is the clause's, each after the
    /// one above it, and no deeper heading comes between the clause's last heading and the phrase.
    func problem(phrase: String, underSection tokens: [String]) -> String? {
        let found = lines.indices.filter { lines[$0].contains(phrase) }
        guard !found.isEmpty else { return "not found verbatim in the text" }
        var reasons: [String] = []
        for line in found {
            var after = -1
            var reason: String?
            for token in tokens {
                guard let level = Self.level(of: token) else { reason = "\(token) is not a section heading"; break }
                guard let last = headings.last(where: { $0.level == level && $0.line <= line }) else {
                    reason = "no heading of \(token)'s level precedes it"
                    break
                }
                guard last.token == token, last.line >= after else {
                    reason = "it stands under \(last.token) (line \(last.line + 1)), not \(token)"
                    break
                }
                after = last.line
            }
            if reason == nil, let deepest = tokens.last.flatMap(Self.level(of:)),
               let deeper = headings.first(where: { $0.level > deepest && $0.line > after && $0.line <= line }) {
                reason = "a deeper heading, \(deeper.token) (line \(deeper.line + 1)), stands between the clause and it"
            }
            guard let reason else { return nil }
            reasons.append("line \(line + 1): \(reason)")
        }
        return reasons.joined(separator: "; ")
    }
}

struct PolicyTextError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
