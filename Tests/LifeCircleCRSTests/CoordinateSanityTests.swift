import LifeCircleCRS
import LifeCircleGeometry
import Testing

@Suite struct CoordinateSanityTests {
    // Shenzhen as CGCS2000 degrees, CM 114°E metres, and zone-38 metres (cs2cs values, see TransformerTests).
    static let degrees = Envelope(minX: 114.0548, minY: 22.5431, maxX: 114.10, maxY: 22.60)
    static let metres = Envelope(minX: 505636.967, minY: 2493941.126, maxX: 510002, maxY: 2500310)
    static let prefixed = Envelope(minX: 38505636.967, minY: 2493941.126, maxX: 38510002, maxY: 2500310)

    @Test func cleanDataHasNoIssues() {
        #expect(CoordinateSanity.check(Self.degrees, declared: .cgcs2000, target: .epsg(4547)).isEmpty)
        #expect(CoordinateSanity.check(Self.metres, declared: .epsg(4547), target: .cgcs2000).isEmpty)
        #expect(CoordinateSanity.check(Self.prefixed, declared: .epsg(4526), target: .cgcs2000).isEmpty)
        #expect(CoordinateSanity.check(Self.degrees, declared: .gcj02, target: .epsg(4547)).isEmpty)
        #expect(CoordinateSanity.check(envelope(around: Place.helsinki), declared: .wgs84, target: .epsg(32635)).isEmpty)
    }

    @Test func swappedAxesBeyondNinety() throws {
        let swapped = Envelope(minX: 22.5431, minY: 114.0548, maxX: 22.60, maxY: 114.10)
        let issue = try #require(CoordinateSanity.check(swapped, declared: .cgcs2000).first)
        #expect(issue.kind == .axesSwapped)
        #expect(issue.message.contains("x runs 22.5431 to 22.6000 and y 114.0548 to 114.1000"))
    }

    @Test func swappedAxesThatAreStillValidDegreesInChina() throws {
        // Kashgar read as (lat, lon): 39.47°E 75.99°N is a valid place, but not where planners work.
        let swapped = envelope(around: Coordinate(Place.kashgar.y, Place.kashgar.x))
        let issue = try #require(CoordinateSanity.check(swapped, declared: .wgs84).first)
        #expect(issue.kind == .axesSwapped)
        #expect(issue.message.contains("lies in China"))
    }

    @Test func hugeNumbersDeclaredAsDegrees() throws {
        // Found by Scripts/fuzz.sh (crs): numbers beyond any easting trapped while the zone was guessed.
        let huge = Envelope(minX: 1e300, minY: 2493941.126, maxX: 1e300, maxY: 2500310)
        let issue = try #require(CoordinateSanity.check(huge, declared: .cgcs2000).first)
        #expect(issue.kind == .projectedDeclaredAsGeographic)
        #expect(issue.suggestion == nil)
    }

    @Test func metresDeclaredAsDegrees() throws {
        let issue = try #require(CoordinateSanity.check(Self.metres, declared: .cgcs2000).first)
        #expect(issue.kind == .projectedDeclaredAsGeographic)
        #expect(issue.message.contains("x runs 505637 to 510002"))
        #expect(issue.suggestion == nil)
        let prefixed = try #require(CoordinateSanity.check(Self.prefixed, declared: .cgcs2000).first)
        #expect(prefixed.kind == .projectedDeclaredAsGeographic)
        #expect(prefixed.suggestion == .epsg(4526))
        #expect(prefixed.message.contains("declare them as EPSG:4526"))
    }

    @Test func degreesDeclaredAsMetres() throws {
        let issue = try #require(CoordinateSanity.check(Self.degrees, declared: .epsg(4547)).first)
        #expect(issue.kind == .geographicDeclaredAsProjected)
        #expect(issue.suggestion == .cgcs2000)
    }

    @Test func zonePrefixInACentralMeridianCRS() throws {
        let issues = CoordinateSanity.check(Self.prefixed, declared: .epsg(4547), target: .cgcs2000)
        #expect(issues.count == 1)
        let issue = try #require(issues.first)
        #expect(issue.kind == .zonePrefixMismatch)
        #expect(issue.suggestion == .epsg(4526))
        #expect(issue.message.contains("zone prefix 38"))
        #expect(issue.message.contains("x runs 38505637 to 38510002"))
        #expect(issue.message.hasSuffix("declare it as EPSG:4526."))
    }

    @Test func missingZonePrefixInAZonePrefixedCRS() throws {
        let issue = try #require(CoordinateSanity.check(Self.metres, declared: .epsg(4526)).first)
        #expect(issue.kind == .zonePrefixMismatch)
        #expect(issue.suggestion == .epsg(4547))
    }

    @Test func zonePrefixOfAnotherZone() throws {
        // Yinchuan-like eastings of zone 35 declared as zone 38.
        let zone35 = Envelope(minX: 35_520_000, minY: 4_260_000, maxX: 35_530_000, maxY: 4_270_000)
        let issue = try #require(CoordinateSanity.check(zone35, declared: .epsg(4526)).first)
        #expect(issue.kind == .zonePrefixMismatch)
        #expect(issue.suggestion == .epsg(4523))
    }

    @Test func undeclaredZonePrefixedData() throws {
        let issue = try #require(CoordinateSanity.check(Self.prefixed, declared: nil).first)
        #expect(issue.kind == .missingCRS)
        #expect(issue.suggestion == .epsg(4526))
        #expect(issue.message.contains("prefix 38"))
        #expect(CoordinateSanity.check(Self.degrees, declared: nil).first?.suggestion == .cgcs2000)
    }

    @Test func unknownCRS() throws {
        let issue = try #require(CoordinateSanity.check(Self.degrees, declared: .epsg(999999)).first)
        #expect(issue.kind == .unknownCRS)
        #expect(issue.message.contains("999999"))
        let target = try #require(CoordinateSanity.check(Self.degrees, declared: .cgcs2000, target: .epsg(999999)).first)
        #expect(target.kind == .unknownCRS)
    }

    @Test func transformThatPROJRejects() throws {
        // An easting of 1 000 000 km in UTM 50N: PROJ returns HUGE_VAL (cs2cs prints "*").
        let far = Envelope(minX: 1e9, minY: 5e6, maxX: 1e9 + 100, maxY: 5e6 + 100)
        let issue = try #require(CoordinateSanity.check(far, declared: .epsg(32650), target: .wgs84).first)
        #expect(issue.kind == .transformFailed)
        #expect(issue.message.contains("EPSG:32650"))
        #expect(CoordinateSanity.check(far, declared: .epsg(32650)).isEmpty)
    }
}
