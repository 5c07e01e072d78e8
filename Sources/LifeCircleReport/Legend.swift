/// A line of a map's legend. Labels are the caller's, in the report's language.
public enum LegendEntry: Hashable, Sendable {
    /// A group title, e.g. "达标情况" or "设施建筑面积".
    case heading(String)
    /// A filled swatch, as polygons are drawn.
    case area(String, MapStyle)
    /// A line sample, as lines are drawn.
    case line(String, MapStyle)
    /// A circle at the style's point radius, as points are drawn.
    case point(String, MapStyle)
}

/// The legend panel: its markup, drawn from (x, y) down, and its size.
struct LegendLayout {
    static let fontSize = 12.0
    static let headingSize = 13.0

    let entries: [LegendEntry]
    /// Wide enough for the largest circle and for a line sample.
    let symbolWidth: Double

    init(entries: [LegendEntry]) {
        self.entries = entries
        let largest = entries.map { if case .point(_, let s) = $0 { 2 * s.pointRadius + s.strokeWidth } else { 0 } }.max() ?? 0
        symbolWidth = max(26, largest)
    }

    var width: Double {
        entries.map { entry in
            switch entry {
            case .heading(let text): estimatedWidth(text, fontSize: LegendLayout.headingSize)
            case .area(let text, _), .line(let text, _), .point(let text, _):
                symbolWidth + 8 + estimatedWidth(text, fontSize: LegendLayout.fontSize)
            }
        }.max() ?? 0
    }

    /// The markup and the y below the last entry.
    func render(x: Double, y top: Double) -> (markup: String, bottom: Double) {
        var out = "", y = top
        for (index, entry) in entries.enumerated() {
            if case .heading = entry, index > 0 { y += 10 }  // space above a new group
            let height = rowHeight(entry)
            let middle = y + height / 2
            let labelX = svgNumber(x + symbolWidth + 8), centreX = x + symbolWidth / 2
            let baseline = svgNumber(middle + LegendLayout.fontSize * 0.35)
            switch entry {
            case .heading(let text):
                out += "<text x=\"\(svgNumber(x))\" y=\"\(svgNumber(middle + LegendLayout.headingSize * 0.35))\" font-weight=\"bold\" font-size=\"\(svgNumber(LegendLayout.headingSize))\">\(text.xmlEscaped)</text>"
            case .area(let text, let style):
                out += "<rect x=\"\(svgNumber(centreX - 12))\" y=\"\(svgNumber(middle - 7))\" width=\"24\" height=\"14\"\(style.svgAttributes)/>"
                out += "<text x=\"\(labelX)\" y=\"\(baseline)\">\(text.xmlEscaped)</text>"
            case .line(let text, let style):
                out += "<path d=\"M\(svgNumber(centreX - 12)) \(svgNumber(middle))h24\"\(MapStyle(stroke: style.stroke, strokeWidth: style.strokeWidth, dash: style.dash).svgAttributes)/>"
                out += "<text x=\"\(labelX)\" y=\"\(baseline)\">\(text.xmlEscaped)</text>"
            case .point(let text, let style):
                out += "<circle cx=\"\(svgNumber(centreX))\" cy=\"\(svgNumber(middle))\" r=\"\(svgNumber(style.pointRadius))\"\(style.svgAttributes)/>"
                out += "<text x=\"\(labelX)\" y=\"\(baseline)\">\(text.xmlEscaped)</text>"
            }
            y += height
        }
        return (out, y)
    }

    private func rowHeight(_ entry: LegendEntry) -> Double {
        switch entry {
        case .heading: 22
        case .point(_, let style): max(20, 2 * style.pointRadius + 6)
        case .area, .line: 20
        }
    }
}

/// Text width without a font to measure with: CJK and full-width characters are about one em,
/// Latin text about 0.6 em on average. Errs wide so labels are not clipped.
func estimatedWidth(_ text: String, fontSize: Double) -> Double {
    text.unicodeScalars.reduce(0) { width, scalar in
        width + fontSize * ((0x1100..<0x1200).contains(scalar.value) || (0x2E80..<0xFFF0).contains(scalar.value) ? 1 : 0.62)
    }
}
