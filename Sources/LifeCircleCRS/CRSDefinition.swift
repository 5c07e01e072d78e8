import CPROJ
import Foundation

/// What PROJ says about a CRS: its name and whether coordinates are degrees of longitude and latitude.
public struct CRSDefinition: Hashable, Sendable {
    public let crs: CRS
    /// PROJ's name, e.g. "CGCS2000 / 3-degree Gauss-Kruger CM 114E".
    public let name: String
    public let isGeographic: Bool
}

extension CRS {
    /// PROJ's definition of this CRS; throws `CRSError.unknownEPSG` for a code PROJ does not know as a
    /// CRS ("EPSG:n" is looked up among CRSs only, so an ellipsoid's or method's code is unknown too).
    public func definition() throws -> CRSDefinition {
        switch self {
        case .gcj02:
            CRSDefinition(crs: self, name: "GCJ-02 (offset WGS 84 of Amap and Tencent maps)", isGeographic: true)
        case .bd09:
            CRSDefinition(crs: self, name: "BD-09 (offset GCJ-02 of Baidu maps)", isGeographic: true)
        case .epsg(let code):
            try CRSCatalog.shared.definition(ofEPSG: code)
        }
    }
}

/// Looks EPSG codes up once each: opening proj.db costs milliseconds.
private final class CRSCatalog: @unchecked Sendable {
    static let shared = CRSCatalog()

    // Guards everything below.
    private let lock = NSLock()
    private let context = PROJContext()
    private var definitions: [Int: CRSDefinition] = [:]

    func definition(ofEPSG code: Int) throws -> CRSDefinition {
        try lock.withLock {
            if let known = definitions[code] { return known }
            guard let pj = proj_create(context.handle, "EPSG:\(code)") else {
                throw CRSError.unknownEPSG(code, reason: context.takeMessages() ?? "no reason given")
            }
            defer { proj_destroy(pj) }
            let type = proj_get_type(pj)
            let definition = CRSDefinition(
                crs: .epsg(code),
                name: proj_get_name(pj).map { String(cString: $0) } ?? "EPSG:\(code)",
                isGeographic: type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS)
            definitions[code] = definition
            return definition
        }
    }
}
