import LifeCircleGeometry

/// The rectangle taken as "China" for the GCJ-02 offset and for zone choice: lon 72.004–137.8347°E,
/// lat 0.8293–55.8271°N, as in the eviltransform and gcoord libraries. It is generous (it takes in
/// neighbouring countries) because the offset is applied by the map providers over the same box;
/// implementations that use a tighter box disagree near the borders only.
public enum ChinaExtent {
    public static let rectangle = Envelope(minX: 72.004, minY: 0.8293, maxX: 137.8347, maxY: 55.8271)

    public static func contains(_ lonLat: Coordinate) -> Bool { rectangle.contains(lonLat) }
}
