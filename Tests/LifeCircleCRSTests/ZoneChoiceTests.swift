import LifeCircleCRS
import LifeCircleGeometry
import Testing

@Suite struct ZoneChoiceTests {
    @Test(arguments: [
        (Place.yinchuan, 4544), (Place.qingyuan, 4547), (Place.kunming, 4543), (Place.shenzhen, 4547),
        (Place.kashgar, 4534), (Place.helsinki, 32635), (Coordinate(-70.65, -33.45), 32719),
    ])
    func choosesTheZoneOfTheCentre(centre: Coordinate, epsg: Int) throws {
        #expect(try MetricCRS.choose(for: envelope(around: centre), in: .cgcs2000).epsg == epsg)
    }

    @Test func explainsTheChoice() throws {
        let choice = try MetricCRS.choose(for: envelope(around: Coordinate(114.05, 22.54)), in: .cgcs2000)
        #expect(choice.crs == .epsg(4547))
        #expect(choice.reason
            == "CGCS2000 3-degree Gauss-Krüger zone 38 (CM 114°E), chosen from the data's centre 114.05°E 22.54°N")
        let abroad = try MetricCRS.choose(for: envelope(around: Place.helsinki), in: .wgs84)
        #expect(abroad.reason == "WGS 84 / UTM zone 35N, chosen from the data's centre 24.94°E 60.17°N (outside China)")
    }

    @Test func projectedDataIsLocatedThroughPROJ() throws {
        // Yinchuan in its own zone, CM 105°E; the choice must come from the position, not the numbers.
        let yinchuan = try CoordinateConverter(from: .cgcs2000, to: .epsg(4544)).convert(Place.yinchuan)
        let choice = try MetricCRS.choose(for: envelope(around: yinchuan, halfSize: 500), in: .epsg(4544))
        #expect(choice.epsg == 4544)
        #expect(choice.reason.hasSuffix("106.23°E 38.49°N"))
    }

    @Test func webMapDataChoosesFromItsOwnDegrees() throws {
        #expect(try MetricCRS.choose(for: envelope(around: Place.qingyuan), in: .gcj02).epsg == 4547)
    }

    @Test func gaussKrugerCodes() throws {
        let zone = try #require(GaussKrugerZone(width: .three, number: 38))
        #expect(zone.centralMeridian == 114)
        #expect(zone.centralMeridianEPSG == 4547)
        #expect(zone.zonePrefixedEPSG == 4526)
        #expect(GaussKrugerZone.of(epsg: 4526)?.zone == zone)
        #expect(GaussKrugerZone.of(epsg: 4526)?.zonePrefixed == true)
        #expect(GaussKrugerZone.of(epsg: 4547)?.zonePrefixed == false)
        #expect(GaussKrugerZone.of(epsg: 4491)?.zone.centralMeridian == 75)
        #expect(GaussKrugerZone.of(epsg: 4512)?.zone.centralMeridian == 135)
        #expect(GaussKrugerZone.of(epsg: 4555) == nil)
        #expect(GaussKrugerZone(zonePrefixedEasting: 38_505_636.967) == zone)
        #expect(GaussKrugerZone(zonePrefixedEasting: 24_500_000) == nil)
        #expect(GaussKrugerZone(zonePrefixedEasting: 505_636.967) == nil)
        // Found by Scripts/fuzz.sh (crs): a huge easting trapped in Int() instead of being no zone.
        #expect(GaussKrugerZone(zonePrefixedEasting: 1e300) == nil)
        #expect(GaussKrugerZone(zonePrefixedEasting: 45_500_000) != nil)
    }
}
