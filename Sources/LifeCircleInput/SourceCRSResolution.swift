import LifeCircleCRS
import LifeCircleGeometry

/// Decides what CRS a layer's raw coordinates are in: the one the user gives, else the one
/// the file declares, else a guess from the numbers — and only a guess the numbers support
/// (degrees, or Gauss-Krüger eastings carrying their zone prefix). Anything else is refused with
/// the sanity check's message, because a wrong CRS silently moves every result.
enum SourceCRSResolution {
    struct Resolved {
        var crs: CRS
        var basis: String
        var basisZh: String
    }

    static func resolve(given: CRS?, declared: String?, envelope: Envelope, source: String, layer: String) throws -> Resolved {
        let declaredCRS = declared.flatMap { try? CRS(parsing: $0) }
        let (crs, basis, basisZh): (CRS?, String, String) = if let given {
            (given, "given by the user", "用户指定")
        } else if let declaredCRS {
            (declaredCRS, "declared by the file", "文件声明")
        } else {
            (nil, "", "")
        }
        let issues = CoordinateSanity.check(envelope, declared: crs)
        if let crs, issues.isEmpty { return Resolved(crs: crs, basis: basis, basisZh: basisZh) }
        // Undeclared coordinates: take the sanity check's suggestion, and say it was a guess.
        if crs == nil, let issue = issues.first, issue.kind == .missingCRS, let suggestion = issue.suggestion {
            let note = suggestion == .cgcs2000
                ? "guessed: no CRS declared and the numbers are degrees, taken as CGCS2000 (EPSG:4490); "
                    + "declare gcj02 for Amap/Tencent points or bd09 for Baidu"
                : "guessed from the Gauss-Krüger zone prefix of the eastings: \(suggestion)"
            let noteZh = suggestion == .cgcs2000
                ? "推断：文件未声明坐标系，数值为经纬度，按 CGCS2000（EPSG:4490）读取；高德、腾讯点位请声明 gcj02，百度点位请声明 bd09"
                : "由横坐标的高斯-克吕格带号推断：\(suggestion)"
            return Resolved(crs: suggestion, basis: note, basisZh: noteZh)
        }
        throw InputError.coordinates(source: source, layer: layer, issues: issues)
    }
}
