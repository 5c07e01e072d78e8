import CGEOS

/// What GEOS says of a geometry's validity.
public struct ValidityReport: Sendable, Hashable {
    public var isValid: Bool
    /// GEOS's reason, e.g. "Self-intersection[116.31 40.0]"; "Valid Geometry" when valid.
    public var reason: String
}

extension NativeGeometry {
    public func validity() throws(GEOSError) -> ValidityReport {
        try withContext { c throws(GEOSError) in
            let valid = try c.predicate(GEOSisValid_r(c.handle, pointer), operation: "is-valid")
            let reason = c.takeString(GEOSisValidReason_r(c.handle, pointer)) ?? (valid ? "Valid Geometry" : "unknown")
            return ValidityReport(isValid: valid, reason: reason)
        }
    }

    /// Repairs an invalid geometry with GEOS's "structure" method, which keeps polygonal
    /// input polygonal (a bow-tie becomes two triangles rather than lines).
    public func madeValid() throws(GEOSError) -> NativeGeometry {
        try withContext { c throws(GEOSError) in
            let h = c.handle
            guard let params = GEOSMakeValidParams_create_r(h) else {
                throw GEOSError.operationFailed("make-valid", c.takeError() ?? "no parameters")
            }
            defer { GEOSMakeValidParams_destroy_r(h, params) }
            GEOSMakeValidParams_setMethod_r(h, params, GEOS_MAKE_VALID_STRUCTURE)
            GEOSMakeValidParams_setKeepCollapsed_r(h, params, 0)
            return try c.adopt(GEOSMakeValidWithParams_r(h, pointer, params), operation: "make-valid")
        }
    }
}
