import CGEOS

/// A binary spatial predicate, read as `a.predicate(b)`.
public enum SpatialPredicate: String, Sendable, CaseIterable {
    case intersects, contains, within, covers, coveredBy
}

extension NativeGeometry {
    public func evaluate(_ predicate: SpatialPredicate, _ other: NativeGeometry) throws(GEOSError) -> Bool {
        try withExtendedLifetime(other) { () throws(GEOSError) in
            try withContext { c throws(GEOSError) in
                let h = c.handle, a = pointer, b = other.pointer
                let result: CChar = switch predicate {
                case .intersects: GEOSIntersects_r(h, a, b)
                case .contains: GEOSContains_r(h, a, b)
                case .within: GEOSWithin_r(h, a, b)
                case .covers: GEOSCovers_r(h, a, b)
                case .coveredBy: GEOSCoveredBy_r(h, a, b)
                }
                return try c.predicate(result, operation: predicate.rawValue)
            }
        }
    }

    public func intersects(_ other: NativeGeometry) throws(GEOSError) -> Bool { try evaluate(.intersects, other) }
    public func contains(_ other: NativeGeometry) throws(GEOSError) -> Bool { try evaluate(.contains, other) }
    public func within(_ other: NativeGeometry) throws(GEOSError) -> Bool { try evaluate(.within, other) }
    public func covers(_ other: NativeGeometry) throws(GEOSError) -> Bool { try evaluate(.covers, other) }
}
