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
    }

    static func resolve(given: CRS?, declared: String?, envelope: Envelope, source: String, layer: String) throws -> Resolved {
        let declaredCRS = declared.flatMap { try? CRS(parsing: $0) }
        let (crs, basis): (CRS?, String) = if let given {
            (given, "given by the user")
        } else if let declaredCRS {
            (declaredCRS, "declared by the file")
        } else {
            (nil, "")
        }
        let issues = CoordinateSanity.check(envelope, declared: crs)
        if let crs, issues.isEmpty { return Resolved(crs: crs, basis: basis) }
        // Undeclared coordinates: take the sanity check's suggestion, and say it was a guess.
        if crs == nil, let issue = issues.first, issue.kind == .missingCRS, let suggestion = issue.suggestion {
            let note = suggestion == .cgcs2000
                ? "guessed: no CRS declared and the numbers are degrees, taken as CGCS2000 (EPSG:4490); "
                    + "declare gcj02 for Amap/Tencent points or bd09 for Baidu"
                : "guessed from the Gauss-Krüger zone prefix of the eastings: \(suggestion)"
            return Resolved(crs: suggestion, basis: note)
        }
        throw InputError.coordinates(source: source, layer: layer, issues: issues)
    }
}
