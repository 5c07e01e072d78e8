import CGEOS
import Foundation

// WKT and WKB through GEOS's own readers and writers.
extension NativeGeometry {
    public convenience init(wkt: String) throws(GEOSError) {
        try self.init(operation: "read WKT") { c throws(GEOSError) in
            let h = c.handle
            let reader = GEOSWKTReader_create_r(h)
            defer { GEOSWKTReader_destroy_r(h, reader) }
            guard let g = GEOSWKTReader_read_r(h, reader, wkt) else {
                throw GEOSError.invalidInput("unreadable WKT: \(c.takeError() ?? String(wkt.prefix(60)))")
            }
            return g
        }
    }

    public convenience init(wkb: Data) throws(GEOSError) {
        try self.init(operation: "read WKB") { c throws(GEOSError) in
            let h = c.handle
            let reader = GEOSWKBReader_create_r(h)
            defer { GEOSWKBReader_destroy_r(h, reader) }
            let g = wkb.withUnsafeBytes { GEOSWKBReader_read_r(h, reader, $0.bindMemory(to: UInt8.self).baseAddress, $0.count) }
            guard let g else { throw GEOSError.invalidInput("unreadable WKB: \(c.takeError() ?? "\(wkb.count) bytes")") }
            return g
        }
    }

    /// WKT with trailing zeros trimmed; `precision` decimals when given.
    public func wkt(precision: Int32? = nil) -> String {
        GEOSContextPool.shared.withContext { c in
            let h = c.handle
            let writer = GEOSWKTWriter_create_r(h)
            defer { GEOSWKTWriter_destroy_r(h, writer) }
            GEOSWKTWriter_setTrim_r(h, writer, 1)
            if let precision { GEOSWKTWriter_setRoundingPrecision_r(h, writer, precision) }
            return withExtendedLifetime(self) { c.takeString(GEOSWKTWriter_write_r(h, writer, pointer)) ?? "" }
        }
    }

    /// ISO WKB, little-endian, 2-D.
    public func wkb() -> Data {
        GEOSContextPool.shared.withContext { c in
            let h = c.handle
            let writer = GEOSWKBWriter_create_r(h)
            defer { GEOSWKBWriter_destroy_r(h, writer) }
            var size = 0
            guard let bytes = withExtendedLifetime(self, { GEOSWKBWriter_write_r(h, writer, pointer, &size) }) else { return Data() }
            defer { GEOSFree_r(h, bytes) }
            return Data(bytes: bytes, count: size)
        }
    }
}
