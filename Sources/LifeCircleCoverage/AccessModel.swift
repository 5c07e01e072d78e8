import LifeCircleGeometry
import LifeCircleNetwork

/// How far a demand unit is from its nearest facility.
public struct Access: Hashable, Sendable {
    /// Index of the nearest facility; nil when none can be reached.
    public var facility: Int?
    /// Metres: along the network (legs included), or in a straight line.
    public var meters: Double?
    /// Travel time; nil for the straight-line method, which measures distance only.
    public var seconds: Double?
    /// Why there is no figure, e.g. "off-network: 730 m from the nearest street".
    public var note: String?

    public init(facility: Int?, meters: Double?, seconds: Double?, note: String? = nil) {
        self.facility = facility
        self.meters = meters
        self.seconds = seconds
        self.note = note
    }
}

/// A way of measuring access: along the street network, or in a straight line.
public protocol AccessModel: Sendable {
    /// "network" or "straight-line", as outputs name the method.
    var method: String { get }
    /// Whether a unit at this access is covered (within the minutes, or within the radius).
    func covers(_ access: Access) -> Bool
    /// For each unit location, its nearest facility (locations in the metric CRS).
    func access(from facilities: [Coordinate], to units: [Coordinate]) throws -> [Access]
    /// For each site, the indices of the units it covers (ascending): the coverage matrix that
    /// siting optimises over.
    func coverageSets(from sites: [Coordinate], to units: [Coordinate]) throws -> [[Int]]
    /// Each facility's service circle as a polygon, for maps (coverage itself is decided by
    /// `access`, never by testing points against these polygons).
    func serviceAreas(from facilities: [Coordinate]) throws -> [Geometry]
    /// The area within reach of any facility, as one (multi)polygon: the service circles merged.
    func coverageArea(from facilities: [Coordinate]) throws -> Geometry
    /// Facilities the method cannot place (off the network), with the reason: they serve no one.
    func unplaceable(_ facilities: [Coordinate]) throws -> [(index: Int, note: String)]
    /// What went into the street network, for methods that use one.
    var networkReport: NetworkReport? { get }
}

extension AccessModel {
    public func unplaceable(_ facilities: [Coordinate]) throws -> [(index: Int, note: String)] { [] }
    public var networkReport: NetworkReport? { nil }
}
