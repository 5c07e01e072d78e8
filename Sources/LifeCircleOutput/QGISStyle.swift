import LifeCircleReport

/// A layer's symbology as QGIS reads it from a GeoPackage's `layer_styles` table (QML), so that
/// the file opens styled: districts coloured by outcome with Chinese legend labels, circles as
/// light fills. Colours are "#rrggbb" with a separate opacity, as the HTML report's.
public struct QGISStyle: Hashable, Sendable {
    public enum Geometry: String, Hashable, Sendable {
        case fill, marker, line
    }

    public struct Symbol: Hashable, Sendable {
        public var color: String
        public var opacity: Double
        public var outline: String
        public var outlineWidth: Double

        public init(color: String, opacity: Double = 1, outline: String = "#333333", outlineWidth: Double = 0.26) {
            (self.color, self.opacity, self.outline, self.outlineWidth) = (color, opacity, outline, outlineWidth)
        }
    }

    public struct Category: Hashable, Sendable {
        public var value: String
        public var label: String
        public var symbol: Symbol

        public init(value: String, label: String, symbol: Symbol) {
            (self.value, self.label, self.symbol) = (value, label, symbol)
        }
    }

    public enum Renderer: Hashable, Sendable {
        case single(Symbol)
        /// One symbol per value of `field`.
        case categorized(field: String, [Category])
    }

    /// The name QGIS lists the style under.
    public var name: String
    public var geometry: Geometry
    public var renderer: Renderer

    public init(name: String, geometry: Geometry, renderer: Renderer) {
        (self.name, self.geometry, self.renderer) = (name, geometry, renderer)
    }

    /// The QML document.
    public var qml: String {
        var out = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis version=\"3.28.0\" styleCategories=\"Symbology\">\n"
        switch renderer {
        case .single(let symbol):
            out += "<renderer-v2 type=\"singleSymbol\" forceraster=\"0\" symbollevels=\"0\" enableorderby=\"0\">\n<symbols>\n"
            out += symbolXML(symbol, name: "0") + "</symbols>\n</renderer-v2>\n"
        case .categorized(let field, let categories):
            out += "<renderer-v2 type=\"categorizedSymbol\" attr=\"\(field.xmlEscaped)\" forceraster=\"0\" symbollevels=\"0\" enableorderby=\"0\">\n<categories>\n"
            for (i, c) in categories.enumerated() {
                out += "<category render=\"true\" symbol=\"\(i)\" value=\"\(c.value.xmlEscaped)\" label=\"\(c.label.xmlEscaped)\"/>\n"
            }
            out += "</categories>\n<symbols>\n"
            for (i, c) in categories.enumerated() { out += symbolXML(c.symbol, name: "\(i)") }
            out += "</symbols>\n</renderer-v2>\n"
        }
        return out + "</qgis>\n"
    }

    private func symbolXML(_ s: Symbol, name: String) -> String {
        let layerClass = switch geometry { case .fill: "SimpleFill"; case .marker: "SimpleMarker"; case .line: "SimpleLine" }
        let colorKey = geometry == .line ? "line_color" : "color"
        var options = [(colorKey, rgba(s.color, s.opacity))]
        switch geometry {
        case .fill: options += [("outline_color", rgba(s.outline, 1)), ("outline_width", "\(s.outlineWidth)"), ("style", "solid")]
        case .marker: options += [("outline_color", rgba(s.outline, 1)), ("outline_width", "\(s.outlineWidth)"), ("name", "circle"), ("size", "2.4")]
        case .line: options += [("line_width", "\(s.outlineWidth)")]
        }
        return "<symbol type=\"\(geometry.rawValue)\" name=\"\(name)\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n"
            + "<layer class=\"\(layerClass)\" enabled=\"1\" pass=\"0\" locked=\"0\">\n<Option type=\"Map\">\n"
            + options.map { "<Option name=\"\($0.0)\" type=\"QString\" value=\"\($0.1)\"/>\n" }.joined()
            + "</Option>\n</layer>\n</symbol>\n"
    }

    /// "#1a9641" with opacity 0.55 → "26,150,65,140", QGIS's colour form.
    private func rgba(_ hex: String, _ opacity: Double) -> String {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        let value = Int(digits, radix: 16) ?? 0
        return "\((value >> 16) & 0xFF),\((value >> 8) & 0xFF),\(value & 0xFF),\(Int((opacity * 255).rounded()))"
    }
}
