import Dispatch
import Foundation
import Synchronization

/// Splits index ranges over worker threads, each with its own pooled GEOS context.
public enum Workers {
    /// The number of workers to use by default: one per core.
    public static var defaultCount: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Runs `body` over `0..<count` in contiguous chunks on `workers` threads and returns the
    /// chunks' results in index order. `body` runs on several threads at once, each chunk with the
    /// GEOS context of the worker that took it; it must only read what the chunks share.
    public static func map<T>(count: Int, workers: Int, _ body: (Range<Int>, GEOSContext) -> T) -> [T] {
        let workers = max(1, min(workers, count))
        if workers == 1 { return [GEOSContextPool.shared.withContext { body(0..<count, $0) }] }
        // More chunks than workers, taken in turn, balances uneven work (dense and sparse parts of a city).
        let chunks = min(count, workers * 16)
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: chunks)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let next = Atomic<Int>(0)
        nonisolated(unsafe) let slots = results
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let body = body
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                GEOSContextPool.shared.withContext { context in
                    while true {
                        let chunk = next.add(1, ordering: .relaxed).oldValue
                        guard chunk < chunks else { return }
                        slots[chunk] = body((chunk * count / chunks)..<((chunk + 1) * count / chunks), context)
                    }
                }
            }
        }
        return results.map { $0! }
    }

    /// `make(i, context)` for every i in `0..<count`, on every core, in index order; the first
    /// error (by index) is thrown.
    static func mapAll<T>(count: Int, workers: Int = defaultCount,
                          _ make: (Int, GEOSContext) throws(GEOSError) -> T) throws(GEOSError) -> [T] {
        let chunks = map(count: count, workers: workers) { range, c -> Result<[T], GEOSError> in
            var made: [T] = []
            made.reserveCapacity(range.count)
            for i in range {
                do throws(GEOSError) { made.append(try make(i, c)) } catch { return .failure(error) }
            }
            return .success(made)
        }
        var all: [T] = []
        all.reserveCapacity(count)
        for chunk in chunks { all.append(contentsOf: try chunk.get()) }
        return all
    }

    /// `make(i, context)` for every i in `0..<count`, on `workers` threads, each result written
    /// straight into its place in the array returned: no per-chunk arrays, no copying them together
    /// (for 100,000 district results that copy, with its retains and reallocations, cost more than
    /// the work).
    public static func mapEach<T>(count: Int, workers: Int = defaultCount, _ make: (Int, GEOSContext) -> T) -> [T] {
        guard count > 0 else { return [] }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let slots = buffer.baseAddress!
            _ = map(count: count, workers: workers) { range, c in
                for i in range { (slots + i).initialize(to: make(i, c)) }
            }
            initialized = count
        }
    }
}
