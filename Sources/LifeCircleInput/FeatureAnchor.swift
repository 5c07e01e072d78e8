import LifeCircleGEOS
import LifeCircleGeometry

/// Where a feature is measured from: the one way every analysis locates a feature by a point
/// (a unit's access, a facility's district or administrative unit).
public enum FeatureAnchor: String, Hashable, Sendable, Codable {
    /// A point, as given.
    case point
    /// A polygon's centroid, when it lies inside the polygon.
    case centroid
    /// A point GEOS guarantees on the feature: for a polygon whose centroid lies outside it (an L, a
    /// ring), and for lines.
    case pointOnSurface = "point on surface"

    public static func locate(_ geometry: Geometry) throws -> (Coordinate, FeatureAnchor) {
        if case .point(let p) = geometry { return (p.coordinate, .point) }
        let native = try NativeGeometry(geometry)
        if !geometry.polygons.isEmpty {
            let centroid = try native.centroid()
            if try native.covers(centroid) { return (centroid.value.coordinates[0], .centroid) }
        }
        return (try native.pointOnSurface().value.coordinates[0], .pointOnSurface)
    }
}
