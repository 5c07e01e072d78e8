extension String {
    /// The text made safe for XML and HTML, in element content and in quoted attribute values.
    ///
    /// Characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) are dropped: they turn up in
    /// attribute tables decoded with the wrong encoding and would make the whole file unreadable.
    public var xmlEscaped: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
