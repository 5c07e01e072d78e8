import Foundation
import LifeCircleGeometry
import LifeCircleIO
import LifeCircleOutput
import Testing

/// The streaming writers against independent readers: Foundation's JSON parser and GDAL's
/// GeoJSON and CSV drivers.
@Suite struct StreamWriterTests {
    struct Share: Codable, Hashable, ParallelEncodable { var id: String; var weightM2: Double?; var parts: [Int] }
    struct Document: Codable, Hashable, Sendable {
        var name: String
        var floorAreaM2: Double
        var count: Int
        var flag: Bool
        var missing: String?
        var byKind: [String: Int]
        var shares: [Share]
        var nested: [[Double]]
        var empty: [String]
    }

    let sample = Document(
        name: "金凤区 \"一区\"\\\n\t/\u{1}", floorAreaM2: 1234.5, count: -42, flag: true, missing: nil,
        byKind: ["village": 2, "community": 3, "Z-A": 1],
        shares: (0..<5000).map { Share(id: "F\($0)", weightM2: $0 % 3 == 0 ? nil : Double($0) / 7, parts: [$0, -$0]) },
        nested: [[1e-7, 1e300, -0.0, 3], []], empty: [])

    @Test func encodesWhatFoundationDecodesBack() throws {
        // 5,000 shares: past the parallel threshold, so chunks written on several threads are joined.
        let bytes = try JSONStreamEncoder().encode(sample).flatMap(\.bytes)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        #expect(try decoder.decode(Document.self, from: Data(bytes)) == sample)
        let text = String(decoding: bytes, as: UTF8.self)
        // snake_case property names; dictionary keys as they are, sorted.
        #expect(text.hasPrefix(#"{"name":"金凤区 \"一区\"\\\n\t/\u0001","floor_area_m2":1234.5,"count":-42,"flag":true,"#))
        #expect(text.contains(#""by_kind":{"Z-A":1,"community":3,"village":2}"#))
        #expect(text.contains(#"{"id":"F3","parts":[3,-3]}"#))
        #expect(text.hasSuffix(#""nested":[[1e-07,1e+300,0,3],[]],"empty":[]}"#))
    }

    @Test func fixedDecimalsRoundAndTrim() {
        var b = TextBuffer()
        for (x, d) in [(106.23000004, 7), (-0.00000005, 7), (38.5, 7), (2.675, 2), (-12.0, 2), (0.1 + 0.2, 2), (1e20, 2)] as [(Double, Int)] {
            b.append(x, decimals: d)
            b.append(" ")
        }
        #expect(String(decoding: b.bytes, as: UTF8.self) == "106.23 -0.0000001 38.5 2.68 -12 0.3 1e+20 ")
    }

    @Test func geoJSONAndCSVReadBackThroughGDAL() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lifecircle-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A clockwise square with a hole in CGCS2000 / 3-degree GK CM 105E (EPSG:4544), near Yinchuan.
        let (x, y) = (500_000.0, 4_260_000.0)
        let square = Polygon(exterior: [Coordinate(x: x, y: y), Coordinate(x: x, y: y + 100), Coordinate(x: x + 100, y: y + 100),
                                        Coordinate(x: x + 100, y: y), Coordinate(x: x, y: y)],
                             interiors: [[Coordinate(x: x + 10, y: y + 10), Coordinate(x: x + 20, y: y + 10), Coordinate(x: x + 20, y: y + 20),
                                          Coordinate(x: x + 10, y: y + 10)]])
        let names = ["一区, \"东\"", "二区\n新", "=HYPERLINK(\"http://x\")"]
        let table = FeatureTable(
            fields: [FieldInfo(name: "name", type: .string), FieldInfo(name: "area", type: .real), FieldInfo(name: "n", type: .integer)],
            count: 3, epsg: 4544,
            geometry: { $0 == 0 ? .polygon(square) : nil },
            values: { [.string(names[$0]), $0 == 0 ? .double(9900.25) : .null, .int(Int64($0))] })
        let geojson = folder.appendingPathComponent("t.geojson").path
        try GeoJSONFile.write(table, layerName: "t", to: geojson)
        let read = try VectorSource(path: geojson).read()
        #expect(read.records.map { $0.attributes["name"]?.text } == names)
        #expect(read.records[0].attributes["area"]?.number == 9900.25)
        #expect(read.records[1].geometry == nil)
        // `echo "4260000 500000" | cs2cs -f %.7f EPSG:4544 EPSG:4326` gives 38.4729867 105.0000000.
        guard case .polygon(let p) = try #require(read.records[0].geometry) else { Issue.record("not a polygon"); return }
        #expect(abs(p.exterior[0].x - 105) < 1e-9)
        #expect(abs(p.exterior[0].y - 38.4729867) < 1e-7)
        #expect(p.interiors.count == 1)
        // RFC 7946: exterior counter-clockwise (the input was clockwise), holes clockwise.
        func signedArea(_ r: [Coordinate]) -> Double { zip(r, r.dropFirst()).reduce(0) { $0 + $1.0.x * $1.1.y - $1.1.x * $1.0.y } }
        #expect(signedArea(p.exterior) > 0)
        #expect(signedArea(p.interiors[0]) < 0)

        let csv = folder.appendingPathComponent("t.csv").path
        try CSVFile.write(table, to: csv)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csv))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let rows = try VectorSource(path: csv).read().records
        // A cell a spreadsheet would run as a formula is neutralised with an apostrophe (CSV only).
        #expect(rows.map { $0.attributes["name"]?.text } == names.prefix(2) + ["'" + names[2]])
        #expect(rows.map { $0.attributes["area"]?.number } == [9900.25, nil, nil])
        // Written whole: no temporary file is left beside the outputs.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["t.csv", "t.geojson"])
    }
}
