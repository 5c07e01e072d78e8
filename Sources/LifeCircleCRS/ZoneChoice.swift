import LifeCircleGeometry

/// A metric CRS for measuring distances and areas on some data, and why it was chosen.
public struct MetricCRS: Hashable, Sendable {
    public let epsg: Int
    /// E.g. "CGCS2000 3-degree Gauss-Krüger zone 38 (CM 114°E), chosen from the data's centre 114.05°E 22.54°N".
    public let reason: String
    /// The same in Chinese, for the reports: "CGCS2000 3度带高斯-克吕格投影第38带（中央经线114°E），按数据中心 114.05°E 22.54°N 选取".
    public let reasonZh: String

    public var crs: CRS { .epsg(epsg) }

    public init(epsg: Int, reason: String, reasonZh: String? = nil) {
        self.epsg = epsg
        self.reason = reason
        self.reasonZh = reasonZh ?? reason
    }

    /// The zone for the centre of `envelope` (given in `crs`): in China the CGCS2000 3° Gauss-Krüger
    /// zone with central-meridian code (EPSG:4534–4554, as territorial planning requires), elsewhere
    /// the WGS 84 UTM zone (EPSG:326xx north, 327xx south; the Norway and Svalbard exceptions are
    /// ignored).
    public static func choose(for envelope: Envelope, in crs: CRS) throws -> MetricCRS {
        // Web-map offsets (< 2 km) cannot move the centre across a zone in any way that matters.
        let centre = try crs.definition().isGeographic
            ? envelope.center
            : CoordinateConverter(from: crs, to: .wgs84).convert(envelope.center)
        let from = "chosen from the data's centre \(degreesText(centre))"
        let fromZh = "按数据中心 \(degreesText(centre)) 选取"

        if ChinaExtent.contains(centre) {
            // The China box reaches past zones 25 and 45 (72.0°E, 137.8°E): the outermost zones serve there.
            let number = min(max(Int((centre.x / 3).rounded()), 25), 45)
            let zone = GaussKrugerZone(width: .three, number: number)!
            return MetricCRS(
                epsg: zone.centralMeridianEPSG,
                reason: "CGCS2000 3-degree Gauss-Krüger zone \(number) (CM \(zone.centralMeridian)°E), \(from)",
                reasonZh: "CGCS2000 3度带高斯-克吕格投影第\(number)带（中央经线 \(zone.centralMeridian)°E），\(fromZh)")
        }
        let zone = min(max(Int(((centre.x + 180) / 6).rounded(.down)) + 1, 1), 60)
        let north = centre.y >= 0
        return MetricCRS(
            epsg: (north ? 32600 : 32700) + zone,
            reason: "WGS 84 / UTM zone \(zone)\(north ? "N" : "S"), \(from) (outside China)",
            reasonZh: "WGS 84 / UTM 第\(zone)带（\(north ? "北" : "南")半球），\(fromZh)（中国境外）")
    }
}
