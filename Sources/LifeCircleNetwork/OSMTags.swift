/// Reads GDAL's `other_tags` column of an OSM layer: `"key"=>"value","key2"=>"value2"` (the HSTORE
/// text form), where GDAL puts a backslash before every `"` and `\` inside keys and values.
///
/// Parsed here rather than asking GDAL for real columns through a custom osmconf.ini, because
/// LifeCircleIO's `ReadOptions` has no way to pass the OSM driver's `CONFIG_FILE` open option.
/// Malformed text yields the pairs read before the fault.
func parseOSMOtherTags(_ text: String) -> [String: String] {
    var tags: [String: String] = [:]
    var chars = text.unicodeScalars.makeIterator()

    // The next quoted string, or nil at the end or on malformed text.
    func quoted() -> String? {
        while let c = chars.next() {
            if c == "\"" { break }
            if c != " " && c != "," { return nil }
        }
        var value = String.UnicodeScalarView()
        var escaped = false
        while let c = chars.next() {
            if escaped { value.append(c); escaped = false }
            else if c == "\\" { escaped = true }
            else if c == "\"" { return String(value) }
            else { value.append(c) }
        }
        return nil
    }

    while let key = quoted() {
        guard chars.next() == "=", chars.next() == ">", let value = quoted() else { break }
        tags[key] = value
    }
    return tags
}
