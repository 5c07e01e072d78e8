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

/// "M x y L x y … [Z]" in pixels, simplified to the screen: a vertex within `minimumStep` pixels
/// of the last one kept is dropped (the last vertex of a line is always kept), and a part or hole
/// that collapses below three pixels is left out. A service circle traced on a 5 m grid keeps its shape and
/// loses the thousands of vertices no screen shows.
private func subpath(_ coordinates: [Coordinate], closed: Bool, _ t: MapTransform) -> String? {
    let minimumStep = 0.75
    var kept: [(x: Double, y: Double)] = []
    for c in coordinates where c.isFinite {
        let p = t.pixel(c)
        if let last = kept.last, abs(p.x - last.x) < minimumStep, abs(p.y - last.y) < minimumStep { continue }
        kept.append(p)
    }
    if !closed, let c = coordinates.last(where: \.isFinite), kept.count > 1 { kept[kept.count - 1] = t.pixel(c) }
    if closed, kept.count > 1, let first = kept.first, let last = kept.last,
       abs(first.x - last.x) < minimumStep, abs(first.y - last.y) < minimumStep { kept.removeLast() }
    guard kept.count >= (closed ? 3 : 2) else { return nil }
    // A ring under three pixels either way (a street block's hole in a service circle) shows as nothing.
    if closed {
        let xs = kept.map(\.x), ys = kept.map(\.y)
        if xs.max()! - xs.min()! < 3, ys.max()! - ys.min()! < 3 { return nil }
    }
    return "M" + kept.map { svgNumber($0.x) + " " + svgNumber($0.y) }.joined(separator: "L") + (closed ? "Z" : "")
}
