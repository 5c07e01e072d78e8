import Dispatch
import Foundation
import Synchronization

/// Splits index ranges over worker threads: the one concurrency mechanism of the package.
public enum Workers {
    /// The number of workers to use by default: one per core.
    public static var defaultCount: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Runs `body(range, worker)` over `0..<count` in contiguous chunks on `workers` threads and
    /// returns the chunks' results in index order. `worker` (in `0..<workers`) names the thread that
    /// took the chunk, for state a thread keeps to itself (a PROJ transformer, a search workspace).
    /// `body` runs on several threads at once; it must only read what the chunks share.
    public static func split<T>(count: Int, workers: Int = defaultCount, _ body: (Range<Int>, _ worker: Int) -> T) -> [T] {
        let workers = max(1, min(workers, count))
        if workers == 1 { return [body(0..<count, 0)] }
        // More chunks than workers, taken in turn, balances uneven work (dense and sparse parts of a city).
        let chunks = min(count, workers * 16)
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: chunks)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let next = Atomic<Int>(0)
        nonisolated(unsafe) let slots = results
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let body = body
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                while true {
                    let chunk = next.add(1, ordering: .relaxed).oldValue
                    guard chunk < chunks else { return }
                    slots[chunk] = body((chunk * count / chunks)..<((chunk + 1) * count / chunks), worker)
                }
            }
        }
        return results.map { $0! }
    }

    /// `make(i)` for every i in `0..<count`, on `workers` threads, each result written straight into
    /// its place in the array returned: no per-chunk arrays, no copying them together (for 100,000
    /// district results that copy, with its retains and reallocations, cost more than the work).
    public static func mapEach<T>(count: Int, workers: Int = defaultCount, _ make: (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let slots = buffer.baseAddress!
            _ = split(count: count, workers: workers) { range, _ in
                for i in range { (slots + i).initialize(to: make(i)) }
            }
            initialized = count
        }
    }

    /// Runs independent jobs (writing four output files) on `workers` threads; the first error, in
    /// the jobs' order, is thrown after all have run.
    public static func runAll(_ jobs: [() throws -> Void], workers: Int = defaultCount) throws {
        let outcomes = split(count: jobs.count, workers: workers) { range, _ in
            range.map { i -> (any Error)? in
                do { try jobs[i]() } catch { return error }
                return nil
            }
        }
        if let error = outcomes.joined().compactMap({ $0 }).first { throw error }
    }
}
