/// A table with a header row; numeric columns are right-aligned so digits line up.
public struct ReportTable: Hashable, Sendable {
    public struct Column: Hashable, Sendable {
        public var title: String
        public var isNumeric: Bool

        public init(_ title: String, isNumeric: Bool = false) {
            self.title = title
            self.isNumeric = isNumeric
        }

        public static func text(_ title: String) -> Column { Column(title) }
        public static func number(_ title: String) -> Column { Column(title, isNumeric: true) }
    }

    public struct Row: Hashable, Sendable {
        /// Already formatted, one per column.
        public var cells: [String]
        /// Tints the row and marks its first cell; the status must also be written in a cell.
        public var status: Status?
        /// A total or summary row, set in bold.
        public var isSummary: Bool

        public init(_ cells: [String], status: Status? = nil, isSummary: Bool = false) {
            self.cells = cells
            self.status = status
            self.isSummary = isSummary
        }
    }

    public var columns: [Column]
    public var rows: [Row]
    public var caption: String?

    public init(columns: [Column], rows: [Row], caption: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.caption = caption
    }

    var html: String {
        func cell(_ tag: String, _ text: String, _ index: Int) -> String {
            let numeric = index < columns.count && columns[index].isNumeric
            return "<\(tag)\(numeric ? " class=\"num\"" : "")>\(text.xmlEscaped)</\(tag)>"
        }
        var out = "<div class=\"table-wrap\"><table>"
        if let caption { out += "<caption>\(caption.xmlEscaped)</caption>" }
        out += "<thead><tr>" + columns.enumerated().map { cell("th", $1.title, $0) }.joined() + "</tr></thead><tbody>"
        for row in rows {
            let classes = [row.status?.cssClass, row.isSummary ? "summary" : nil].compactMap { $0 }
            out += classes.isEmpty ? "<tr>" : "<tr class=\"\(classes.joined(separator: " "))\">"
            out += row.cells.enumerated().map { cell("td", $1, $0) }.joined() + "</tr>"
        }
        return out + "</tbody></table></div>"
    }
}
