import LifeCircleCRS
import LifeCircleCoverage
import LifeCircleInput
import LifeCircleNetwork
import LifeCircleNorms

/// How access is measured for `coverage` and `site`: along a street network when one is given,
/// else in a straight line; unset values come from the rule pack, then the defaults.
public struct AccessRequest: Hashable, Sendable {
    /// An OpenStreetMap extract (.osm.pbf, .osm) or a road-centreline layer.
    public var network: LayerInput?
    /// A built-in travel profile's name (walk, elderly, village-ebike).
    public var profile: String?
    public var minutes: Double?
    /// Metres beyond which a point is off-network, never snapped.
    public var maxSnap: Double
    /// The straight-line radius in metres, without a network.
    public var radius: Double?

    public init(network: LayerInput? = nil, profile: String? = nil, minutes: Double? = nil, maxSnap: Double = 500, radius: Double? = nil) {
        (self.network, self.profile, self.minutes, self.maxSnap, self.radius) = (network, profile, minutes, maxSnap, radius)
    }

    /// Every number within `AccessLimits` (a pack's are checked when it is read).
    func checkRanges() throws {
        if let minutes, !(minutes > 0 && minutes <= AccessLimits.minutes) {
            throw RunError.outOfRange(setting: "minutes", value: minutes, limit: AccessLimits.minutes)
        }
        if let radius, !(radius > 0 && radius <= AccessLimits.radiusMetres) {
            throw RunError.outOfRange(setting: "radius (m)", value: radius, limit: AccessLimits.radiusMetres)
        }
        if !(maxSnap > 0 && maxSnap <= AccessLimits.radiusMetres) {
            throw RunError.outOfRange(setting: "maximum snap distance (m)", value: maxSnap, limit: AccessLimits.radiusMetres)
        }
    }

    /// The model chosen, how outputs describe it, and its minutes or radius.
    struct Chosen {
        var model: any AccessModel
        var description: String
        var descriptionZh: String
        var minutes: Double?
        var radius: Double?
    }

    /// Along the network (built in the run's metric CRS), else in a straight line.
    func choose(pack: RulePack?, metric: CRS) throws -> Chosen {
        guard let network else {
            let radius = radius ?? pack?.coverage?.straightLineRadius ?? 1000
            return Chosen(model: StraightLineAccess(radius: radius), description: "straight line ≤ \(Int(radius)) m",
                          descriptionZh: "直线距离 ≤ \(Int(radius)) 米", radius: radius)
        }
        var travel = TravelProfile.builtIn[profile ?? pack?.coverage?.profile ?? "walk"] ?? .walk
        travel.minutes = minutes ?? pack?.coverage?.minutes ?? 15
        let options = NetworkOptions(metricCRS: metric)
        let isOSM = network.path.hasSuffix(".pbf") || network.path.hasSuffix(".osm")
        let graph = isOSM ? try StreetGraph(osm: network.path, options: options)
            : try StreetGraph(centrelines: network.path, load: LoadOptions(sourceCRS: network.from, metricCRS: metric), options: options)
        let minutesText = travel.minutes == travel.minutes.rounded() ? String(Int(travel.minutes)) : String(travel.minutes)
        let description = "\(travel.name) \(travel.speed) m/s" + (travel.speedByClass.isEmpty ? "" : " (by road class)") + ", \(minutesText) min"
        let names = ["walk": "步行", "elderly": "老年人步行", "village-ebike": "乡村电动车"]
        let descriptionZh = "\(names[travel.name] ?? travel.name) \(travel.speed) 米/秒" + (travel.speedByClass.isEmpty ? "" : "（按道路等级）")
            + "，\(minutesText) 分钟"
        return Chosen(model: try NetworkAccess(graph: graph, profile: travel, maxSnapDistance: maxSnap),
                      description: description, descriptionZh: descriptionZh, minutes: travel.minutes)
    }
}
