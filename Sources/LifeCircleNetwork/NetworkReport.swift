import Foundation
import LifeCircleIO

/// What went into a `StreetGraph` and what did not, for every output that uses it.
public struct NetworkReport: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Nodes, edges and metres of street of one part of the network.
    public struct Part: Hashable, Sendable, Codable {
        public var nodes: Int
        public var edges: Int
        public var metres: Double

        public init(nodes: Int, edges: Int, metres: Double) {
            self.nodes = nodes
            self.edges = edges
            self.metres = metres
        }
    }

    /// The file read, as given.
    public var source: String
    /// E.g. "EPSG:32635".
    public var metricCRS: String
    public var metricReason: String
    /// Line features read (OSM: every way in GDAL's `lines` layer, streets or not).
    public var featuresRead: Int
    /// Features that became streets (OSM: ways that passed the walking filter).
    public var roadsUsed: Int
    /// Features left out, by reason, e.g. "no highway tag", "highway=motorway", "access=private".
    public var excluded: [String: Int]
    /// Features that could not be read or placed (empty geometry, transform failed …).
    public var rejections: [Rejection]
    /// Connected components of the streets used; only the largest is kept.
    public var components: Int
    public var kept: Part
    /// Everything outside the largest component.
    public var dropped: Part

    public var description: String { summary(chinese: false) }

    /// The same, in Chinese, for the reports (OSM tags stay as they are written).
    public var descriptionZh: String { summary(chinese: true) }

    private func summary(chinese: Bool) -> String {
        func km(_ m: Double) -> String { String(format: "%.2f", m / 1000) }
        func say(_ zh: String, _ en: String) -> String { chinese ? zh : en }
        var lines = [
            say("\(source)：\(featuresRead) 条线要素中 \(roadsUsed) 条作为道路；计算坐标系 \(metricCRS)",
                "\(source): \(roadsUsed) of \(featuresRead) line features used as streets; metric CRS \(metricCRS)"),
            say("保留 \(components) 个连通分量中最大的一个：\(kept.nodes) 个节点，\(kept.edges) 条边，\(km(kept.metres)) 千米",
                "kept the largest of \(components) connected components: \(kept.nodes) nodes, \(kept.edges) edges, \(km(kept.metres)) km"),
            say("舍去：\(dropped.nodes) 个节点，\(dropped.edges) 条边，\(km(dropped.metres)) 千米",
                "dropped: \(dropped.nodes) nodes, \(dropped.edges) edges, \(km(dropped.metres)) km"),
        ]
        for (reason, count) in excluded.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
            lines.append(say("排除 \(count) 条：\(reason == "no highway tag" ? "无 highway 标签" : reason)", "excluded \(count): \(reason)"))
        }
        if !rejections.isEmpty {
            lines.append(say("未采用 \(rejections.count) 个要素（见未采用清单）", "rejected \(rejections.count) features (see rejections)"))
        }
        return lines.joined(separator: "\n")
    }
}
