import CGEOS
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
        var prepared: [PreparedGeometry] = []
        prepared.reserveCapacity(geometries.count)
        for g in geometries { prepared.append(try PreparedGeometry(g)) }
        self.prepared = prepared
        preparedPointers = prepared.map(\.pointer)
        tree = try GEOSTree(geometries, nodeCapacity: nodeCapacity)
        // The first query builds the tree; do it now, on one thread.
        GEOSContextPool.shared.withContext { c in
            guard let probe = GEOSGeom_createPointFromXY_r(c.handle, 0, 0) else { return }
            GEOSSTRtree_query_r(c.handle, tree.pointer, probe, { _, _ in }, nil)
            GEOSGeom_destroy_r(c.handle, probe)
        }
    }

    /// Builds an index over value geometries.
    public convenience init(_ geometries: [Geometry], nodeCapacity: Int = 10) throws(GEOSError) {
        var natives: [NativeGeometry] = []
        natives.reserveCapacity(geometries.count)
        for g in geometries { natives.append(try NativeGeometry(g)) }
        try self.init(natives, nodeCapacity: nodeCapacity)
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
    private func pointQuery(
        _ points: [Coordinate], workers: Int, window: Double,
        _ test: (GEOSContextHandle_t, OpaquePointer, Int) -> CChar
    ) throws(GEOSError) -> IndexPairs {
        let chunks = Workers.map(count: points.count, workers: workers) { range, c -> Result<IndexPairs, GEOSError> in
            let h = c.handle
            var pairs = IndexPairs()
            var candidates = CandidateBuffer()
            for i in range {
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
        return all
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
