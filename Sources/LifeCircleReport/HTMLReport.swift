/// A report as one self-contained HTML file: inline CSS and SVG only, no scripts, fonts, images
/// or links, so it opens offline, can be mailed as an attachment and prints on A4.
///
/// Texts are given in the report's language and are escaped here; only `.svg` blocks are markup.
public struct HTMLReport: Hashable, Sendable {
    public var language: Language
    public var title: String
    public var subtitle: String?
    public var sections: [ReportSection]
    /// Numbered at the end under "注" / "Notes"; the text refers to them as [1], [2] ….
    public var footnotes: [String]

    public init(title: String, subtitle: String? = nil, language: Language = .zh,
                sections: [ReportSection] = [], footnotes: [String] = []) {
        self.language = language
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
        self.footnotes = footnotes
    }

    public func render() -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"\(language.htmlLang)\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<title>\(title.xmlEscaped)</title>\n<style>\(reportCSS)</style>\n</head>\n<body>\n<header>\n"
        out += "<h1>\(title.xmlEscaped)</h1>\n"
        if let subtitle { out += "<p class=\"subtitle\">\(subtitle.xmlEscaped)</p>\n" }
        out += "</header>\n"
        for section in sections { out += section.html }
        if !footnotes.isEmpty {
            out += "<footer>\n<h2>\(Localized.notes(language).xmlEscaped)</h2>\n<ol class=\"notes\">\n"
            out += footnotes.map { "<li>\($0.xmlEscaped)</li>\n" }.joined() + "</ol>\n</footer>\n"
        }
        return out + "</body>\n</html>\n"
    }
}

/// A heading and what goes under it.
public struct ReportSection: Hashable, Sendable {
    public var heading: String
    public var blocks: [ReportBlock]

    public init(_ heading: String, _ blocks: [ReportBlock] = []) {
        self.heading = heading
        self.blocks = blocks
    }

    var html: String {
        "<section>\n<h2>\(heading.xmlEscaped)</h2>\n" + blocks.map(\.html).joined(separator: "\n") + "\n</section>\n"
    }
}

/// A term and its value in a key–value list, e.g. 户均人口 — 3.0.
public struct KeyValue: Hashable, Sendable {
    public var key: String
    public var value: String

    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

public enum ReportBlock: Hashable, Sendable {
    case paragraph(String)
    /// A minor heading inside a section.
    case subheading(String)
    case keyValues([KeyValue])
    case bulletList([String])
    case table(ReportTable)
    /// SVG markup inserted as it is (e.g. `SVGMap.render()`), with an optional caption.
    case svg(String, caption: String?)

    var html: String {
        switch self {
        case .paragraph(let text):
            "<p>\(text.xmlEscaped)</p>"
        case .subheading(let text):
            "<h3>\(text.xmlEscaped)</h3>"
        case .keyValues(let pairs):
            "<dl class=\"kv\">" + pairs.map { "<dt>\($0.key.xmlEscaped)</dt><dd>\($0.value.xmlEscaped)</dd>" }.joined() + "</dl>"
        case .bulletList(let items):
            "<ul>" + items.map { "<li>\($0.xmlEscaped)</li>" }.joined() + "</ul>"
        case .table(let table):
            table.html
        case .svg(let markup, let caption):
            "<figure>" + markup + (caption.map { "<figcaption>\($0.xmlEscaped)</figcaption>" } ?? "") + "</figure>"
        }
    }
}
