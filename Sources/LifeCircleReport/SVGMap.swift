import LifeCircleGeometry

/// A map drawn as SVG from layers in a projected metric CRS (x = easting, y = northing, metres),
/// north up, with a legend, a north arrow, a scale bar and the CRS named under it.
///
/// The markup is meant for inline use in an HTML page: it carries no namespace declaration,
/// no ids and no references to anything outside itself.
public struct SVGMap: Hashable, Sendable {
    /// The CRS the layers are in, as the caption names it, e.g. "EPSG:4544 CGCS2000 / 3-degree Gauss-Kruger CM 105E".
    public var crsName: String
    public var language: Language
    /// Read out by screen readers and shown as the map's tooltip.
    public var title: String?
    /// Drawn in order: the first at the bottom.
    public var layers: [MapLayer]
    public var legend: [LegendEntry]
    /// The area shown; nil: all the layers' features.
    public var extent: Envelope?
    /// Width of the map frame in pixels; the legend panel is set to its right.
    public var mapWidth: Double

    public init(crsName: String, language: Language = .zh, title: String? = nil, layers: [MapLayer] = [],
                legend: [LegendEntry] = [], extent: Envelope? = nil, mapWidth: Double = 720) {
        self.crsName = crsName
        self.language = language
        self.title = title
        self.layers = layers
        self.legend = legend
        self.extent = extent
        self.mapWidth = mapWidth
    }

    /// Layers with more features are drawn as cells (`CellAggregation`), not feature by feature.
    public static let maximumDrawnFeatures = 2000

    /// Where metres land in the map frame, whose top-left corner is the SVG's origin.
    public var transform: MapTransform { frame.transform }

    public var scaleBar: ScaleBar { scaleBar(frame) }

    public func render() -> String {
        let frame = frame, legendLayout = LegendLayout(entries: [.heading(Localized.legend(language))] + legend)
        let panelX = mapWidth + 20
        let caption = Localized.crs(language) + crsName
        let (legendMarkup, legendBottom) = legendLayout.render(x: panelX, y: 52)
        let width = max(panelX + legendLayout.width + 8, estimatedWidth(caption, fontSize: 11) + 8)
        let height = max(frame.height + 62, legendBottom + 8)

        var out = "<svg class=\"map\" viewBox=\"0 0 \(svgNumber(width)) \(svgNumber(height))\" width=\"\(svgNumber(width))\" height=\"\(svgNumber(height))\" font-size=\"\(svgNumber(LegendLayout.fontSize))\" role=\"img\""
        if let title { out += " aria-label=\"\(title.xmlEscaped)\"><title>\(title.xmlEscaped)</title>" } else { out += ">" }
        // A nested <svg> clips the features to the frame without needing an id.
        out += "<svg x=\"0\" y=\"0\" width=\"\(svgNumber(mapWidth))\" height=\"\(svgNumber(frame.height))\">"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
        for layer in layers {
            if layer.features.count > Self.maximumDrawnFeatures {
                out += CellAggregation(layer: layer, width: mapWidth, height: frame.height, transform: frame.transform).markup(language)
                continue
            }
            out += "<g data-layer=\"\(layer.name.xmlEscaped)\">"
            // Big circles first, so that small ones drawn later are not hidden under them.
            let ordered = layer.features.enumerated().sorted {
                $0.element.drawingRadius != $1.element.drawingRadius
                    ? $0.element.drawingRadius > $1.element.drawingRadius : $0.offset < $1.offset
            }
            for (_, feature) in ordered { out += feature.markup(frame.transform) }
            out += "</g>"
        }
        out += "</svg>"
        out += "<rect x=\"0.5\" y=\"0.5\" width=\"\(svgNumber(mapWidth - 1))\" height=\"\(svgNumber(frame.height - 1))\" fill=\"none\" stroke=\"#999999\"/>"
        out += northArrow(x: panelX + 12, y: 4)
        out += legendMarkup
        out += scaleBarMarkup(scaleBar(frame), y: frame.height + 12)
        out += "<text x=\"0\" y=\"\(svgNumber(frame.height + 54))\" font-size=\"11\" fill=\"#444444\">\(caption.xmlEscaped)</text>"
        return out + "</svg>"
    }

    /// Grid north, which is the top of the map; in a Gauss-Krüger zone it departs from true north
    /// by the meridian convergence (at most about 1° within a 3-degree zone in China).
    private func northArrow(x: Double, y: Double) -> String {
        let cx = svgNumber(x), tip = y + 16, base = y + 42, notch = y + 35
        return "<text x=\"\(cx)\" y=\"\(svgNumber(y + 12))\" text-anchor=\"middle\" font-weight=\"bold\" font-size=\"13\">N</text>"
            + "<path d=\"M\(cx) \(svgNumber(tip))L\(svgNumber(x - 8)) \(svgNumber(base))L\(cx) \(svgNumber(notch))Z\" fill=\"#ffffff\" stroke=\"#222222\" stroke-width=\"0.8\"/>"
            + "<path d=\"M\(cx) \(svgNumber(tip))L\(svgNumber(x + 8)) \(svgNumber(base))L\(cx) \(svgNumber(notch))Z\" fill=\"#222222\" stroke=\"#222222\" stroke-width=\"0.8\"/>"
    }

    /// At most a quarter of the frame's inner width.
    private func scaleBar(_ frame: MapFrame) -> ScaleBar {
        ScaleBar(pixelsPerMetre: frame.transform.pixelsPerMetre, maxPixels: (mapWidth - 2 * frame.padding) / 4)
    }

    /// Two halves, dark then light, with "0" and the length under the ends.
    private func scaleBarMarkup(_ bar: ScaleBar, y: Double) -> String {
        let x0 = 10.0, half = bar.pixels / 2
        let top = svgNumber(y), labelY = svgNumber(y + 20)
        return "<rect x=\"\(svgNumber(x0))\" y=\"\(top)\" width=\"\(svgNumber(half))\" height=\"6\" fill=\"#222222\" stroke=\"#222222\" stroke-width=\"0.8\"/>"
            + "<rect x=\"\(svgNumber(x0 + half))\" y=\"\(top)\" width=\"\(svgNumber(half))\" height=\"6\" fill=\"#ffffff\" stroke=\"#222222\" stroke-width=\"0.8\"/>"
            + "<text x=\"\(svgNumber(x0))\" y=\"\(labelY)\" text-anchor=\"middle\">0</text>"
            + "<text x=\"\(svgNumber(x0 + bar.pixels))\" y=\"\(labelY)\" text-anchor=\"middle\">\(bar.label.xmlEscaped)</text>"
    }

    private var frame: MapFrame {
        MapFrame(extent: extent ?? dataEnvelope, width: mapWidth, largestRadius: layers.flatMap(\.features).map {
            $0.drawingRadius.isFinite ? $0.drawingRadius + $0.style.strokeWidth : 0
        }.max() ?? 0)
    }

    private var dataEnvelope: Envelope {
        var envelope: Envelope?
        for layer in layers {
            for feature in layer.features {
                guard let e = feature.geometry.envelope, e.minX.isFinite, e.maxX.isFinite, e.minY.isFinite, e.maxY.isFinite else { continue }
                envelope = envelope.map { $0.union(e) } ?? e
            }
        }
        return envelope ?? Envelope(minX: 0, minY: 0, maxX: 100, maxY: 100)
    }
}

/// The map frame's size and the transform into it.
struct MapFrame {
    /// A lone point or a straight line still gets an area around it and a readable scale.
    static let minimumSpan = 100.0

    let height: Double
    let padding: Double
    let transform: MapTransform

    init(extent: Envelope, width: Double, largestRadius: Double) {
        var shown = extent
        let centre = extent.center, half = MapFrame.minimumSpan / 2
        if shown.width < MapFrame.minimumSpan { (shown.minX, shown.maxX) = (centre.x - half, centre.x + half) }
        if shown.height < MapFrame.minimumSpan { (shown.minY, shown.maxY) = (centre.y - half, centre.y + half) }
        // Room for the biggest circle at the edge of the data.
        padding = max(24, largestRadius + 2)
        let innerWidth = width - 2 * padding
        // Very tall or very flat areas get a frame of a sensible shape, with the data centred in it.
        let innerHeight = min(max(innerWidth * shown.height / shown.width, innerWidth * 0.5), innerWidth * 1.5)
        height = innerHeight + 2 * padding
        transform = MapTransform(fitting: shown, width: width, height: height, padding: padding)
    }
}
