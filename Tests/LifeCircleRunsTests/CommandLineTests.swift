import Foundation
import Testing

/// The `lifecircle` executable as scripts call it: exit statuses, --json on stdout, progress and
/// errors on stderr. Runs the binary `swift build --build-tests` puts beside the tests.
@Suite struct CommandLineTests {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func lifecircle(_ arguments: [String]) throws -> Outcome {
        let binary = CommandRunTests.repository.appendingPathComponent(".build/debug/lifecircle").path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the lifecircle product first")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let (out, err) = (Pipe(), Pipe())
        (process.standardOutput, process.standardError) = (out, err)
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lifecircle-cli-\(UUID().uuidString)").path
    var check: [String] {
        ["check", "--districts", CommandRunTests.data("GeoData/demo/haidian_districts.geojson"),
         "--facilities", CommandRunTests.data("GeoData/demo/haidian_facilities_gcj02.csv"), "--facilities-from", "gcj02",
         "--rules", "yinchuan-2020", "--out", folder]
    }

    @Test func checkPrintsItsSummaryAsJSONAndItsStepsOnStderr() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try lifecircle(check + ["--json"])
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["command"] as? String == "check")
        #expect(((json["summary"] as? [String: Any])?["all"] as? [String: Any])?["districts"] as? Int == 6)
        #expect((json["written"] as? [String])?.count == 4)
        #expect(run.stderr.contains("check 6 districts against yinchuan-2020"))
        // --quiet: nothing on stderr.
        #expect(try lifecircle(check + ["--json", "--quiet"]).stderr.isEmpty)
    }

    @Test func exitStatusesSayWhatWentWrong() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Three of the six Haidian districts fail: 1 with --fail-on-noncompliance.
        #expect(try lifecircle(check + ["--fail-on-noncompliance", "--quiet"]).status == 1)
        // Bad usage: 64, an unknown pack name included.
        #expect(try lifecircle(check + ["--persons-per-household", "0"]).status == 64)
        var unknownPack = check
        unknownPack[unknownPack.firstIndex(of: "yinchuan-2020")!] = "yinchuan-2099"
        let unknown = try lifecircle(unknownPack)
        #expect(unknown.status == 64 && unknown.stderr.contains("no rule pack named \"yinchuan-2099\""))
        // Bad input: 65, with the file named.
        let missing = try lifecircle(["check", "--districts", "/nonexistent/districts.geojson", "--facilities", "/nonexistent/f.csv",
                                      "--rules", "yinchuan-2020", "--out", folder])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("/nonexistent/districts.geojson"))
    }

    @Test func anUnplaceableLayerIsToldWhichOptionDeclaresItsCRS() throws {
        // Facilities in metres with no CRS and no zone prefix: the numbers do not tell the zone, so
        // the run stops, and the message names this command's option for that layer.
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let facilities = folder + "/facilities.csv"
        try "id,x,y,floor_area_m2\nF1,500100,4260100,300\n".write(toFile: facilities, atomically: true, encoding: .utf8)
        let run = try lifecircle(["check", "--districts", CommandRunTests.data("GeoData/demo/haidian_districts.geojson"),
                                  "--facilities", facilities, "--rules", "yinchuan-2020", "--out", folder + "/out", "--quiet"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("facilities.csv") && run.stderr.contains("(pass --facilities-from with the data's CRS)"), "\(run.stderr)")
    }

    @Test func anOutputFolderHoldingTheInputsIsRefusedAndTheInputsKept() throws {
        // The districts sit in the output folder under the name an output would take.
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let districts = folder + "/compliance.geojson"
        try FileManager.default.copyItem(atPath: CommandRunTests.data("GeoData/demo/haidian_districts.geojson"), toPath: districts)
        let before = try Data(contentsOf: URL(fileURLWithPath: districts))
        let run = try lifecircle(["check", "--districts", folder + "/./compliance.geojson",
                                  "--facilities", CommandRunTests.data("GeoData/demo/haidian_facilities_gcj02.csv"),
                                  "--facilities-from", "gcj02", "--rules", "yinchuan-2020", "--out", folder, "--quiet"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("would be written over the input"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: districts)) == before)
        #expect(!FileManager.default.fileExists(atPath: folder + "/compliance.json"))
    }

    @Test func numbersBeyondAnyPlanAreRefusedWhereTheyEnter() throws {
        let base = ["coverage", "--demand", CommandRunTests.data("GeoData/demo/haidian_districts.geojson"),
                    "--facilities", CommandRunTests.data("GeoData/demo/haidian_facilities_gcj02.csv"), "--out", folder]
        for bad in [["--radius", "inf"], ["--radius", "1e19"], ["--radius", "-5"], ["--max-snap", "nan"]] {
            let run = try lifecircle(base + bad)
            #expect(run.status == 64, "\(bad)")
            #expect(run.stderr.contains(bad[0]), "\(bad): \(run.stderr)")
        }
        let network = try lifecircle(base + ["--network", CommandRunTests.data("GeoData/osm/beijing_haidian_wudaokou_2017.osm.pbf"),
                                             "--minutes", "1e300"])
        #expect(network.status == 64 && network.stderr.contains("--minutes"))
    }

    @Test func anOutputFolderThatIsAFileIsSaidInWords() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/taken"))
        let run = try lifecircle(Array(check.dropLast()) + [folder + "/taken", "--quiet"])
        #expect(run.status == 73)
        #expect(run.stderr.contains("the output folder is a file") && !run.stderr.contains("NSCocoaErrorDomain"), "\(run.stderr)")
    }
}
