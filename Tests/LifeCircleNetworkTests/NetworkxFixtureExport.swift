import Foundation
import LifeCircleNetwork
import Testing

/// Writes what Scripts/reference/networkx_travel_times.py needs to make the fixtures in
/// GeoData/test/network/ (see the README there); runs only when LIFECIRCLE_NETWORK_EXPORT names a
/// folder:
///
///     LIFECIRCLE_NETWORK_EXPORT=/tmp/net swift test --filter NetworkxFixtureExport
@Suite(.enabled(if: ProcessInfo.processInfo.environment["LIFECIRCLE_NETWORK_EXPORT"] != nil))
struct NetworkxFixtureExport {
    @Test(arguments: [RealExtract.helsinki, RealExtract.beijing])
    func export(extract: RealExtract) throws {
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["LIFECIRCLE_NETWORK_EXPORT"]!)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let built = try extract.build()
        let graph = built.graph
        let profile = built.times.profile
        func write(_ name: String, _ header: String, _ rows: [String]) throws {
            try ([header] + rows).joined(separator: "\n").appending("\n")
                .write(to: folder.appendingPathComponent("\(extract.name)_\(name).csv"), atomically: true, encoding: .utf8)
        }
        // Swift prints the shortest text that reads back as the same Double, in Python too.
        try write("nodes", "node,x,y", graph.nodes.enumerated().map { "\($0),\($1.x),\($1.y)" })
        try write("edges", "from,to,seconds", (0..<graph.edgeCount).map { e in
            "\(graph.edgeFrom[e]),\(graph.edgeTo[e]),\(graph.edgeLength[e] / profile.speed(on: graph.classNames[Int(graph.edgeClass[e])]))"
        })
        try write("sources", "node,facility,seconds", built.facilities.enumerated().flatMap { i, result -> [String] in
            guard let snap = result.snap else { return [] }
            let e = Int(snap.edge)
            let speed = profile.speed(on: graph.classNames[Int(graph.edgeClass[e])])
            let leg = snap.leg / profile.speed
            return ["\(graph.edgeFrom[e]),\(i),\(leg + snap.along / speed)",
                    "\(graph.edgeTo[e]),\(i),\(leg + (graph.edgeLength[e] - snap.along) / speed)"]
        })
    }
}
