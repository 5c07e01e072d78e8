import CGEOS
import LifeCircleWorkers
import LifeCircleGeometry

/// The geometry of an index nearest a query point, and the point on it closest to the query.
public struct NearestHit: Hashable, Sendable {
    /// Index into the index's `geometries`.
    public var index: Int
    /// The exact planar distance from the query point to the geometry.
    public var distance: Double
    /// The point of the geometry closest to the query point.
    public var point: Coordinate

    public init(index: Int, distance: Double, point: Coordinate) {
        self.index = index
        self.distance = distance
        self.point = point
    }
}

/// An STRtree answering "which geometry is nearest this point?" with GEOS's exact distances
/// (`GEOSSTRtree_nearest_generic_r`, then `GEOSNearestPoints_r` on the winner).
///
/// A tree of its own rather than `SpatialIndex`'s: that one prepares every geometry for predicate
/// tests, which nearest-neighbour search does not need. Built and warmed at creation, so queries
/// may run on many threads.
public final class NearestIndex: @unchecked Sendable {
    public let geometries: [NativeGeometry]
    /// `geometries`' GEOS pointers, for the distance callback; `geometries` keeps them alive.
    private let pointers: [OpaquePointer]
    private let tree: GEOSTree

    public init(_ geometries: [NativeGeometry], nodeCapacity: Int = 10) throws(GEOSError) {
        self.geometries = geometries
        pointers = geometries.map(\.pointer)
        tree = try GEOSTree(geometries, nodeCapacity: nodeCapacity)
        // The first nearest-neighbour query builds the tree: do it now, on one thread.
        if geometries.contains(where: { !$0.isEmpty }) {
            _ = try nearest(to: [Coordinate(x: 0, y: 0)], workers: 1)
        }
    }


    /// For each point, the nearest geometry (ties: whichever the tree finds first); nil when the
    /// index holds no non-empty geometry.
    public func nearest(to points: [Coordinate], workers: Int = Workers.defaultCount) throws(GEOSError) -> [NearestHit?] {
        guard geometries.contains(where: { !$0.isEmpty }) else { return Array(repeating: nil, count: points.count) }
        let chunks = withExtendedLifetime(geometries) {
            pointers.withUnsafeBufferPointer { items in
                Workers.map(count: points.count, workers: workers) { range, c -> Result<[NearestHit?], GEOSError> in
                    var hits: [NearestHit?] = []
                    hits.reserveCapacity(range.count)
                    for i in range {
                        switch nearest(points[i], items, c) {
                        case .success(let hit): hits.append(hit)
                        case .failure(let error): return .failure(error)
                        }
                    }
                    return .success(hits)
                }
            }
        }
        var all: [NearestHit?] = []
        all.reserveCapacity(points.count)
        for chunk in chunks { all.append(contentsOf: try chunk.get()) }
        return all
    }

    private func nearest(_ p: Coordinate, _ items: UnsafeBufferPointer<OpaquePointer>, _ c: GEOSContext) -> Result<NearestHit?, GEOSError> {
        let h = c.handle
        guard let point = GEOSGeom_createPointFromXY_r(h, p.x, p.y) else {
            return .failure(.operationFailed("create point", c.takeError() ?? "no message"))
        }
        defer { GEOSGeom_destroy_r(h, point) }
        var query = DistanceQuery(handle: h, point: point, items: items)
        let found = withUnsafeMutablePointer(to: &query) { state in
            GEOSSTRtree_nearest_generic_r(h, tree.pointer, nil, point, { item1, item2, distance, userdata in
                let query = userdata!.assumingMemoryBound(to: DistanceQuery.self).pointee
                return GEOSDistance_r(query.handle, query.geometry(item1), query.geometry(item2), distance)
            }, state)
        }
        guard let found else {
            return .failure(.operationFailed("nearest neighbour", c.takeError() ?? "no geometry found"))
        }
        let index = Int(bitPattern: found) - 1
        guard let pair = GEOSNearestPoints_r(h, items[index], point) else {
            return .failure(.operationFailed("nearest points", c.takeError() ?? "no message"))
        }
        defer { GEOSCoordSeq_destroy_r(h, pair) }
        var x = 0.0, y = 0.0
        GEOSCoordSeq_getXY_r(h, pair, 0, &x, &y)
        let nearest = Coordinate(x: x, y: y)
        return .success(NearestHit(index: index, distance: nearest.planarDistance(to: p), point: nearest))
    }
}

/// The state the C distance callback needs: a nil item is the query point, any other is a tree index + 1.
private struct DistanceQuery {
    let handle: GEOSContextHandle_t
    let point: OpaquePointer
    let items: UnsafeBufferPointer<OpaquePointer>

    func geometry(_ item: UnsafeRawPointer?) -> OpaquePointer {
        guard let item else { return point }
        return items[Int(bitPattern: item) - 1]
    }
}
