import LifeCircleGeometry

/// Failures of CRS parsing, lookup and transformation, each worded for the person who chose the CRS.
public enum CRSError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text names no CRS this tool understands.
    case unrecognized(String)
    /// PROJ knows no CRS with this EPSG code; `reason` is PROJ's own message.
    case unknownEPSG(Int, reason: String)
    /// PROJ knows both CRSs but found no way between them.
    case noTransformation(from: CRS, to: CRS, reason: String)
    /// A coordinate came out as HUGE_VAL or otherwise not finite.
    case transformFailed(Coordinate, from: CRS, to: CRS, reason: String)

    public var description: String {
        switch self {
        case .unrecognized(let text):
            "\"\(text)\" is not a CRS this tool knows. Use an EPSG code (\"EPSG:4490\" or \"4490\"), "
                + "\"wgs84\", \"cgcs2000\", \"gcj02\" (Amap, Tencent) or \"bd09\" (Baidu)."
        case .unknownEPSG(let code, let reason):
            "PROJ does not know EPSG:\(code) as a coordinate reference system (\(reason)). Check the code: "
                + "CGCS2000 is EPSG:4490, its 3-degree Gauss-Krüger zones are EPSG:4534–4554 (central meridian) "
                + "and EPSG:4513–4533 (easting with zone prefix)."
        case .noTransformation(let source, let target, let reason):
            "PROJ found no transformation from \(source) to \(target) (\(reason))."
        case .transformFailed(let c, let source, let target, let reason):
            "cannot transform (\(c.x), \(c.y)) from \(source) to \(target) (\(reason)). "
                + "Check that the data really is in \(source)."
        }
    }
}
