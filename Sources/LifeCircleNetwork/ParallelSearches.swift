import Dispatch
import LifeCircleGEOS
import Synchronization

/// Searches from many sources, each alone — a service area per facility, a coverage set per
/// candidate site — spread over worker threads. Each worker has a `NetworkSearch` workspace of its
/// own (all sharing one set of arcs), made once with this object and kept for every later call.
public final class ParallelSearches: @unchecked Sendable {
    public let graph: StreetGraph
    public let profile: TravelProfile
    /// Worker `w` of a call uses `workspaces[w]` and no other; `calls` lets one call run at a time.
    /// That is what makes sharing this object between threads safe.
    private let workspaces: [NetworkSearch]
    private let calls = Mutex<Void>(())

    public var workers: Int { workspaces.count }

    public init(graph: StreetGraph, profile: TravelProfile, workers: Int = Workers.defaultCount) {
        self.graph = graph
        self.profile = profile
        let first = NetworkSearch(graph: graph, profile: profile)
        workspaces = [first] + (1..<max(1, workers)).map { _ in NetworkSearch(sharingArcsOf: first) }
    }

    /// For each source alone, a search within `cutoff` seconds, then `body(index, search)` on that
    /// search's results, on the workers; the results in the order of `sources`. `body` runs on
    /// several threads at once, each with its own search. The first error thrown is rethrown.
    public func map<T>(_ sources: [SnapResult], cutoff: Double?,
                       _ body: (Int, NetworkSearch) throws -> T) throws -> [T] {
        var answers: [T] = []
        try calls.withLock { _ in
            let count = sources.count
            let slots = UnsafeMutableBufferPointer<Result<T, any Error>?>.allocate(capacity: count)
            slots.initialize(repeating: nil)
            defer { slots.deinitialize().deallocate() }
            nonisolated(unsafe) let results = slots
            let next = Atomic<Int>(0)
            withoutActuallyEscaping(body) { body in
                nonisolated(unsafe) let body = body
                nonisolated(unsafe) let workspaces = self.workspaces
                DispatchQueue.concurrentPerform(iterations: min(workspaces.count, max(count, 1))) { w in
                    let search = workspaces[w]
                    while true {
                        let i = next.add(1, ordering: .relaxed).oldValue
                        guard i < count else { return }
                        search.run(from: [sources[i]], cutoff: cutoff)
                        results[i] = Result { try body(i, search) }
                    }
                }
            }
            answers = try results.map { try $0!.get() }
        }
        return answers
    }
}
