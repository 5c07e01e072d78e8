import Foundation

/// Paths to the data the tests read, found from this file's location.
enum TestData {
    static let geoData = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("GeoData")

    /// A file under GeoData/test/io (see its README for how each was made).
    static func io(_ name: String) -> String {
        geoData.appendingPathComponent("test/io").appendingPathComponent(name).path
    }

    static let wudaokouPBF = geoData.appendingPathComponent("osm/beijing_haidian_wudaokou_2017.osm.pbf").path

    /// A new empty folder for one test's output.
    static func scratchFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lifecircle-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
