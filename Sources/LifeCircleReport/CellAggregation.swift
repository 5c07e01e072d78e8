import LifeCircleGeometry

/// A layer with more features than a reader can tell apart (a city of 100,000 districts) drawn as
/// cells of a few pixels instead: each cell takes the style most of its features have (ties: the
/// style listed first in the layer), polygons and lines as filled cells merged along each row into
/// one path per style, points as one dot per cell sized by how many fall in it. The report stays a
/// few hundred kilobytes whatever the input; every feature is still in the CSV and GeoJSON.
struct CellAggregation {
    /// Cell size in pixels.
    static let cellPixels = 5.0

    let layer: MapLayer
    let width: Double
    let height: Double
    let transform: MapTransform

    func markup(_ language: Language) -> String {
        let cell = Self.cellPixels
        let columns = max(1, Int((width / cell).rounded(.up))), rows = max(1, Int((height / cell).rounded(.up)))
        // Styles without their point radius: a size scale gives every point its own radius. Features
        // come in runs of one style, so the last one is compared before the dictionary is asked.
        var styles: [MapStyle] = [], styleIndex: [MapStyle: Int] = [:]
        var placed: [(cell: Int, style: Int)] = []
        placed.reserveCapacity(layer.features.count)
        var isPoints = true, lastStyle: MapStyle?, last = 0
        for feature in layer.features {
            guard let anchor = Self.anchor(of: feature.geometry) else { continue }
            if case .point = feature.geometry {} else if case .multiPoint = feature.geometry {} else { isPoints = false }
            let (x, y) = transform.pixel(anchor)
            let column = Int(x / cell), row = Int(y / cell)
            guard (0..<columns).contains(column), (0..<rows).contains(row) else { continue }
            if feature.style.fill != lastStyle?.fill || feature.style.stroke != lastStyle?.stroke || lastStyle?.radius(0) != feature.style.radius(0) {
                let style = feature.style.radius(0)
                last = styleIndex[style] ?? { styles.append(style); styleIndex[style] = styles.count - 1; return styles.count - 1 }()
                lastStyle = feature.style
            }
            placed.append((row * columns + column, last))
        }
        let styleCount = max(1, styles.count)
        var tally = [Int32](repeating: 0, count: columns * rows * styleCount)
        for p in placed { tally[p.cell * styleCount + p.style] += 1 }
        var counts = [Int32](repeating: 0, count: columns * rows)
        var winner = [Int](repeating: -1, count: columns * rows)
        for cellIndex in 0..<(columns * rows) {
            let base = cellIndex * styleCount
            var best = -1, bestCount: Int32 = 0
            for s in 0..<styleCount where tally[base + s] > bestCount { (best, bestCount) = (s, tally[base + s]) }
            counts[cellIndex] = tally[base..<(base + styleCount)].reduce(0, +)
            winner[cellIndex] = best
        }
        let drawn = layer.features.count
        var out = "<g data-layer=\"\(layer.name.xmlEscaped)\" data-aggregated=\"\(drawn)\"><title>\(Localized.aggregated(drawn)(language).xmlEscaped)</title>"
        if isPoints {
            let most = Double(counts.max() ?? 1)
            for (cellIndex, s) in winner.enumerated() where s >= 0 {
                let cx = (Double(cellIndex % columns) + 0.5) * cell, cy = (Double(cellIndex / columns) + 0.5) * cell
                let r = max(0.8, cell / 2 * (Double(counts[cellIndex]) / most).squareRoot())
                var style = styles[s]
                style.stroke = nil
                out += "<circle cx=\"\(svgNumber(cx))\" cy=\"\(svgNumber(cy))\" r=\"\(svgNumber(r))\"\(style.svgAttributes)/>"
            }
        } else {
            for (s, style) in styles.enumerated() {
                var d = ""
                for row in 0..<rows {
                    var column = 0
                    while column < columns {
                        guard winner[row * columns + column] == s else { column += 1; continue }
                        let start = column
                        while column < columns, winner[row * columns + column] == s { column += 1 }
                        d += "M\(svgNumber(Double(start) * cell)) \(svgNumber(Double(row) * cell))h\(svgNumber(Double(column - start) * cell))v\(svgNumber(cell))h\(svgNumber(-Double(column - start) * cell))Z"
                    }
                }
                guard !d.isEmpty else { continue }
                var cellStyle = style
                cellStyle.stroke = nil
                out += "<path d=\"\(d)\"\(cellStyle.svgAttributes)/>"
            }
        }
        return out + "</g>"
    }

    /// Where a feature is counted: the centre of its envelope.
    static func anchor(of geometry: Geometry) -> Coordinate? {
        if case .point(let p) = geometry { return p.coordinate.isFinite ? p.coordinate : nil }
        return geometry.envelope.map(\.center).flatMap { $0.isFinite ? $0 : nil }
    }
}

extension Localized {
    static func aggregated(_ count: Int) -> Localized {
        Localized(zh: "\(count) 个要素按 \(Int(CellAggregation.cellPixels)) 像素网格汇总显示（每格取多数要素的样式）",
                  en: "\(count) features drawn as \(Int(CellAggregation.cellPixels))-pixel cells (each cell in its majority style)")
    }
}
