import LifeCircleGEOS
import LifeCircleWorkers
import Synchronization

/// Searches from many sources, each alone — a service area per facility, a coverage set per
/// candidate site — spread over worker threads. Each worker has a `NetworkSearch` workspace of its
/// own (all sharing one set of arcs), made once with this object and kept for every later call.
public final class ParallelSearches: @unchecked Sendable {
    public let graph: StreetGraph
    public let profile: TravelProfile
    /// A workspace is used by one chunk at a time (borrowed from the call's free list), and `calls`
    /// lets one call run at a time: that is what makes sharing this object between threads safe.
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
            // `Workers` shares the sources out in chunks; a chunk borrows a free workspace, and
            // there are never more chunks at work than workspaces.
            let free = Mutex(Array(workspaces.indices))
            let chunks = Workers.map(count: sources.count, workers: workspaces.count) { range, _ -> Result<[T], any Error> in
                let w = free.withLock { $0.removeLast() }
                defer { free.withLock { $0.append(w) } }
                let search = workspaces[w]
                return Result {
                    try range.map { i in
                        search.run(from: [sources[i]], cutoff: cutoff)
                        return try body(i, search)
                    }
                }
            }
            answers = try chunks.flatMap { try $0.get() }
        }
        return answers
    }
}
