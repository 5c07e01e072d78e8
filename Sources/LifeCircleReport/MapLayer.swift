import LifeCircleGeometry

/// One thing on a map: a geometry in the map's metric CRS, its style, and the tooltip naming it.
public struct MapFeature: Hashable, Sendable {
    public var geometry: Geometry
    public var style: MapStyle
    /// Shown on hover (SVG `<title>`), e.g. the district's name and figures.
    public var title: String?

    public init(_ geometry: Geometry, style: MapStyle, title: String? = nil) {
        self.geometry = geometry
        self.style = style
        self.title = title
    }
}

/// Features drawn together, in order; later layers are drawn on top.
public struct MapLayer: Hashable, Sendable {
    /// Names the layer in the SVG (`data-layer`), for whoever reads or edits the markup.
    public var name: String
    public var features: [MapFeature]

    public init(name: String, features: [MapFeature]) {
        self.name = name
        self.features = features
    }
}
