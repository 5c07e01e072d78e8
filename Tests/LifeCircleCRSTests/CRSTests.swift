import LifeCircleCRS
import Testing

@Suite struct CRSTests {
    @Test(arguments: [
        ("4490", CRS.epsg(4490)), ("EPSG:4490", .epsg(4490)), ("epsg:4547", .epsg(4547)),
        (" EPSG:4526 ", .epsg(4526)), ("gcj02", .gcj02), ("GCJ-02", .gcj02), ("bd09", .bd09),
        ("BD-09", .bd09), ("wgs84", .epsg(4326)), ("WGS 84", .epsg(4326)), ("cgcs2000", .epsg(4490)),
        ("CGCS2000", .epsg(4490)),
    ])
    func parsesUserText(text: String, expected: CRS) throws {
        #expect(try CRS(parsing: text) == expected)
    }

    @Test(arguments: ["", "EPSG:", "EPSG:-5", "0", "gcj", "Beijing54", "EPSG:4490x"])
    func rejectsOtherText(text: String) {
        #expect(throws: CRSError.unrecognized(text)) { try CRS(parsing: text) }
    }

    @Test func describesItself() {
        #expect(CRS.epsg(4547).description == "EPSG:4547")
        #expect(CRS.gcj02.description == "GCJ-02")
        #expect(CRS.bd09.description == "BD-09")
    }

    @Test func definitionsComeFromPROJ() throws {
        let gk = try CRS.epsg(4547).definition()
        #expect(gk.name == "CGCS2000 / 3-degree Gauss-Kruger CM 114E")
        #expect(!gk.isGeographic)
        let cgcs = try CRS.cgcs2000.definition()
        #expect(cgcs.name == "China Geodetic Coordinate System 2000")
        #expect(cgcs.isGeographic)
        #expect(try CRS.gcj02.definition().isGeographic)
    }

    @Test func unknownCodeIsNamedWithPROJsReason() throws {
        let error = #expect(throws: CRSError.self) { try CRS.epsg(999999).definition() }
        let text = try #require(error).description
        #expect(text.contains("EPSG:999999"))
        // PROJ's errno text would be "Unknown error"; the log callback has the real one.
        #expect(!text.contains("Unknown error"))
        #expect(text.contains("not found"))
    }

    @Test func aCodeThatIsNotACRSIsRejected() {
        // EPSG:9807 is the Transverse Mercator method, a code planners meet in .prj files.
        #expect(throws: CRSError.self) { try CRS.epsg(9807).definition() }
    }
}
