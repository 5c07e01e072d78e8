import CGEOS

/// A GEOS STRtree over native geometries, owned and destroyed with its index.
///
/// Each geometry's item is its index + 1, because a zero item would read as nil; empty
/// geometries have no place in it. The tree keeps pointers to the geometries: its owner keeps
/// them alive. GEOS builds the tree lazily on the first query, so owners make one on a single
/// thread before sharing it.
final class GEOSTree: @unchecked Sendable {
    let pointer: OpaquePointer

    init(_ geometries: [NativeGeometry], nodeCapacity: Int) throws(GEOSError) {
        pointer = try GEOSContextPool.shared.withContext { c throws(GEOSError) in
            let h = c.handle
            guard let tree = GEOSSTRtree_create_r(h, nodeCapacity) else {
                throw GEOSError.operationFailed("STRtree", c.takeError() ?? "no tree")
            }
            for (i, g) in geometries.enumerated() where !g.isEmpty {
                GEOSSTRtree_insert_r(h, tree, g.pointer, UnsafeMutableRawPointer(bitPattern: i + 1))
            }
            return tree
        }
    }

    deinit {
        let pointer = self.pointer
        GEOSContextPool.shared.withContext { GEOSSTRtree_destroy_r($0.handle, pointer) }
    }
}
