/// How a map feature is drawn. Colours are CSS colour strings; widths and radii are pixels.
public struct MapStyle: Hashable, Sendable {
    /// Nil: not filled (lines, outlines).
    public var fill: String?
    public var fillOpacity: Double
    /// Nil: no outline.
    public var stroke: String?
    public var strokeWidth: Double
    /// Dash and gap lengths; empty for a solid line.
    public var dash: [Double]
    /// Radius of the circle a point is drawn as.
    public var pointRadius: Double

    public init(fill: String? = nil, fillOpacity: Double = 1, stroke: String? = nil, strokeWidth: Double = 1,
                dash: [Double] = [], pointRadius: Double = 4) {
        self.fill = fill
        self.fillOpacity = fillOpacity
        self.stroke = stroke
        self.strokeWidth = strokeWidth
        self.dash = dash
        self.pointRadius = pointRadius
    }

    /// A polygon coloured by status, outlined so neighbours of the same status stay apart.
    public static func status(_ status: Status) -> MapStyle {
        MapStyle(fill: status.color, fillOpacity: 0.55, stroke: "#333333", strokeWidth: 0.8)
    }

    /// The same style with another point radius, e.g. from a `SizeScale`.
    public func radius(_ pointRadius: Double) -> MapStyle {
        var style = self
        style.pointRadius = pointRadius
        return style
    }

    /// SVG presentation attributes, each preceded by a space.
    var svgAttributes: String {
        var out = " fill=\"\((fill ?? "none").xmlEscaped)\""
        if fill != nil && fillOpacity < 1 { out += " fill-opacity=\"\(svgNumber(fillOpacity, decimals: 2))\"" }
        if let stroke {
            out += " stroke=\"\(stroke.xmlEscaped)\" stroke-width=\"\(svgNumber(strokeWidth))\""
            if !dash.isEmpty { out += " stroke-dasharray=\"\(dash.map { svgNumber($0) }.joined(separator: " "))\"" }
        }
        return out
    }
}
