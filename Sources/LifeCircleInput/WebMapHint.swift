import LifeCircleIO

/// Signs that coordinates declared as WGS 84 are really web-map (GCJ-02 / BD-09) coordinates:
/// GeoJSON always declares WGS 84, so exports from Amap or Baidu carry the offset silently.
enum WebMapHint {
    /// Attributes in which exports name their coordinate system ("GCJ-02").
    static let crsFields: Set<String> = ["coord_sys", "coordsys", "crs", "坐标系"]

    /// A warning naming the sign, or nil when there is none.
    static func find(path: String, records: [FeatureRecord]) -> String? {
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        if let system = webMapSystem(in: fileName) {
            return "the file name says \(system): if so, declare its coordinates as \(system.flag) (it is declared as WGS 84, as GeoJSON always is)"
        }
        for record in records.prefix(50) {
            for (field, value) in record.attributes where crsFields.contains(field.lowercased()) {
                if let text = value.text, let system = webMapSystem(in: text) {
                    return "the field \(field) says \"\(text)\": declare the coordinates as \(system.flag) to read them as \(system)"
                }
            }
        }
        return nil
    }

    private struct System: CustomStringConvertible {
        var description: String
        var flag: String
    }

    private static func webMapSystem(in text: String) -> System? {
        let folded = text.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
        if folded.contains("gcj02") || text.contains("火星") { return System(description: "GCJ-02", flag: "gcj02") }
        if folded.contains("bd09") { return System(description: "BD-09", flag: "bd09") }
        return nil
    }
}
