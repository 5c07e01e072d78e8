import CGEOS
import LifeCircleGeometry

/// A geometry held in GEOS's own memory, for repeated work without re-conversion.
///
/// Immutable once made. Its envelope is computed at creation, because GEOS computes some
/// envelopes lazily and that first computation must not race between threads.
public final class NativeGeometry: @unchecked Sendable {
    let pointer: OpaquePointer
    /// The bounding box; nil for an empty geometry.
    public let envelope: Envelope?

    init(adopting pointer: OpaquePointer, context: GEOSContext) {
        self.pointer = pointer
        self.envelope = Self.envelope(of: pointer, context)
    }

    /// Wraps what `make` returns (a new GEOS geometry or nil on error), using one pooled context.
    init(operation: String, _ make: (GEOSContext) throws(GEOSError) -> OpaquePointer?) throws(GEOSError) {
        (pointer, envelope) = try GEOSContextPool.shared.withContext { (c) throws(GEOSError) in
            guard let made = try make(c) else {
                throw GEOSError.operationFailed(operation, c.takeError() ?? "no message")
            }
            return (made, Self.envelope(of: made, c))
        }
    }

    /// Converts a value geometry into GEOS.
    public convenience init(_ geometry: Geometry) throws(GEOSError) {
        try self.init(operation: "create \(geometry.typeName)") { GeometryConversion.makeNative(geometry, $0) }
    }

    /// Converts a value geometry into GEOS with a context the caller holds (a worker's).
    convenience init(_ geometry: Geometry, _ c: GEOSContext) throws(GEOSError) {
        guard let made = GeometryConversion.makeNative(geometry, c) else {
            throw GEOSError.operationFailed("create \(geometry.typeName)", c.takeError() ?? "no message")
        }
        self.init(adopting: made, context: c)
    }

    deinit {
        // GEOSGeom_destroy_r uses the handle only to check that it is initialised.
        let pointer = self.pointer
        GEOSContextPool.shared.withContext { GEOSGeom_destroy_r($0.handle, pointer) }
    }

    private static func envelope(of pointer: OpaquePointer, _ c: GEOSContext) -> Envelope? {
        let h = c.handle
        guard GEOSisEmpty_r(h, pointer) == 0 else { return nil }
        var minX = 0.0, minY = 0.0, maxX = 0.0, maxY = 0.0
        GEOSGeom_getXMin_r(h, pointer, &minX)
        GEOSGeom_getYMin_r(h, pointer, &minY)
        GEOSGeom_getXMax_r(h, pointer, &maxX)
        GEOSGeom_getYMax_r(h, pointer, &maxY)
        return Envelope(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
    }

    /// Back to a value geometry.
    public var value: Geometry {
        GEOSContextPool.shared.withContext { GeometryConversion.makeValue(pointer, $0) }
    }

    /// GEOS's name of the type, e.g. "Polygon".
    public var typeName: String {
        GEOSContextPool.shared.withContext { c in c.takeString(GEOSGeomType_r(c.handle, pointer)) ?? "Unknown" }
    }

    public var isEmpty: Bool { envelope == nil }
}
