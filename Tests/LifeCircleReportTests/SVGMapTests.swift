import LifeCircleGeometry
@testable import LifeCircleReport
import Testing

private func rectangle(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) -> LinearRing {
    [Coordinate(minX, minY), Coordinate(maxX, minY), Coordinate(maxX, maxY), Coordinate(minX, maxY), Coordinate(minX, minY)]
}

private func polygonMap(_ geometry: Geometry, extent: Envelope? = nil, mapWidth: Double = 640) -> SVGMap {
    SVGMap(crsName: "EPSG:4544", layers: [MapLayer(name: "districts", features: [MapFeature(geometry, style: .status(.pass))])],
           extent: extent, mapWidth: mapWidth)
}

@Suite struct SVGMapTests {
    @Test func squareCornersLandOnComputedPixels() throws {
        // Frame 800 px wide, 24 px padding: 752 px for 2,000 m, so 0.376 px/m and a 376 px high
        // inner area for 1,000 m. Pixel x = 24 + 0.376·(E − 0), y = 24 + 0.376·(1000 − N).
        let square = Geometry.polygon(Polygon(exterior: rectangle(500, 250, 1500, 750)))
        let map = polygonMap(square, extent: Envelope(minX: 0, minY: 0, maxX: 2000, maxY: 1000), mapWidth: 800)
        #expect(abs(map.transform.pixelsPerMetre - 0.376) < 1e-12)
        let svg = try #require(ParsedXML(map.render()))
        let path = try #require(svg.all("path").first { $0.attributes["fill-rule"] == "evenodd" })
        // (500, 250) → (212, 306); (1500, 750) → (588, 118): the northern edge is higher up.
        #expect(path.attributes["d"] == "M212 306L588 306L588 118L212 118Z")
    }

    @Test func scaleBarIsRoundAndToScale() throws {
        // 2,300 m across 640 − 2·24 px; at most a quarter of that, 575 m: the bar is 500 m.
        let area = Geometry.polygon(Polygon(exterior: rectangle(500_000, 4_000_000, 502_300, 4_001_000)))
        let map = polygonMap(area)
        let ppm = 592.0 / 2300
        #expect(abs(map.transform.pixelsPerMetre - ppm) < 1e-12)
        #expect(map.scaleBar.metres == 500)
        #expect(abs(map.scaleBar.pixels - 500 * ppm) < 1e-9)
        #expect(map.scaleBar.label == "500 m")

        let svg = try #require(ParsedXML(map.render()))
        #expect(svg.all("text").contains { $0.text == "500 m" })
        // The two halves of the bar together are the bar's length, to the 0.1 px the SVG keeps.
        let halves = svg.all("rect").filter { $0.attributes["height"] == "6" }.compactMap { Double($0.attributes["width"] ?? "") }
        #expect(halves.count == 2)
        #expect(abs(halves.reduce(0, +) - 500 * ppm) <= 0.1)
    }

    @Test(arguments: [(2300.0 / 4, 500.0, "500 m"), (1000, 1000, "1 km"), (4999, 2000, "2 km"), (19_000, 10_000, "10 km"),
                      (0.7, 0.5, "0.5 m"), (100, 100, "100 m"), (99.99, 50, "50 m")] as [(Double, Double, String)])
    func scaleBarLengthsAreOneTwoFive(_ example: (maxMetres: Double, metres: Double, label: String)) {
        let (maxMetres, metres, label) = example
        let bar = ScaleBar(pixelsPerMetre: 1, maxPixels: maxMetres)
        #expect(bar.metres == metres)
        #expect(bar.label == label)
    }

    @Test func holeMakesAnEvenOddPathWithTwoSubpaths() throws {
        let withHole = Polygon(exterior: rectangle(0, 0, 1000, 1000), interiors: [rectangle(250, 250, 750, 750)])
        let svg = try #require(ParsedXML(polygonMap(.polygon(withHole)).render()))
        let paths = svg.all("path").filter { $0.attributes["fill-rule"] == "evenodd" }
        #expect(paths.count == 1)
        let d = try #require(paths.first?.attributes["d"])
        #expect(d.filter { $0 == "M" }.count == 2)
        #expect(d.filter { $0 == "Z" }.count == 2)
    }

    @Test func multipolygonIsOnePath() throws {
        let parts = [Polygon(exterior: rectangle(0, 0, 100, 100)), Polygon(exterior: rectangle(300, 0, 400, 100))]
        let svg = try #require(ParsedXML(polygonMap(.multiPolygon(parts)).render()))
        let paths = svg.all("path").filter { $0.attributes["fill-rule"] == "evenodd" }
        #expect(paths.count == 1)
        #expect(paths.first?.attributes["d"]?.filter { $0 == "M" }.count == 2)
    }

    @Test func sizeScaleMakesAreaProportionalToValue() {
        let scale = SizeScale(maxValue: 2500, maxRadius: 20)
        #expect(scale.radius(for: 2500) == 20)
        #expect(scale.radius(for: 625) == 10)
        for (a, b) in [(100.0, 400.0), (300, 2500), (50, 1234.5)] {
            let ratio = (scale.radius(for: a) * scale.radius(for: a)) / (scale.radius(for: b) * scale.radius(for: b))
            #expect(abs(ratio - a / b) < 1e-12)
        }
        #expect(SizeScale(maxValue: 3400).legendValues == [2000, 500, 100])
        let entries = scale.legendEntries(title: "建筑面积", style: MapStyle(fill: "#333333")) { "\(Int($0))" }
        #expect(entries.first == .heading("建筑面积"))
        #expect(entries.dropFirst().map { if case .point(_, let s) = $0 { s.pointRadius } else { -1 } }
            == [2000, 500, 100].map { scale.radius(for: $0) })
    }

    @Test func bigCirclesAreDrawnFirst() throws {
        let small = MapFeature(.point(Point(x: 0, y: 0)), style: MapStyle(fill: "#000000", pointRadius: 3))
        let big = MapFeature(.point(Point(x: 50, y: 50)), style: MapStyle(fill: "#000000", pointRadius: 12))
        let map = SVGMap(crsName: "EPSG:4544", layers: [MapLayer(name: "facilities", features: [small, big])])
        let svg = try #require(ParsedXML(map.render()))
        // The legend has no circles here, so these are the two features in drawing order.
        #expect(svg.all("circle").map { $0.attributes["r"] } == ["12", "3"])
    }

    @Test func namesAreEscapedAndSurviveParsing() throws {
        let name = #"<script>alert("x")</script> & 'Tom's' 社区"#
        let map = SVGMap(crsName: "EPSG:4544 & <local>", title: name, layers: [
            MapLayer(name: name, features: [MapFeature(.polygon(Polygon(exterior: rectangle(0, 0, 500, 500))),
                                                       style: .status(.fail), title: name)]),
        ], legend: [.area(name, .status(.fail))])
        let markup = map.render()
        #expect(!markup.contains("<script"))
        #expect(markup.contains("&lt;script&gt;"))
        #expect(markup.contains("&amp;"))
        let svg = try #require(ParsedXML(markup))
        #expect(svg.all("title").allSatisfy { $0.text == name })
        #expect(svg.all("title").count == 2)
        #expect(svg.all("text").contains { $0.text == name })
        #expect(svg.all("text").contains { $0.text == "坐标系：EPSG:4544 & <local>" })
    }

    @Test func everyKindOfFeatureMakesWellFormedSVG() throws {
        let features = [
            MapFeature(.polygon(Polygon(exterior: rectangle(0, 0, 1000, 800))), style: .status(.insufficient), title: "A"),
            MapFeature(.lineString(LineString([Coordinate(0, 0), Coordinate(1000, 800)])),
                       style: MapStyle(stroke: "#555555", strokeWidth: 1.5, dash: [4, 2]), title: "road"),
            MapFeature(.multiPoint([Point(x: 100, y: 100), Point(x: 900, y: 700)]), style: MapStyle(fill: "#000000"), title: "two"),
            MapFeature(.geometryCollection([.point(Point(x: 500, y: 400)), .polygon(Polygon(exterior: rectangle(10, 10, 20, 20)))]),
                       style: MapStyle(fill: "#ff0000")),
        ]
        let map = SVGMap(crsName: "EPSG:4544", language: .en, layers: [MapLayer(name: "all", features: features)],
                         legend: [.heading("Status"), .area("Pass", .status(.pass)), .line("Road", MapStyle(stroke: "#555555")),
                                  .point("Facility", MapStyle(fill: "#000000", pointRadius: 10))])
        let svg = try #require(ParsedXML(map.render()))
        #expect(svg.elements.first?.name == "svg")
        #expect(svg.all("text").contains { $0.text == "Legend" })
        #expect(svg.all("text").contains { $0.text == "N" })
        // A multi-part feature keeps one tooltip, on its group.
        #expect(svg.all("title").map(\.text) == ["A", "road", "two"])
    }

    @Test func coordinatesAreRoundedToATenthOfAPixel() {
        #expect(svgNumber(212.04) == "212")
        #expect(svgNumber(212.06) == "212.1")
        #expect(svgNumber(-0.04) == "0")
        #expect(svgNumber(-3.25) == "-3.3")
        #expect(svgNumber(0.55, decimals: 2) == "0.55")
    }
}
