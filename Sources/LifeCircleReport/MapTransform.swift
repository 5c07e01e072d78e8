import LifeCircleGeometry

/// Where the map's metres land in the map frame's pixels: north up, the same scale on both axes.
public struct MapTransform: Hashable, Sendable {
    /// The area shown, in metres.
    public let extent: Envelope
    public let pixelsPerMetre: Double
    /// Pixel position of the extent's north-west corner (minX, maxY).
    public let originX: Double
    public let originY: Double

    /// Fits `extent` into a `width` × `height` frame, `padding` pixels inside its edges, centred.
    public init(fitting extent: Envelope, width: Double, height: Double, padding: Double) {
        let innerWidth = width - 2 * padding, innerHeight = height - 2 * padding
        self.extent = extent
        pixelsPerMetre = min(innerWidth / extent.width, innerHeight / extent.height)
        originX = padding + (innerWidth - extent.width * pixelsPerMetre) / 2
        originY = padding + (innerHeight - extent.height * pixelsPerMetre) / 2
    }

    /// SVG's y grows downwards, northings upwards: larger northing, smaller y.
    public func pixel(_ c: Coordinate) -> (x: Double, y: Double) {
        (originX + (c.x - extent.minX) * pixelsPerMetre, originY + (extent.maxY - c.y) * pixelsPerMetre)
    }
}
