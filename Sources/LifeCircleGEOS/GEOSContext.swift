import CGEOS

/// One GEOS context handle with its captured error and notice messages.
///
/// A context may be used by one thread at a time. Borrow one from `GEOSContextPool`
/// (or own one per worker); never create one per call — `GEOS_init_r` is costly and
/// writes process-global state without a lock.
public final class GEOSContext: @unchecked Sendable {
    let handle: GEOSContextHandle_t
    /// The last error GEOS reported on this context, cleared by `takeError()`.
    private(set) var lastError: String?

    init() {
        guard let handle = GEOS_init_r() else { fatalError("GEOS_init_r failed: out of memory") }
        self.handle = handle
        let me = Unmanaged.passUnretained(self).toOpaque()
        GEOSContext_setErrorMessageHandler_r(handle, { message, userdata in
            guard let message, let userdata else { return }
            Unmanaged<GEOSContext>.fromOpaque(userdata).takeUnretainedValue().lastError = String(cString: message)
        }, me)
        // Notices (e.g. "Self-intersection at ...") are informational: validity reasons come from isValidReason.
        GEOSContext_setNoticeMessageHandler_r(handle, { _, _ in }, me)
    }

    deinit { GEOS_finish_r(handle) }

    /// Returns and clears the last error message.
    func takeError() -> String? {
        defer { lastError = nil }
        return lastError
    }

    /// Wraps a new GEOS geometry (owned by the caller) or throws the context's error.
    func adopt(_ pointer: OpaquePointer?, operation: String) throws(GEOSError) -> NativeGeometry {
        guard let pointer else { throw GEOSError.operationFailed(operation, takeError() ?? "no message") }
        return NativeGeometry(adopting: pointer, context: self)
    }

    /// Reads a GEOS predicate result: 1 true, 0 false, 2 exception.
    func predicate(_ result: CChar, operation: String) throws(GEOSError) -> Bool {
        switch result {
        case 1: return true
        case 0: return false
        default: throw GEOSError.operationFailed(operation, takeError() ?? "no message")
        }
    }

    /// Reads a GEOS measure written through an out-parameter; the function returns 0 on exception.
    func measure(operation: String, _ body: (UnsafeMutablePointer<Double>) -> Int32) throws(GEOSError) -> Double {
        var value = 0.0
        guard body(&value) != 0 else { throw GEOSError.operationFailed(operation, takeError() ?? "no message") }
        return value
    }

    /// Copies and frees a string GEOS allocated.
    func takeString(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        defer { GEOSFree_r(handle, pointer) }
        return String(cString: pointer)
    }
}
