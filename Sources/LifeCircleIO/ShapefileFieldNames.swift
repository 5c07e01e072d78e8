/// Field names for a Shapefile's .dbf, which holds at most 10 bytes per name in the file's encoding.
///
/// GDAL 3.6 cuts longer names at byte 10 even inside a multi-byte character ("建筑面积_m2" in UTF-8
/// becomes "建筑面" plus a stray byte), so names are shortened here at a character boundary, and
/// kept distinct (case-insensitively, as .dbf readers compare them) with a "_1", "_2" … suffix.
func shapefileFieldNames(_ names: [String], encoding: ShapefileEncoding) -> [String] {
    func byteCount(_ character: Character) -> Int {
        switch encoding {
        case .utf8: String(character).utf8.count
        // GBK holds ASCII in one byte and every other character it has in two.
        case .gbk: character.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 1 : 2) }
        }
    }
    func prefix(of name: String, fitting limit: Int) -> String {
        var result = ""
        var used = 0
        for character in name {
            used += byteCount(character)
            if used > limit { break }
            result.append(character)
        }
        return result
    }
    var taken = Set<String>()
    return names.map { name in
        var candidate = prefix(of: name, fitting: 10)
        var number = 1
        while !taken.insert(candidate.lowercased()).inserted {
            let suffix = "_\(number)"
            candidate = prefix(of: name, fitting: 10 - suffix.utf8.count) + suffix
            number += 1
        }
        return candidate
    }
}
