import LifeCircleGeometry

/// One SVG element, kept apart from its markup until we know whether a `<title>` goes inside.
struct SVGElement {
    let name: String
    let attributes: String

    func markup(title: String? = nil) -> String {
        guard let title else { return "<\(name)\(attributes)/>" }
        return "<\(name)\(attributes)><title>\(title.xmlEscaped)</title></\(name)>"
    }
}

extension MapFeature {
    /// The feature's elements with its tooltip: inside the element when there is one, else on a group.
    func markup(_ transform: MapTransform) -> String {
        let elements = geometry.svgElements(style: style, transform)
        if elements.count == 1 { return elements[0].markup(title: title) }
        guard !elements.isEmpty, let title else { return elements.map { $0.markup() }.joined() }
        return "<g><title>\(title.xmlEscaped)</title>" + elements.map { $0.markup() }.joined() + "</g>"
    }

    /// Points are stacked by size; everything else keeps its order.
    var drawingRadius: Double {
        switch geometry {
        case .point, .multiPoint: style.pointRadius
        default: .infinity
        }
    }
}

extension Geometry {
    func svgElements(style: MapStyle, _ t: MapTransform) -> [SVGElement] {
        switch self {
        case .point(let p): return circle(p, style, t).map { [$0] } ?? []
        case .multiPoint(let ps): return ps.compactMap { circle($0, style, t) }
        case .lineString(let l): return path([l], style, t)
        case .multiLineString(let ls): return path(ls, style, t)
        case .polygon(let p): return path([p], style, t)
        case .multiPolygon(let ps): return path(ps, style, t)
        case .geometryCollection(let gs): return gs.flatMap { $0.svgElements(style: style, t) }
        }
    }
}

private func circle(_ p: Point, _ style: MapStyle, _ t: MapTransform) -> SVGElement? {
    guard p.coordinate.isFinite else { return nil }
    let (x, y) = t.pixel(p.coordinate)
    return SVGElement(name: "circle", attributes: " cx=\"\(svgNumber(x))\" cy=\"\(svgNumber(y))\" r=\"\(svgNumber(style.pointRadius))\"" + style.svgAttributes)
}

/// Lines as one open path; a line is never filled.
private func path(_ lines: [LineString], _ style: MapStyle, _ t: MapTransform) -> [SVGElement] {
    let d = lines.compactMap { subpath($0.coordinates, closed: false, t) }.joined()
    guard !d.isEmpty else { return [] }
    var lineStyle = style
    lineStyle.fill = nil
    return [SVGElement(name: "path", attributes: " d=\"\(d)\"" + lineStyle.svgAttributes)]
}

/// Polygons, holes and all parts of a multipolygon as one path: evenodd makes the holes.
private func path(_ polygons: [Polygon], _ style: MapStyle, _ t: MapTransform) -> [SVGElement] {
    let d = polygons.compactMap { polygon -> String? in
        guard let exterior = subpath(polygon.exterior, closed: true, t) else { return nil }
        return exterior + polygon.interiors.compactMap { subpath($0, closed: true, t) }.joined()
    }.joined()
    guard !d.isEmpty else { return [] }
    return [SVGElement(name: "path", attributes: " d=\"\(d)\" fill-rule=\"evenodd\"" + style.svgAttributes)]
}

/// "M x y L x y … [Z]" in pixels; vertices that round to the previous one are dropped, and a part
/// that collapses below a pixel is left out.
private func subpath(_ coordinates: [Coordinate], closed: Bool, _ t: MapTransform) -> String? {
    var points: [String] = []
    for c in coordinates where c.isFinite {
        let (x, y) = t.pixel(c)
        let point = svgNumber(x) + " " + svgNumber(y)
        if point != points.last { points.append(point) }
    }
    if closed, points.count > 1, points.first == points.last { points.removeLast() }
    guard points.count >= (closed ? 3 : 2) else { return nil }
    return "M" + points.joined(separator: "L") + (closed ? "Z" : "")
}
