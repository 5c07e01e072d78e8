import LifeCircleCRS
import LifeCircleGeometry
import LifeCircleIO

/// What a source knows about its roads before the graph is built, for the report.
struct SourceSummary {
    var source: String
    var featuresRead: Int
    var roadsUsed: Int
    var excluded: [String: Int]
    var rejections: [Rejection]
}

/// Turns road lines into a `StreetGraph`: a node wherever a line ends or a location is visited
/// more than once (by two lines, or twice by one), each line cut at its nodes into edges; then only
/// the largest connected component is kept, its nodes numbered along a Hilbert curve, and the
/// adjacency rows are built.
enum GraphBuilder {
    static func build(_ roads: RoadTopology, metricCRS: MetricCRS, summary: SourceSummary) throws -> StreetGraph {
        guard !roads.lines.isEmpty else {
            throw NetworkError.noStreets(source: summary.source, reason: "\(summary.featuresRead) line features read, "
                                         + "none usable as a street")
        }
        // Which locations are nodes.
        var visits = [UInt8](repeating: 0, count: roads.locations.count)
        for line in roads.lines {
            for l in line where visits[Int(l)] < 2 { visits[Int(l)] += 1 }
            visits[Int(line[0])] = 2
            visits[Int(line[line.count - 1])] = 2
        }
        var nodeOfLocation = [Int32](repeating: -1, count: roads.locations.count)
        var nodes: [Coordinate] = []
        func node(_ l: Int32) -> Int32 {
            if nodeOfLocation[Int(l)] < 0 {
                nodeOfLocation[Int(l)] = Int32(nodes.count)
                nodes.append(roads.locations[Int(l)])
            }
            return nodeOfLocation[Int(l)]
        }

        // Lines cut at their nodes.
        var edges = EdgeArrays()
        for (i, line) in roads.lines.enumerated() {
            var start = 0
            for v in 1..<line.count where visits[Int(line[v])] >= 2 {
                edges.append(from: node(line[start]), to: node(line[v]),
                             polyline: line[start...v].lazy.map { roads.locations[Int($0)] },
                             roadClass: roads.lineClass[i], way: roads.lineWay[i])
                start = v
            }
        }

        // The largest component, its nodes numbered along a Hilbert curve: streets near each other
        // on the ground then lie near each other in memory, and a search touches few cache lines.
        let components = ConnectedComponents(nodeCount: nodes.count, from: edges.from, to: edges.to)
        let largest = nodes.indices.filter { components.inLargest[$0] }
        var newIndex = [Int32](repeating: -1, count: nodes.count)
        var keptNodes: [Coordinate] = []
        keptNodes.reserveCapacity(largest.count)
        for k in HilbertOrder.sortedIndices(largest.map { nodes[$0] }) {
            let n = largest[k]
            newIndex[n] = Int32(keptNodes.count)
            keptNodes.append(nodes[n])
        }
        var kept = EdgeArrays()
        var droppedMetres = 0.0
        for e in 0..<edges.count {
            let polyline = edges.vertices[Int(edges.vertexStart[e])..<Int(edges.vertexStart[e + 1])]
            guard components.inLargest[Int(edges.from[e])] else { droppedMetres += edges.length[e]; continue }
            kept.append(from: newIndex[Int(edges.from[e])], to: newIndex[Int(edges.to[e])], polyline: polyline,
                        roadClass: edges.roadClass[e], way: edges.way[e])
        }

        let report = NetworkReport(
            source: summary.source, metricCRS: metricCRS.crs.description, metricReason: metricCRS.reason,
            featuresRead: summary.featuresRead, roadsUsed: summary.roadsUsed, excluded: summary.excluded,
            rejections: summary.rejections, components: components.count,
            kept: .init(nodes: keptNodes.count, edges: kept.count, metres: kept.length.reduce(0, +)),
            dropped: .init(nodes: nodes.count - keptNodes.count, edges: edges.count - kept.count, metres: droppedMetres))
        return StreetGraph(metricCRS: metricCRS, nodes: keptNodes, edges: kept, classNames: roads.classNames,
                           wayIDs: roads.wayIDs, report: report)
    }
}
