import LifeCircleCRS
import LifeCircleGeometry

/// A routable street network in a metric CRS: undirected, every street walkable both ways, only
/// the largest connected component of what was read (`report` says what was dropped).
///
/// Built from OpenStreetMap (`init(osm:options:)`) or from road-centreline layers
/// (`init(centrelines:options:)`); searched with `NetworkTravelTimes`; points reach it through
/// `NetworkSnapper`.
///
/// Data layout — flat arrays indexed by `Int32`, no per-node objects, so a province fits in memory
/// and a search runs at memory speed:
///
/// - Nodes `0..<nodeCount`: junctions, dead ends and way ends; `nodes[n]` is the position.
/// - Undirected edges `0..<edgeCount`: the street between two nodes, with no node inside.
///   `edgeFrom[e]`, `edgeTo[e]` are its end nodes (equal for a loop), `edgeLength[e]` its length
///   in metres along its polyline, `edgeClass[e]` an index into `classNames` (the OSM `highway`
///   value or a centreline layer's class), `edgeWay[e]` an index into `wayIDs` (the OSM way or
///   source feature it came from).
/// - Edge geometry: edge `e`'s polyline is `vertices[edgeVertexStart[e]..<edgeVertexStart[e + 1]]`,
///   from `edgeFrom[e]` to `edgeTo[e]`; distances "along the edge" run in that direction.
/// - Adjacency in compressed sparse rows: node `n`'s neighbours are the entries
///   `adjacencyStart[n]..<adjacencyStart[n + 1]` of `adjacencyNode` (the node at the other end)
///   and `adjacencyEdge` (the edge leading there); each edge appears once from each end (a loop
///   twice at its node).
///
/// Indices are `Int32`: up to 2³¹ − 1 nodes, edges and polyline vertices.
public struct StreetGraph: Sendable {
    /// The projected CRS of every coordinate and length, and why it was chosen.
    public let metricCRS: MetricCRS
    public let nodes: [Coordinate]
    public let edgeFrom: [Int32]
    public let edgeTo: [Int32]
    public let edgeLength: [Double]
    public let edgeClass: [UInt8]
    public let edgeWay: [Int32]
    public let edgeVertexStart: [Int32]
    public let vertices: [Coordinate]
    public let adjacencyStart: [Int32]
    public let adjacencyNode: [Int32]
    public let adjacencyEdge: [Int32]
    /// Road classes, indexed by `edgeClass`.
    public let classNames: [String]
    /// Source ids (OSM way ids, or the source features' ids), indexed by `edgeWay`.
    public let wayIDs: [String]
    /// What was read, excluded and dropped on the way to this graph.
    public let report: NetworkReport

    public var nodeCount: Int { nodes.count }
    public var edgeCount: Int { edgeLength.count }

    /// Edge `e`'s polyline, from `edgeFrom[e]` to `edgeTo[e]`.
    public func polyline(of edge: Int) -> ArraySlice<Coordinate> {
        vertices[Int(edgeVertexStart[edge])..<Int(edgeVertexStart[edge + 1])]
    }

    /// Assembles the adjacency rows from the edge arrays.
    init(metricCRS: MetricCRS, nodes: [Coordinate], edges: EdgeArrays, classNames: [String], wayIDs: [String],
         report: NetworkReport) {
        self.metricCRS = metricCRS
        self.nodes = nodes
        edgeFrom = edges.from
        edgeTo = edges.to
        edgeLength = edges.length
        edgeClass = edges.roadClass
        edgeWay = edges.way
        edgeVertexStart = edges.vertexStart
        vertices = edges.vertices
        self.classNames = classNames
        self.wayIDs = wayIDs
        self.report = report

        // Counting sort of the edge ends by node: a degree pass, a prefix sum, a fill pass.
        var start = [Int32](repeating: 0, count: nodes.count + 1)
        for e in edges.from.indices {
            start[Int(edges.from[e]) + 1] += 1
            start[Int(edges.to[e]) + 1] += 1
        }
        for n in 0..<nodes.count { start[n + 1] += start[n] }
        var next = start
        var neighbour = [Int32](repeating: 0, count: 2 * edges.from.count)
        var via = [Int32](repeating: 0, count: 2 * edges.from.count)
        for e in edges.from.indices {
            let a = Int(edges.from[e]), b = Int(edges.to[e])
            neighbour[Int(next[a])] = Int32(b); via[Int(next[a])] = Int32(e); next[a] += 1
            neighbour[Int(next[b])] = Int32(a); via[Int(next[b])] = Int32(e); next[b] += 1
        }
        adjacencyStart = start
        adjacencyNode = neighbour
        adjacencyEdge = via
    }
}

/// The edges of a graph under construction, in the layout `StreetGraph` keeps.
struct EdgeArrays {
    var from: [Int32] = []
    var to: [Int32] = []
    var length: [Double] = []
    var roadClass: [UInt8] = []
    var way: [Int32] = []
    var vertexStart: [Int32] = [0]
    var vertices: [Coordinate] = []

    var count: Int { length.count }

    mutating func append(from a: Int32, to b: Int32, polyline: some Collection<Coordinate>, roadClass: UInt8, way: Int32) {
        from.append(a)
        to.append(b)
        var metres = 0.0
        var previous: Coordinate?
        for c in polyline {
            if let previous { metres += previous.planarDistance(to: c) }
            previous = c
        }
        length.append(metres)
        self.roadClass.append(roadClass)
        self.way.append(way)
        vertices.append(contentsOf: polyline)
        vertexStart.append(Int32(vertices.count))
    }
}
