import CGEOS
import LifeCircleWorkers
import LifeCircleGeometry
import Synchronization

/// Pairs of (input index, tree index) that satisfy a query, in input order — like shapely's
/// `STRtree.query` result.
public struct IndexPairs: Sendable, Equatable {
    public var input: [Int]
    public var tree: [Int]

    public init(input: [Int] = [], tree: [Int] = []) {
        self.input = input
        self.tree = tree
    }

    public var count: Int { input.count }

    /// How many inputs matched each tree geometry.
    public func countsPerTreeGeometry(treeCount: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: treeCount)
        for t in tree { counts[t] += 1 }
        return counts
    }

    mutating func append(contentsOf other: IndexPairs) {
        input.append(contentsOf: other.input)
        tree.append(contentsOf: other.tree)
    }
}

/// An STRtree over native geometries, with each geometry prepared for exact tests.
///
/// Queries return indices into `geometries`. The tree and prepared geometries are built and
/// warmed before any query is shared between threads (GEOS 3.11 builds both lazily).
public final class SpatialIndex: @unchecked Sendable {
    public let geometries: [NativeGeometry]
    private let prepared: [PreparedGeometry]
    /// `prepared`'s GEOS pointers, so hot loops make no retain/release per test; `prepared` keeps them alive.
    private let preparedPointers: [OpaquePointer]
    private let tree: GEOSTree
    private let warmedFor = Mutex<Set<String>>([])

    public init(_ geometries: [NativeGeometry], nodeCapacity: Int = 10) throws(GEOSError) {
        self.geometries = geometries
        // Prepared on every core (each geometry by one thread), like the warming below.
        prepared = try Workers.mapAll(count: geometries.count) { i, c throws(GEOSError) in try PreparedGeometry(geometries[i], c) }
        preparedPointers = prepared.map(\.pointer)
        tree = try GEOSTree(geometries, nodeCapacity: nodeCapacity)
        // The first query builds the tree; do it now, on one thread.
        GEOSContextPool.shared.withContext { c in
            guard let probe = GEOSGeom_createPointFromXY_r(c.handle, 0, 0) else { return }
            GEOSSTRtree_query_r(c.handle, tree.pointer, probe, { _, _ in }, nil)
            GEOSGeom_destroy_r(c.handle, probe)
        }
    }

    /// Builds an index over value geometries, converting them on every core.
    public convenience init(_ geometries: [Geometry], nodeCapacity: Int = 10) throws(GEOSError) {
        try self.init(try Workers.mapAll(count: geometries.count) { i, c throws(GEOSError) in try NativeGeometry(geometries[i], c) },
                      nodeCapacity: nodeCapacity)
    }

    public var count: Int { geometries.count }

    // MARK: Single queries

    /// Indices of the geometries whose envelopes intersect `envelope`, ascending.
    public func query(_ envelope: Envelope) -> [Int] {
        GEOSContextPool.shared.withContext { c in
            let h = c.handle
            guard let box = GEOSGeom_createRectangle_r(h, envelope.minX, envelope.minY, envelope.maxX, envelope.maxY) else { return [] }
            defer { GEOSGeom_destroy_r(h, box) }
            var candidates = CandidateBuffer()
            candidates.collect(from: tree.pointer, around: box, h)
            return candidates.indices.sorted()
        }
    }

    /// Indices of the geometries `t` for which `predicate(geometry, t)` holds, ascending;
    /// with no predicate, those whose envelopes intersect.
    public func query(_ geometry: NativeGeometry, predicate: SpatialPredicate? = nil) throws(GEOSError) -> [Int] {
        guard let envelope = geometry.envelope else { return [] }
        let candidates = query(envelope)
        guard let predicate else { return candidates }
        let input = try PreparedGeometry(geometry)
        var hits: [Int] = []
        for i in candidates where try input.evaluate(predicate, geometries[i]) { hits.append(i) }
        return hits
    }

    // MARK: Batch point queries

    /// For each point, the tree geometries `t` with `predicate(point, t)`: `.within` means the
    /// point lies in t's interior, `.coveredBy` also counts its boundary, `.intersects` likewise.
    public func query(points: [Coordinate], predicate: SpatialPredicate, workers: Int = Workers.defaultCount) throws(GEOSError) -> IndexPairs {
        // Evaluated on the prepared tree geometry, so the predicate is turned around.
        let converse: SpatialPredicate = switch predicate {
        case .intersects: .intersects
        case .within: .contains
        case .coveredBy: .covers
        case .contains: .within
        case .covers: .coveredBy
        }
        warm(for: converse)
        let test = PreparedGeometry.function(for: converse)
        return try withPreparedPointers { prepared throws(GEOSError) in
            try pointQuery(points, workers: workers, window: 0) { h, point, t in test(h, prepared[t], point) }
        }
    }

    /// For each point, the tree geometries within `distance` of it (exact distance, not a buffer).
    public func query(points: [Coordinate], withinDistance distance: Double, workers: Int = Workers.defaultCount) throws(GEOSError) -> IndexPairs {
        warm(for: nil)
        return try withPreparedPointers { prepared throws(GEOSError) in
            try pointQuery(points, workers: workers, window: distance) { h, point, t in
                GEOSPreparedDistanceWithin_r(h, prepared[t], point, distance)
            }
        }
    }

    private func withPreparedPointers<R>(_ body: (UnsafeBufferPointer<OpaquePointer>) throws(GEOSError) -> R) throws(GEOSError) -> R {
        try withExtendedLifetime(prepared) { () throws(GEOSError) in
            try preparedPointers.withUnsafeBufferPointer { (pointers) throws(GEOSError) in try body(pointers) }
        }
    }

    private func warm(for predicate: SpatialPredicate?) {
        let key = predicate?.rawValue ?? "distance"
        warmedFor.withLock { warmed in
            guard !warmed.contains(key) else { return }
            // Each geometry is warmed by one thread only, so the work can be shared out over the cores.
            let prepared = self.prepared
            _ = Workers.map(count: prepared.count, workers: Workers.defaultCount) { range, c in
                for i in range { prepared[i].warm(for: predicate, c) }
            }
            warmed.insert(key)
        }
    }

    /// The shared loop: a GEOS point per input, an envelope search widened by `window`, an exact test.
    /// Large batches are taken along a Hilbert curve, so consecutive points meet the same few tree
    /// nodes and polygons (in file order each point is a fresh walk through memory: 2–3× slower);
    /// the pairs are put back in input order.
    private func pointQuery(
        _ points: [Coordinate], workers: Int, window: Double,
        _ test: (GEOSContextHandle_t, OpaquePointer, Int) -> CChar
    ) throws(GEOSError) -> IndexPairs {
        let order = points.count >= Self.orderedBatch ? HilbertOrder.sortedIndices(points) : nil
        let chunks = Workers.map(count: points.count, workers: workers) { range, c -> Result<IndexPairs, GEOSError> in
            let h = c.handle
            var pairs = IndexPairs()
            var candidates = CandidateBuffer()
            for k in range {
                let i = order?[k] ?? k
                let p = points[i]
                guard let point = GEOSGeom_createPointFromXY_r(h, p.x, p.y) else {
                    return .failure(.operationFailed("create point", c.takeError() ?? "no message"))
                }
                defer { GEOSGeom_destroy_r(h, point) }
                candidates.indices.removeAll(keepingCapacity: true)
                if window > 0 {
                    guard let box = GEOSGeom_createRectangle_r(h, p.x - window, p.y - window, p.x + window, p.y + window) else {
                        return .failure(.operationFailed("create rectangle", c.takeError() ?? "no message"))
                    }
                    candidates.collect(from: tree.pointer, around: box, h)
                    GEOSGeom_destroy_r(h, box)
                } else {
                    candidates.collect(from: tree.pointer, around: point, h)
                }
                // Ascending tree order, as shapely returns it; most points have one candidate.
                if candidates.indices.count > 1 { candidates.indices.sort() }
                for t in candidates.indices {
                    switch test(h, point, t) {
                    case 1: pairs.input.append(i); pairs.tree.append(t)
                    case 0: break
                    default: return .failure(.operationFailed("point query", c.takeError() ?? "no message"))
                    }
                }
            }
            return .success(pairs)
        }
        var all = IndexPairs()
        for chunk in chunks { all.append(contentsOf: try chunk.get()) }
        return order == nil ? all : all.inInputOrder(inputCount: points.count)
    }

    /// Batches at least this large are queried in Hilbert order.
    static let orderedBatch = 4096
}

extension IndexPairs {
    /// The same pairs ordered by input index, each input's pairs kept in their order (a counting sort).
    func inInputOrder(inputCount: Int) -> IndexPairs {
        var start = [Int](repeating: 0, count: inputCount + 1)
        for i in input { start[i + 1] += 1 }
        for i in 0..<inputCount { start[i + 1] += start[i] }
        var sorted = IndexPairs(input: [Int](repeating: 0, count: count), tree: [Int](repeating: 0, count: count))
        for (i, t) in zip(input, tree) {
            sorted.input[start[i]] = i
            sorted.tree[start[i]] = t
            start[i] += 1
        }
        return sorted
    }
}

/// Receives STRtree hits through a C callback.
private struct CandidateBuffer {
    var indices: [Int] = []

    mutating func collect(from tree: OpaquePointer, around geometry: OpaquePointer, _ h: GEOSContextHandle_t) {
        withUnsafeMutablePointer(to: &indices) { buffer in
            GEOSSTRtree_query_r(h, tree, geometry, { item, userdata in
                userdata!.assumingMemoryBound(to: [Int].self).pointee.append(Int(bitPattern: item) - 1)
            }, buffer)
        }
    }
}
