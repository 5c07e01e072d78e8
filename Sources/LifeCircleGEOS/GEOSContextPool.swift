import Synchronization

/// A pool of GEOS contexts: a caller borrows one for the duration of a closure.
///
/// Contexts are created on demand (at most one per concurrently borrowing thread) and reused,
/// so work pays for `GEOS_init_r` once per worker, not once per call.
public final class GEOSContextPool: Sendable {
    public static let shared = GEOSContextPool()

    private let idle = Mutex<[GEOSContext]>([])

    public init() {}

    public func withContext<R, E: Error>(_ body: (GEOSContext) throws(E) -> R) throws(E) -> R {
        let context = idle.withLock { $0.popLast() } ?? GEOSContext()
        defer { idle.withLock { $0.append(context) } }
        return try body(context)
    }
}
