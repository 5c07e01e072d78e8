import Foundation

/// The repository's GeoData folder, found from this file's path.
let geoData = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("GeoData")

func dataPath(_ relative: String) -> String { geoData.appendingPathComponent(relative).path }

/// A fresh folder for files a test writes.
func scratchFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lifecircle-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Writes `text` to a file named `name` in a fresh folder and returns its path.
func writeFile(_ name: String, _ text: String) throws -> String {
    let url = try scratchFolder().appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
}
