import Foundation
import LifeCircleGEOS
import LifeCircleGeometry
import LifeCircleIO
import LifeCircleInput

/// Communities (社区) and villages (行政村): what coverage targets count separately.
public enum DemandKind: String, Hashable, Sendable, Codable, CaseIterable {
    case community, village

    /// Reads a `kind` attribute, English or Chinese.
    public init?(label: String) {
        let folded = label.trimmingCharacters(in: .whitespaces).lowercased()
        if ["community", "社区", "居委会", "社区居委会", "urban"].contains(folded) {
            self = .community
        } else if ["village", "村", "行政村", "村委会", "rural"].contains(folded) {
            self = .village
        } else {
            return nil
        }
    }
}

/// One community or village, located by a point in the metric CRS.
public struct DemandUnit: Hashable, Sendable {
    /// The unit's feature: its index in the layer's `features` (ids may repeat; indices do not).
    public var feature: Int
    public var id: String
    public var name: String?
    public var kind: DemandKind
    /// True when the layer gave no kind and the unit was taken as a community.
    public var kindDefaulted: Bool
    public var population: Double?
    public var elderlyPopulation: Double?
    /// Where travel is measured from: the point itself, or a polygon's centroid when that lies
    /// inside it, else its point on surface.
    public var location: Coordinate
    public var locatedBy: String
}

public enum DemandUnits {
    /// The units of a layer. `kind` forces one kind for the whole layer (`--kind village`);
    /// otherwise each unit's `kind` attribute decides, and a unit without one counts as a community.
    /// A unit whose kind attribute is present but unknown is rejected with the reason.
    public static func read(_ layer: InputLayer, kind forced: DemandKind? = nil) throws -> (units: [DemandUnit], rejected: [Rejection]) {
        var units: [DemandUnit] = []
        var rejected: [Rejection] = []
        for (position, feature) in layer.features.enumerated() {
            let label = layer.value("kind", of: feature)?.text ?? ""
            let kind: DemandKind
            var defaulted = false
            if let forced {
                kind = forced
            } else if label.trimmingCharacters(in: .whitespaces).isEmpty {
                kind = .community
                defaulted = true
            } else if let parsed = DemandKind(label: label) {
                kind = parsed
            } else {
                rejected.append(Rejection(source: layer.source, layer: layer.layer, index: feature.index, id: feature.id,
                                          reason: "kind \"\(label)\" is neither community (社区) nor village (村)"))
                continue
            }
            let (location, how) = try locate(feature.geometry)
            units.append(DemandUnit(
                feature: position, id: feature.id, name: layer.value("name", of: feature)?.text, kind: kind, kindDefaulted: defaulted,
                population: layer.value("population", of: feature)?.number,
                elderlyPopulation: layer.value("elderly_population", of: feature)?.number,
                location: location, locatedBy: how))
        }
        return (units, rejected)
    }

    /// Where a unit or facility is measured from, and how it was found (`FeatureAnchor`).
    public static func locate(_ geometry: Geometry) throws -> (Coordinate, String) {
        let (coordinate, anchor) = try FeatureAnchor.locate(geometry)
        return (coordinate, anchor.rawValue)
    }
}
