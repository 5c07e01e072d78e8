import Foundation
import Testing

/// The catalogue of planners' mistakes, run through the `lifecircle` binary as a user would: each
/// bad input ends in a listed rejection naming the feature's field, or a refusal naming the file,
/// never in a silent answer; and every input feature is accounted for (evaluated + rejected = read).
@Suite struct BadInputCatalogueTests {
    /// What a case must end in.
    enum Expected: Sendable {
        /// The run succeeds; the bad feature alone is listed as rejected with a reason holding this text.
        case rejected(String)
        /// The run stops with this exit status and a message holding these texts.
        case refused(Int32, [String])
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// The layer the mistake is in.
        var layer: Layer
        /// The bad feature: a CSV row of the facilities, or a GeoJSON feature of the districts.
        var bad: String
        var expected: Expected
        /// The command run: `check` (districts, facilities) or `coverage` (the districts as demand units).
        var command: Command = .check
        var testDescription: String { "\(command.rawValue): \(name)" }
    }

    enum Command: String, Sendable { case check, coverage }

    enum Layer: Sendable { case facilities, districts }

    static let facilityHeader = "编号,名称,类型,建筑面积,床位,经度,纬度\n"
    static let facilityRows = "F01,站一,社区养老服务站,150,0,116.323530,40.012460\nF02,站二,日间照料中心,120,0,116.323823,40.012296\n"
    static let square = "[[[116.3179,39.9961],[116.3182,39.9945],[116.3196,39.9946],[116.3193,39.9963],[116.3179,39.9961]]]"
    static func district(_ id: String, households: String = "196", population: String = "600", geometry: String? = nil) -> String {
        #"{"type":"Feature","properties":{"编号":"\#(id)","名称":"\#(id)","状态":"老旧小区","户数":\#(households),"人口":\#(population)},"#
            + #""geometry":\#(geometry ?? #"{"type":"Polygon","coordinates":\#(square)}"#)}"#
    }

    static let cases: [Case] = [
        // Facility numbers: negative, not finite, absurd, text where a number belongs.
        Case(name: "negative floor area", layer: .facilities, bad: "F03,坏,站,-260,0,116.3236,40.0124",
             expected: .rejected("建筑面积 (floor_area_m2) is -260: negative")),
        Case(name: "NaN floor area", layer: .facilities, bad: "F03,坏,站,nan,0,116.3236,40.0124",
             expected: .rejected("建筑面积 (floor_area_m2) is nan: not a finite number")),
        Case(name: "infinite floor area", layer: .facilities, bad: "F03,坏,站,inf,0,116.3236,40.0124",
             expected: .rejected("建筑面积 (floor_area_m2) is inf: not a finite number")),
        Case(name: "absurd floor area", layer: .facilities, bad: "F03,坏,站,1e15,0,116.3236,40.0124",
             expected: .rejected("建筑面积 (floor_area_m2) is 1e15: beyond any real value")),
        Case(name: "floor area in words", layer: .facilities, bad: "F03,坏,站,一百,0,116.3236,40.0124",
             expected: .rejected("建筑面积 (floor_area_m2) is \"一百\": not a number")),
        Case(name: "floor area with its unit", layer: .facilities, bad: "F03,坏,站,120平方米,0,116.3236,40.0124",
             expected: .rejected("建筑面积 (floor_area_m2) is \"120平方米\": not a number")),
        Case(name: "negative beds", layer: .facilities, bad: "F03,坏,站,100,-5,116.3236,40.0124",
             expected: .rejected("床位 (capacity) is -5: negative")),
        // Facility coordinates: missing, unparsable, not finite, a typing slip.
        Case(name: "empty longitude", layer: .facilities, bad: "F03,坏,站,100,0,,40.0124",
             expected: .rejected("missing coordinates: 经度 is empty")),
        Case(name: "empty longitude and latitude", layer: .facilities, bad: "F03,坏,站,100,0,,",
             expected: .rejected("missing coordinates: 经度 and 纬度 are empty")),
        Case(name: "latitude with two points", layer: .facilities, bad: "F03,坏,站,100,0,116.3236,40.01.24",
             expected: .rejected("unparsable number \"40.01.24\" in column 纬度")),
        Case(name: "infinite longitude", layer: .facilities, bad: "F03,坏,站,100,0,inf,40.0124",
             expected: .rejected("unparsable number \"inf\" in column 经度")),
        Case(name: "latitude 95 among three rows", layer: .facilities, bad: "F03,坏,站,100,0,116.3236,95",
             expected: .rejected("beyond ±180° / ±90°, where the layer's other rows are degrees")),
        // Districts: numbers and geometry types.
        Case(name: "negative households", layer: .districts, bad: district("D9", households: "-44"),
             expected: .rejected("户数 (households) is -44: negative")),
        Case(name: "absurd households", layer: .districts, bad: district("D9", households: "1e15"),
             expected: .rejected("beyond any real value")),
        Case(name: "households in words", layer: .districts, bad: district("D9", households: "\"二百\""),
             expected: .rejected("户数 (households) is \"二百\": not a number")),
        Case(name: "a line as a district", layer: .districts,
             bad: district("D9", geometry: #"{"type":"LineString","coordinates":[[116.3179,39.9961],[116.3196,39.9946]]}"#),
             expected: .rejected("LineString")),
        Case(name: "a point as a district", layer: .districts,
             bad: district("D9", geometry: #"{"type":"Point","coordinates":[116.3179,39.9961]}"#),
             expected: .rejected("Point")),
        Case(name: "a district without geometry", layer: .districts, bad: district("D9", geometry: "null"),
             expected: .rejected("geometry")),
        // Coverage: demand units' numbers and geometry, facilities' coordinates.
        Case(name: "negative population", layer: .districts, bad: district("D9", population: "-44000"),
             expected: .rejected("人口 (population) is -44000: negative"), command: .coverage),
        Case(name: "absurd population", layer: .districts, bad: district("D9", population: "1e15"),
             expected: .rejected("人口 (population) is 1000000000000000.0: beyond any real value (at most 100000000)"), command: .coverage),
        Case(name: "population in words", layer: .districts, bad: district("D9", population: "\"三千\""),
             expected: .rejected("人口 (population) is \"三千\": not a number"), command: .coverage),
        Case(name: "a line as a unit", layer: .districts,
             bad: district("D9", geometry: #"{"type":"LineString","coordinates":[[116.3179,39.9961],[116.3196,39.9946]]}"#),
             expected: .rejected("LineString"), command: .coverage),
        Case(name: "a facility at latitude 95", layer: .facilities, bad: "F03,坏,站,100,0,116.3236,95",
             expected: .rejected("beyond ±180° / ±90°"), command: .coverage),
        Case(name: "a facility without coordinates", layer: .facilities, bad: "F03,坏,站,100,0,,",
             expected: .rejected("missing coordinates"), command: .coverage),

        // Whole layers that cannot be used (`bad` is then the whole file): refused, naming the file.
        Case(name: "every facility unusable", layer: .facilities,
             bad: facilityHeader + "F03,坏,站,-1,0,116.3236,40.0124\nF04,坏,站,abc,0,,\n",
             expected: .refused(65, ["facilities.csv", "no usable feature", "F03", "is -1: negative"])),
        Case(name: "facilities without coordinate columns", layer: .facilities, bad: "编号,名称,建筑面积\nF1,站,100\n",
             expected: .refused(65, ["facilities.csv", "no coordinate columns", "编号, 名称, 建筑面积"])),
        Case(name: "an empty facilities file", layer: .facilities, bad: "",
             expected: .refused(65, ["facilities.csv"])),
        Case(name: "districts that are not GeoJSON", layer: .districts, bad: "<html>404 Not Found</html>",
             expected: .refused(65, ["districts.geojson"])),
        Case(name: "districts in metres declared as degrees", layer: .districts,
             bad: #"{"type":"FeatureCollection","features":["# + district("D1", geometry:
                #"{"type":"Polygon","coordinates":[[[505000,2493000],[505100,2493000],[505100,2493100],[505000,2493000]]]}"#) + "]}",
             expected: .refused(65, ["districts.geojson", "505000", "(pass --districts-from with the data's CRS)"])),
    ]

    @Test(arguments: cases) func endsInARejectionOrARefusal(_ c: Case) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lifecircle-catalogue-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let facilities = folder + "/facilities.csv", districts = folder + "/districts.geojson"
        let wholeFile = if case .refused = c.expected { true } else { false }
        let badRows = c.layer == .facilities && !wholeFile ? c.bad + "\n" : ""
        let badFeatures = c.layer == .districts && !wholeFile ? [c.bad] : []
        var facilityText = Self.facilityHeader + Self.facilityRows + badRows
        var districtText = #"{"type":"FeatureCollection","features":["#
            + ([Self.district("D1"), Self.district("D2", households: "300")] + badFeatures).joined(separator: ",") + "]}"
        if wholeFile { if c.layer == .facilities { facilityText = c.bad } else { districtText = c.bad } }
        try facilityText.write(toFile: facilities, atomically: true, encoding: .utf8)
        try districtText.write(toFile: districts, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: facilities))

        let arguments = switch c.command {
        case .check: ["check", "--districts", districts, "--rules", "yinchuan-2020"]
        case .coverage: ["coverage", "--demand", districts]
        }
        let run = try CommandLineTests().lifecircle(arguments + [
            "--facilities", facilities, "--facilities-from", "gcj02", "--out", folder + "/out", "--quiet"])
        let output = folder + "/out/" + (c.command == .check ? "compliance.json" : "coverage.json")
        #expect(try Data(contentsOf: URL(fileURLWithPath: facilities)) == before, "an input was changed")

        switch c.expected {
        case let .refused(status, texts):
            #expect(run.status == status, "\(run.stderr)")
            for text in texts { #expect(run.stderr.contains(text), "\(text) not in: \(run.stderr)") }
            #expect(!FileManager.default.fileExists(atPath: output))
        case let .rejected(reason):
            #expect(run.status == 0, "\(run.stderr)")
            let data = try Data(contentsOf: URL(fileURLWithPath: output))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let rejected = try #require(json["rejected"] as? [[String: Any]])
            #expect(rejected.count == 1, "\(rejected)")
            let entry = try #require(rejected.first)
            #expect((entry["reason"] as? String)?.contains(reason) == true, "\(entry)")
            #expect(entry["id"] as? String == (c.layer == .facilities ? "F03" : "D9"), "\(entry)")
            // Every feature accounted for: the good ones evaluated, the bad one listed.
            let inputs = try #require(json["inputs"] as? [[String: Any]])
            let counts = inputs.map { ($0["features"] as? Int ?? -1) + ($0["rejected"] as? Int ?? -1) }
            #expect(counts == (c.layer == .districts ? [3, 2] : [2, 3]), "\(inputs)")
            let layerIndex = c.layer == .districts ? 0 : 1
            #expect(inputs[layerIndex]["rejected"] as? Int == 1)
            #expect((json[c.command == .check ? "districts" : "units"] as? [Any])?.count == 2)
        }
    }
}
