import CPROJ
import Foundation
import LifeCircleGeometry

/// A PROJ transformation between two EPSG CRSs, with x = longitude/easting and y = latitude/northing
/// on both sides whatever the CRSs' axis order.
///
/// Thread-safe: it owns its PROJ context and uses it under a lock (a PROJ context serves one thread
/// at a time). `Synchronization.Mutex` would need macOS 15; the package supports macOS 14.
/// Get one from `TransformerCache` rather than creating it per use: creation costs 10–32 ms.
public final class Transformer: @unchecked Sendable {
    public let source: CRS
    public let target: CRS

    // Guards the PROJ objects below.
    private let lock = NSLock()
    private let context: PROJContext
    private let pj: OpaquePointer

    public init(fromEPSG sourceCode: Int, toEPSG targetCode: Int) throws {
        let source = CRS.epsg(sourceCode), target = CRS.epsg(targetCode)
        // Looked up first so that a bad code is named with PROJ's reason.
        _ = try source.definition()
        _ = try target.definition()

        let context = PROJContext()
        guard let raw = proj_create_crs_to_crs(context.handle, "EPSG:\(sourceCode)", "EPSG:\(targetCode)", nil)
        else {
            throw CRSError.noTransformation(
                from: source, to: target, reason: context.takeMessages() ?? "no reason given")
        }
        defer { proj_destroy(raw) }
        // EPSG:4490 and 4326 are lat/lon and the Gauss-Krüger CRSs northing/easting by definition.
        guard let normalized = proj_normalize_for_visualization(context.handle, raw) else {
            throw CRSError.noTransformation(
                from: source, to: target, reason: context.takeMessages() ?? "axis normalisation failed")
        }
        self.source = source
        self.target = target
        self.context = context
        pj = normalized
    }

    // The context is released after this body runs, so the PJ goes first, as PROJ requires.
    deinit { proj_destroy(pj) }

    public func transform(_ coordinate: Coordinate) throws -> Coordinate {
        try lock.withLock { try transformLocked(coordinate) }
    }

    /// All coordinates under one lock acquisition.
    public func transform(_ coordinates: [Coordinate]) throws -> [Coordinate] {
        try lock.withLock { try coordinates.map(transformLocked) }
    }

    public func transform(_ geometry: Geometry) throws -> Geometry {
        try lock.withLock { try geometry.mapCoordinates(transformLocked) }
    }

    private func transformLocked(_ c: Coordinate) throws -> Coordinate {
        let out = proj_trans(pj, PJ_FWD, proj_coord(c.x, c.y, 0, 0)).xy
        let result = Coordinate(x: out.x, y: out.y)
        // A failed point comes back as HUGE_VAL, not always with an error set.
        guard result.isFinite else {
            let errorCode = proj_errno(pj)
            proj_errno_reset(pj)
            let reason = context.takeMessages()
                ?? (errorCode != 0 ? proj_context_errno_string(context.handle, errorCode).map { String(cString: $0) } : nil)
                ?? "PROJ returned no finite result"
            throw CRSError.transformFailed(c, from: source, to: target, reason: reason)
        }
        return result
    }
}
