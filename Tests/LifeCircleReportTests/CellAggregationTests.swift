import LifeCircleGeometry
@testable import LifeCircleReport
import Testing

/// Large layers drawn as cells, and outlines simplified to the pixel.
@Suite struct CellAggregationTests {
    private func square(_ x: Double, _ y: Double, _ side: Double) -> Geometry {
        .polygon(Polygon(exterior: [Coordinate(x, y), Coordinate(x + side, y), Coordinate(x + side, y + side),
                                    Coordinate(x, y + side), Coordinate(x, y)]))
    }

    @Test func aCityOfDistrictsIsDrawnAsCellsInTheMajorityStyle() throws {
        // 100 × 100 districts of 10 m over 1 km, on a map 150 px wide (102 px inside its 24 px
        // padding: 9.8 m a pixel), so that a 5-pixel cell holds about 25 districts. The western half
        // passes, the eastern half fails except every third district, which passes.
        var features: [MapFeature] = []
        for row in 0..<100 {
            for column in 0..<100 {
                let fails = column >= 50 && (row * 100 + column) % 3 != 0
                features.append(MapFeature(square(Double(column) * 10, Double(row) * 10, 10), style: .status(fails ? .fail : .pass)))
            }
        }
        let map = SVGMap(crsName: "EPSG:4544", language: .en, layers: [MapLayer(name: "districts", features: features)],
                         extent: Envelope(minX: 0, minY: 0, maxX: 1000, maxY: 1000), mapWidth: 150)
        let markup = map.render()
        let svg = try #require(ParsedXML(markup))
        let group = try #require(svg.all("g").first { $0.attributes["data-layer"] == "districts" })
        #expect(group.attributes["data-aggregated"] == "10000")
        // One path per style: the cells merged along rows, not 10,000 outlines.
        let paths = svg.all("path").filter { $0.attributes["fill"] == Status.pass.color || $0.attributes["fill"] == Status.fail.color }
        #expect(paths.count == 2)
        #expect(markup.utf8.count < 20_000)
        // Cells over the eastern half go to "fail" (two in three there), over the western to "pass":
        // the pass path starts at the cell of the frame's padding (x 20), the fail one at the cell
        // holding the 500 m line (24 + 500 / 9.8 ≈ 75).
        let pass = try #require(paths.first { $0.attributes["fill"] == Status.pass.color }?.attributes["d"])
        let fail = try #require(paths.first { $0.attributes["fill"] == Status.fail.color }?.attributes["d"])
        let firstX = { (d: String) in Double(d.dropFirst().prefix { $0 != " " })! }
        #expect(firstX(pass) == 20)
        #expect(firstX(fail) == 75)
    }

    @Test func smallLayersAreStillDrawnFeatureByFeature() throws {
        let features = (0..<10).map { MapFeature(square(Double($0) * 100, 0, 50), style: .status(.pass), title: "D\($0)") }
        let svg = try #require(ParsedXML(SVGMap(crsName: "EPSG:4544", layers: [MapLayer(name: "d", features: features)]).render()))
        #expect(svg.all("title").filter { $0.text.hasPrefix("D") }.count == 10)
    }

    @Test func outlinesKeepNoDetailFinerThanThePixel() throws {
        // A 1 km square ring with a vertex every metre (4,000 of them) and a 4 m hole.
        var ring: [Coordinate] = []
        for i in 0..<1000 { ring.append(Coordinate(Double(i), 0)) }
        for i in 0..<1000 { ring.append(Coordinate(1000, Double(i))) }
        for i in 0..<1000 { ring.append(Coordinate(1000 - Double(i), 1000)) }
        for i in 0..<1000 { ring.append(Coordinate(0, 1000 - Double(i))) }
        ring.append(ring[0])
        let hole: LinearRing = [Coordinate(500, 500), Coordinate(500, 504), Coordinate(504, 504), Coordinate(504, 500), Coordinate(500, 500)]
        let map = SVGMap(crsName: "EPSG:4544", layers: [MapLayer(name: "c", features: [
            MapFeature(.polygon(Polygon(exterior: ring, interiors: [hole])), style: .status(.pass))])],
                         extent: Envelope(minX: 0, minY: 0, maxX: 1000, maxY: 1000), mapWidth: 648)
        let d = try #require(ParsedXML(map.render())?.all("path").first { $0.attributes["fill-rule"] == "evenodd" }?.attributes["d"])
        // 600 px of frame for 1,000 m: a vertex kept every 2 m (1.2 px ≥ 0.75 px), about 2,000 of 4,000.
        let vertices = d.split(whereSeparator: { $0 == "M" || $0 == "L" }).count
        #expect(vertices > 1900 && vertices < 2100, "\(vertices)")
        // One subpath: the hole, 2.4 px across, is not drawn.
        #expect(d.filter { $0 == "M" }.count == 1)
    }
}
