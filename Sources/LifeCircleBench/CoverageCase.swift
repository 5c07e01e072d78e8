import Foundation
import LifeCircleCRS
import LifeCircleGEOS
import LifeCircleWorkers
import LifeCircleGeometry
import LifeCircleIO
import LifeCircleInput
import LifeCircleNetwork

/// Coverage along a street network of a million edges (Scripts/synthetic_city.py), in three parts:
///
/// - `nearest`: the nearest facility of every demand point, network build included — the street
///   graph from the road lines (`StreetGraph(centrelines:)`), the snapping index, snapping the
///   facilities and the demand points, one multi-source pass (`NetworkTravelTimes`) with the
///   cutoff, `travel(for:)`. Not timed: making the in-memory line features from the arrays.
/// - `areas`: a service area per facility, for the first N facilities: a single-source
///   `NetworkTravelTimes` with the cutoff, the list of reached nodes. Not timed: the graph and
///   the facilities' snaps, made once (networkx is given the facilities' nodes).
/// - `polygons`: `ServiceAreas.polygons` for the first N facilities (reachable partial edges,
///   buffered and merged by GEOS). Not timed: the graph, the snapping index, the snaps.
///
/// Travel is the elderly walking profile (0.8 m/s on every class); the cutoff is given in metres
/// and becomes cutoff / 0.8 seconds. Distances reported are seconds × 0.8.
///
/// Options: --data DIR, --part nearest|areas|polygons, --out FILE, --repeat N, --cutoff METRES
/// (1200), --areas N (100).
enum CoverageCase {
    static let profile = TravelProfile.elderly

    static func run(_ options: Options) throws {
        let data = try options.string("data")
        let out = try options.string("out")
        let repeats = try options.int("repeat", default: 3)
        let part = try options.string("part")
        let cutoff = Double(try options.int("cutoff", default: 1200)) / profile.speed
        let city = try City(data)
        Bench.log("coverage \(part): \(city.nodes.count) nodes, \(city.edgeFrom.count) edges, "
                  + "\(city.demand.count) demand points, \(city.facilities.count) facilities; cutoff \(cutoff) s at \(profile.speed) m/s")
        switch part {
        case "nearest": try nearest(city, cutoff: cutoff, repeats: repeats, out: out)
        case "areas": try areas(city, cutoff: cutoff, count: try options.int("areas", default: 100), repeats: repeats, out: out)
        case "polygons": try polygons(city, cutoff: cutoff, count: try options.int("areas", default: 100), repeats: repeats, out: out)
        default: throw BenchError("--part wants nearest, areas or polygons, got \(part)")
        }
    }

    /// Contender A: nearest facility for every demand point, end to end from the road lines.
    static func nearest(_ city: City, cutoff: Double, repeats: Int, out: String) throws {
        let layer = city.roadLayer()
        var runs: [Run] = []
        var travel: [DemandTravel] = []
        var report: NetworkReport? = nil
        for _ in 0..<repeats {
            var watch = Stopwatch()
            let graph = try StreetGraph(centrelines: layer)
            watch.lap("graph")
            let snapper = try NetworkSnapper(graph, maxDistance: 500)
            watch.lap("snap index")
            let facilities = try snapper.snap(city.facilities)
            let demand = try snapper.snap(city.demand)
            watch.lap("snap")
            let times = NetworkTravelTimes(graph: graph, profile: profile, facilities: facilities, cutoff: cutoff)
            watch.lap("search")
            travel = times.travel(for: demand)
            watch.lap("travel")
            runs.append(watch.run)
            report = graph.report
            withExtendedLifetime((graph, snapper, times)) {}  // freed after the clock stops
        }
        if let report { Bench.log("coverage nearest: " + report.description.replacingOccurrences(of: "\n", with: "; ")) }

        var facility = [Int](repeating: -1, count: travel.count)
        var metres = [Double](repeating: .nan, count: travel.count)
        for (i, t) in travel.enumerated() {
            switch t {
            case .reached(let seconds, let f): facility[i] = f; metres[i] = seconds * profile.speed
            case .unreached: break
            case .offNetwork(let distance): throw BenchError("demand point \(i) is off the network (\(distance) m): it should sit on a node")
            }
        }
        // Compared byte for byte: which points are reached. The facilities and distances go to side
        // files that the case compares itself (pandana's millimetre weights break near-ties).
        try Bench.writeCounts(facility.map { $0 >= 0 ? 1 : 0 }, to: out)
        try Bench.writeCounts(facility, to: out + ".facility.i64")
        try writeDoubles(metres, to: out + ".metres.f64")
        let reached = metres.filter { !$0.isNaN }
        Bench.emit(Report(contender: "LifeCircle", threads: Workers.defaultCount,
                          versions: [("geos", Bench.geosVersion)], runs: runs,
                          check: [("reached", Int64(reached.count))],
                          measures: [("metres", reached.reduce(0, +))]))
    }

    /// Contender B: one service area (reached node set) per facility, for the first `count` facilities.
    static func areas(_ city: City, cutoff: Double, count: Int, repeats: Int, out: String) throws {
        let graph = try StreetGraph(centrelines: city.roadLayer())
        // Joined to the network beforehand, as networkx is given the facilities' nodes.
        let sites = try NetworkSnapper(graph, maxDistance: 500).snap(Array(city.facilities.prefix(count)))
        // The workspaces (one per worker) are made once per graph, as networkx's graph is; their cost is logged.
        var setup = Stopwatch()
        let searches = ParallelSearches(graph: graph, profile: profile)
        setup.lap("workspaces")
        Bench.log("coverage areas: \(searches.workers) NetworkSearch workspace(s) for \(graph.nodeCount) nodes made in \(setup.run.total) s (not timed)")
        var runs: [Run] = []
        var areas: [(nodes: [Int32], metres: Double)] = []
        for _ in 0..<repeats {
            var watch = Stopwatch()
            areas = try searches.map(sites, cutoff: cutoff) { _, search in
                var sum = 0.0
                for n in search.reached { sum += search.seconds(at: Int(n)) }
                return (search.reached, sum * profile.speed)
            }
            watch.lap("areas")
            runs.append(watch.run)
        }
        let reached = areas.map(\.nodes), metres = areas.map(\.metres)
        // The sets in the generator's node numbers, compared by an order-free hash.
        let toCity = try city.nodeNumbers(of: graph)
        var rows: [Int] = []
        var total = 0
        var hashes: UInt64 = 0
        for nodes in reached {
            var h: UInt64 = 0
            for n in nodes { h &+= splitmix64(UInt64(toCity[Int(n)]) &+ 1) }
            rows += [nodes.count, Int(Int64(bitPattern: h))]
            total += nodes.count
            hashes &+= h
        }
        try Bench.writeCounts(rows, to: out)
        try writeDoubles(metres, to: out + ".metres.f64")
        Bench.emit(Report(contender: "LifeCircle", threads: searches.workers, versions: [("geos", Bench.geosVersion)], runs: runs,
                          check: [("areas", Int64(reached.count)), ("nodes", Int64(total)), ("set_hash", Int64(bitPattern: hashes))]))
    }

    /// LifeCircle alone: service-area polygons for the first `count` facilities.
    static func polygons(_ city: City, cutoff: Double, count: Int, repeats: Int, out: String) throws {
        let graph = try StreetGraph(centrelines: city.roadLayer())
        let snaps = try NetworkSnapper(graph, maxDistance: 500).snap(Array(city.facilities.prefix(count)))
        let searches = ParallelSearches(graph: graph, profile: profile)
        var runs: [Run] = []
        var polygons: [Geometry] = []
        for _ in 0..<repeats {
            var watch = Stopwatch()
            polygons = try ServiceAreas.polygons(searches, facilities: snaps, seconds: cutoff)
            watch.lap("polygons")
            runs.append(watch.run)
        }
        var areas: [Int] = []
        for p in polygons { areas.append(Int((try NativeGeometry(p).area()).rounded())) }
        try Bench.writeCounts(areas, to: out)
        Bench.emit(Report(contender: "LifeCircle", threads: searches.workers, versions: [("geos", Bench.geosVersion)], runs: runs,
                          check: [("polygons", Int64(areas.filter { $0 > 0 }.count))],
                          measures: [("m2", Double(areas.reduce(0, +)))]))
    }

    static func splitmix64(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func writeDoubles(_ values: [Double], to path: String) throws {
        try values.map { $0.bitPattern.littleEndian }.withUnsafeBytes { Data($0) }.write(to: URL(fileURLWithPath: path))
    }

    /// The generator's arrays (Scripts/synthetic_city.py).
    struct City {
        var nodes: [Coordinate]
        var edgeFrom: [Int32]
        var edgeTo: [Int32]
        var edgeClass: [UInt8]
        var classes: [String]
        var crs: CRS
        var demand: [Coordinate]
        var facilities: [Coordinate]

        init(_ dir: String) throws {
            func bytes(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name)) }
            func coordinates(_ name: String) throws -> [Coordinate] {
                let d = try ComplianceCase.loadDoubles(dir + "/" + name)
                return (0..<d.count / 2).map { Coordinate(x: d[2 * $0], y: d[2 * $0 + 1]) }
            }
            nodes = try coordinates("nodes_xy.f64")
            let ends = try bytes("edge_nodes.i32").withUnsafeBytes { raw in
                (0..<raw.count / 4).map { Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * $0, as: Int32.self)) }
            }
            edgeFrom = stride(from: 0, to: ends.count, by: 2).map { ends[$0] }
            edgeTo = stride(from: 1, to: ends.count, by: 2).map { ends[$0] }
            edgeClass = [UInt8](try bytes("edge_class.u8"))
            demand = try coordinates("demand_xy.f64")
            facilities = try coordinates("facility_xy.f64")
            let meta = try JSONSerialization.jsonObject(with: try bytes("meta.json")) as? [String: Any]
            guard let classes = meta?["classes"] as? [String], let crs = meta?["crs"] as? String else {
                throw BenchError("\(dir)/meta.json: no classes or crs")
            }
            self.classes = classes
            self.crs = try CRS(parsing: crs)
            guard edgeClass.count == edgeFrom.count else { throw BenchError("\(dir): edge files disagree on the number of edges") }
        }

        /// Every edge as a two-vertex line feature with its `class`, in the metric CRS: what a
        /// planner's centreline layer gives, already loaded.
        func roadLayer() -> InputLayer {
            let choice = CRSChoice(declared: crs.description, source: crs, sourceBasis: "generated in it", metric: crs,
                                   metricReason: "the synthetic city's CRS")
            let names = classes.map { AttributeValue.string($0) }
            let features = edgeFrom.indices.map { e in
                InputFeature(index: e, id: String(e),
                             geometry: .lineString(LineString([nodes[Int(edgeFrom[e])], nodes[Int(edgeTo[e])]])),
                             attributes: ["class": names[Int(edgeClass[e])]])
            }
            return InputLayer(source: "synthetic city", layer: "roads", crs: choice, features: features)
        }

        /// For each node of `graph`, the generator's number of the node at the same position.
        func nodeNumbers(of graph: StreetGraph) throws -> [Int32] {
            var number: [Coordinate: Int32] = [:]
            number.reserveCapacity(nodes.count)
            for (i, c) in nodes.enumerated() { number[c] = Int32(i) }
            return try graph.nodes.map { c in
                guard let n = number[c] else { throw BenchError("graph node at \(c) is no node of the city") }
                return n
            }
        }
    }
}
