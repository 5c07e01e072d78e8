@testable import LifeCircleNetwork
import Testing

@Suite struct WalkingFilterTests {
    @Test(arguments: ["motorway", "motorway_link", "trunk", "trunk_link", "construction", "proposed", "abandoned",
                      "platform", "raceway", "bus_guideway"])
    func motorRoadsAndUnbuiltWaysAreExcluded(highway: String) {
        #expect(WalkingFilter.exclusion(highway: highway, tags: [:]) == "highway=\(highway)")
        // No foot tag brings them back.
        #expect(WalkingFilter.exclusion(highway: highway, tags: ["foot": "yes"]) == "highway=\(highway)")
    }

    @Test(arguments: ["footway", "residential", "primary", "steps", "service", "track", "trail", "corridor"])
    func otherHighwaysAreWalkable(highway: String) {
        #expect(WalkingFilter.exclusion(highway: highway, tags: [:]) == nil)
    }

    @Test func waysWithoutAHighwayTagAreNoStreets() {
        #expect(WalkingFilter.exclusion(highway: nil, tags: ["foot": "yes"]) == "no highway tag")
    }

    @Test func areasAndWaysClosedToWalkersAreExcluded() {
        #expect(WalkingFilter.exclusion(highway: "pedestrian", tags: ["area": "yes"]) == "area=yes")
        #expect(WalkingFilter.exclusion(highway: "pedestrian", tags: ["area": "yes", "foot": "yes"]) == "area=yes")
        #expect(WalkingFilter.exclusion(highway: "pedestrian", tags: ["area": "no"]) == nil)
        #expect(WalkingFilter.exclusion(highway: "cycleway", tags: ["foot": "no"]) == "foot=no")
        #expect(WalkingFilter.exclusion(highway: "cycleway", tags: ["foot": "no", "access": "yes"]) == "foot=no")
        #expect(WalkingFilter.exclusion(highway: "service", tags: ["access": "no"]) == "access=no")
        #expect(WalkingFilter.exclusion(highway: "service", tags: ["access": "private"]) == "access=private")
        #expect(WalkingFilter.exclusion(highway: "service", tags: ["access": "private", "foot": "unknown"]) == "access=private")
    }

    @Test(arguments: ["yes", "designated", "permissive"])
    func footAccessLiftsAnAccessRestriction(foot: String) {
        #expect(WalkingFilter.exclusion(highway: "service", tags: ["access": "private", "foot": foot]) == nil)
        #expect(WalkingFilter.exclusion(highway: "track", tags: ["access": "no", "foot": foot]) == nil)
    }

    @Test func otherAccessValuesAreWalkable() {
        for access in ["destination", "permissive", "customers", "yes"] {
            #expect(WalkingFilter.exclusion(highway: "service", tags: ["access": access]) == nil)
        }
    }
}

@Suite struct OSMOtherTagsTests {
    @Test func gdalsHstoreTextIsReadIntoTags() {
        #expect(parseOSMOtherTags(#""foot"=>"designated","access"=>"no","surface"=>"paving_stones""#)
                == ["foot": "designated", "access": "no", "surface": "paving_stones"])
    }

    @Test func escapedQuotesAndBackslashesAndSeparatorsInsideValuesSurvive() {
        #expect(parseOSMOtherTags(#""name:fi"=>"Says \"hi\", a=>b","note"=>"C:\\temp""#)
                == ["name:fi": #"Says "hi", a=>b"#, "note": #"C:\temp"#])
    }

    @Test func emptyAndMalformedTextGiveWhatCouldBeRead() {
        #expect(parseOSMOtherTags("").isEmpty)
        #expect(parseOSMOtherTags(#""foot"=>"yes","broken"=>"#) == ["foot": "yes"])
        #expect(parseOSMOtherTags("not hstore").isEmpty)
    }
}
