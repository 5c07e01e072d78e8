import LifeCircleCRS

/// Choices when building a `StreetGraph`.
public struct NetworkOptions: Sendable {
    /// The projected CRS to measure in; nil chooses it from the roads' extent (`MetricCRS.choose`).
    /// Give the one the rest of the run uses, so facilities and demand points share it.
    public var metricCRS: CRS?
    /// Centreline layers: vertices closer than this (metres) are one place, so lines drawn to meet
    /// but a few centimetres apart join. OSM ways join by shared nodes and ignore it.
    public var snapTolerance: Double
    /// Centreline layers: the field holding the road class; nil looks for `class`, `等级`,
    /// `道路等级`, `highway`, `fclass`, `road_class` (in that order), else every road is "road".
    public var classField: String?

    public init(metricCRS: CRS? = nil, snapTolerance: Double = 0.5, classField: String? = nil) {
        self.metricCRS = metricCRS
        self.snapTolerance = snapTolerance
        self.classField = classField
    }

    /// The metric CRS given, checked to be projected; nil when none was given.
    func givenMetricCRS() throws -> MetricCRS? {
        guard let given = metricCRS else { return nil }
        guard case .epsg(let code) = given, !(try given.definition().isGeographic) else {
            throw NetworkError.notProjected(given.description)
        }
        return MetricCRS(epsg: code, reason: "given in the network options")
    }
}
