import Foundation
import LifeCircleCompliance
import LifeCircleGeometry
import LifeCircleIO
import LifeCircleInput
import LifeCircleNorms

/// Small worlds in a metric CRS (EPSG:4547 eastings and northings), built in memory, so each
/// case's figures can be computed by hand.
enum Fixture {
    static let crs = CRSChoice(declared: nil, source: .epsg(4547), sourceBasis: "test", metric: .epsg(4547),
                               metricReason: "test")

    /// A 100 m square with its lower-left corner at (x, y).
    static func square(_ x: Double, _ y: Double, side: Double = 100) -> Geometry {
        .polygon(Polygon(exterior: [Coordinate(x, y), Coordinate(x + side, y), Coordinate(x + side, y + side),
                                    Coordinate(x, y + side), Coordinate(x, y)]))
    }

    static func point(_ x: Double, _ y: Double) -> Geometry { .point(Point(x: x, y: y)) }

    static func feature(_ id: String, _ geometry: Geometry, _ attributes: [String: AttributeValue]) -> InputFeature {
        InputFeature(index: 0, id: id, geometry: geometry, attributes: attributes)
    }

    static func layer(_ name: String, _ features: [InputFeature]) -> InputLayer {
        var numbered = features
        for i in numbered.indices { numbered[i].index = i }
        return InputLayer(source: "\(name) (test)", layer: name, crs: crs, features: numbered)
    }

    static func district(_ id: String, at x: Double, _ attributes: [String: AttributeValue]) -> InputFeature {
        feature(id, square(x, 0), attributes)
    }

    /// A facility point in the middle of the district square starting at x.
    static func facility(_ id: String, in x: Double, offset: Double = 0, _ attributes: [String: AttributeValue]) -> InputFeature {
        feature(id, point(x + 50 + offset, 50), attributes)
    }

    static func pack(_ name: String) throws -> RulePack { try RulePackLibrary.standard.load(name) }

    static func check(_ pack: String, districts: [InputFeature], facilities: [InputFeature],
                      units: [InputFeature]? = nil, personsPerHousehold: Double? = nil) throws -> ComplianceReport {
        try ComplianceCheck.run(.init(districts: layer("districts", districts), facilities: layer("facilities", facilities),
                                      units: units.map { layer("units", $0) }, pack: try Self.pack(pack),
                                      personsPerHousehold: personsPerHousehold))
    }
}

extension ComplianceReport {
    func district(_ id: String) -> DistrictResult { districts.first { $0.id == id }! }
}

extension DistrictResult {
    func check(_ rule: String) -> CheckResult? { checks.first { $0.rule == rule } }
}
