/// Connected components by union–find (union by size, path halving): near-linear in the edges,
/// with no adjacency lists needed before the graph is compacted.
struct ConnectedComponents {
    /// Per node, whether it belongs to the largest component (most nodes; the first found on a tie).
    let inLargest: [Bool]
    let count: Int

    init(nodeCount: Int, from: [Int32], to: [Int32]) {
        var parent = [Int32](0..<Int32(nodeCount))
        var size = [Int32](repeating: 1, count: nodeCount)

        func root(_ n: Int32) -> Int32 {
            var n = n
            while parent[Int(n)] != n {
                parent[Int(n)] = parent[Int(parent[Int(n)])]
                n = parent[Int(n)]
            }
            return n
        }

        for e in from.indices {
            var a = root(from[e]), b = root(to[e])
            guard a != b else { continue }
            if size[Int(a)] < size[Int(b)] { swap(&a, &b) }
            parent[Int(b)] = a
            size[Int(a)] += size[Int(b)]
        }

        var largest: Int32 = -1
        var count = 0
        for n in 0..<Int32(nodeCount) where parent[Int(n)] == n {
            count += 1
            if largest < 0 || size[Int(n)] > size[Int(largest)] { largest = n }
        }
        self.count = count
        inLargest = (0..<Int32(nodeCount)).map { root($0) == largest }
    }
}
