import CGEOS

/// A geometry prepared for many predicate tests against it (indexed edges, cached point locator).
///
/// GEOS builds a prepared geometry's internals lazily, on the first test of each kind, and that
/// build is not thread-safe: call `warm(for:)` before sharing it between threads.
public final class PreparedGeometry: @unchecked Sendable {
    public let base: NativeGeometry
    let pointer: OpaquePointer

    public convenience init(_ base: NativeGeometry) throws(GEOSError) {
        try self.init(base, adopting: GEOSContextPool.shared.withContext { c throws(GEOSError) in try Self.prepare(base, c) })
    }

    /// Prepares `base` with a context the caller holds (a worker's).
    convenience init(_ base: NativeGeometry, _ c: GEOSContext) throws(GEOSError) {
        try self.init(base, adopting: Self.prepare(base, c))
    }

    private init(_ base: NativeGeometry, adopting pointer: OpaquePointer) {
        self.base = base
        self.pointer = pointer
    }

    private static func prepare(_ base: NativeGeometry, _ c: GEOSContext) throws(GEOSError) -> OpaquePointer {
        guard let prepared = GEOSPrepare_r(c.handle, base.pointer) else {
            throw GEOSError.operationFailed("prepare", c.takeError() ?? "no message")
        }
        return prepared
    }

    deinit {
        let pointer = self.pointer
        GEOSContextPool.shared.withContext { GEOSPreparedGeom_destroy_r($0.handle, pointer) }
    }

    /// `self.predicate(other)`, e.g. `.contains` asks whether this geometry contains `other`.
    public func evaluate(_ predicate: SpatialPredicate, _ other: NativeGeometry) throws(GEOSError) -> Bool {
        try withExtendedLifetime(other) { () throws(GEOSError) in
            try GEOSContextPool.shared.withContext { c throws(GEOSError) in
                try c.predicate(test(predicate, other.pointer, c.handle), operation: "prepared \(predicate.rawValue)")
            }
        }
    }

    public func isWithinDistance(_ distance: Double, of other: NativeGeometry) throws(GEOSError) -> Bool {
        try withExtendedLifetime(other) { () throws(GEOSError) in
            try GEOSContextPool.shared.withContext { c throws(GEOSError) in
                try c.predicate(GEOSPreparedDistanceWithin_r(c.handle, pointer, other.pointer, distance),
                                operation: "prepared distance-within")
            }
        }
    }

    /// A GEOS prepared-predicate function: (context, prepared, other) → 1 true, 0 false, 2 error.
    typealias Test = @convention(c) (GEOSContextHandle_t?, OpaquePointer?, OpaquePointer?) -> CChar

    /// The GEOS function for `predicate`, chosen once by hot loops rather than per test.
    static func function(for predicate: SpatialPredicate) -> Test {
        switch predicate {
        case .intersects: GEOSPreparedIntersects_r
        case .contains: GEOSPreparedContains_r
        case .within: GEOSPreparedWithin_r
        case .covers: GEOSPreparedCovers_r
        case .coveredBy: GEOSPreparedCoveredBy_r
        }
    }

    func test(_ predicate: SpatialPredicate, _ other: OpaquePointer, _ h: GEOSContextHandle_t) -> CChar {
        Self.function(for: predicate)(h, pointer, other)
    }

    /// Builds the lazy internals a test of this kind needs, so later tests from many threads only read.
    func warm(for predicate: SpatialPredicate?, _ c: GEOSContext) {
        guard let probe = base.envelope?.center else { return }
        let h = c.handle
        guard let point = GEOSGeom_createPointFromXY_r(h, probe.x, probe.y) else { return }
        defer { GEOSGeom_destroy_r(h, point) }
        if let predicate {
            _ = test(predicate, point, h)
        } else {
            _ = GEOSPreparedDistanceWithin_r(h, pointer, point, 0)
        }
        _ = c.takeError()
    }
}
