import Foundation
import LifeCircleNorms
import Testing

/// Every refusal names the file, the line to fix and the reason.
@Suite struct BadPackTests {
    /// Loads `yaml`, expects a refusal at the line containing `lineOf` with `message` in its reason.
    private func expectRefusal(_ yaml: String, atLineOf lineOf: String, saying message: String,
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let refusal = try TestPacks.refusal(yaml)
        guard let (error, path) = refusal else {
            Issue.record("the pack loaded", sourceLocation: sourceLocation)
            return
        }
        let line = TestPacks.line(of: lineOf, in: yaml)
        #expect(error.file == path, sourceLocation: sourceLocation)
        #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
        #expect(error.message.contains(message), "\(error)", sourceLocation: sourceLocation)
        #expect(error.description.hasPrefix("\(path):\(line): "), sourceLocation: sourceLocation)
    }

    @Test func theValidPackLoads() throws {
        let pack = try RulePack(contentsOfFile: TestPacks.write(TestPacks.valid))
        #expect(pack.rules.map(\.id) == ["T-NEW", "T-CTR"])
        #expect(pack.document.number == "测政办〔2024〕1号")
        #expect(pack.document.issued == "2024-01-31")
        #expect(pack.rules[1].citation.phraseIsQuoted == false)
    }

    @Test func unknownKeyNamesTheKeyTheRuleAndTheAllowedKeys() throws {
        let yaml = TestPacks.valid(replacing: "    at_least: 30\n", with: "    threshhold: 30\n")
        try expectRefusal(yaml, atLineOf: "threshhold",
                          saying: "unknown key \"threshhold\" in rule T-NEW (allowed: id, applies_to, district_status")
    }

    @Test func unknownTopLevelKey() throws {
        let yaml = TestPacks.valid(replacing: "jurisdiction: 测试市\n", with: "jurisdiction: 测试市\nauthor: me\n")
        try expectRefusal(yaml, atLineOf: "author", saying: "unknown key \"author\" in the pack (allowed: id, title")
    }

    @Test func missingUnitSaysWhichUnitTheMetricTakes() throws {
        let yaml = TestPacks.valid(replacing: "    unit: m2_per_100_households\n", with: "")
        try expectRefusal(yaml, atLineOf: "- id: T-NEW",
                          saying: "missing key \"unit\" in rule T-NEW (metric floor_area_per_100_households "
                              + "is measured in m2_per_100_households)")
    }

    @Test func wrongUnitSaysTheExpectedOne() throws {
        let yaml = TestPacks.valid(replacing: "unit: m2_per_100_households", with: "unit: m2")
        try expectRefusal(yaml, atLineOf: "unit: m2",
                          saying: "unit \"m2\" in rule T-NEW does not match metric floor_area_per_100_households "
                              + "(expected m2_per_100_households)")
    }

    @Test(arguments: [
        ("abc", "at_least in rule T-NEW must be a number, found \"abc\""),
        ("\"30\"", "must be a number, found \"30\" (write numbers without quotes)"),
        ("-5", "at_least in rule T-NEW must not be negative, found -5"),
        (".nan", "must be a finite number"),
        ("[30]", "must be a number, found a list"),
    ])
    func badNumbers(value: String, message: String) throws {
        let yaml = TestPacks.valid(replacing: "at_least: 30", with: "at_least: \(value)")
        try expectRefusal(yaml, atLineOf: "at_least: \(value)", saying: message)
    }

    @Test func twoThresholdKeys() throws {
        let yaml = TestPacks.valid(replacing: "    at_least: 30\n", with: "    at_least: 30\n    at_most: 40\n")
        try expectRefusal(yaml, atLineOf: "at_most: 40",
                          saying: "rule T-NEW has at_least and at_most: give exactly one of at_least, more_than, at_most")
    }

    @Test func noThreshold() throws {
        let yaml = TestPacks.valid(replacing: "    at_least: 30\n", with: "")
        try expectRefusal(yaml, atLineOf: "- id: T-NEW", saying: "rule T-NEW has no threshold")
    }

    @Test func percentageAbove100() throws {
        let yaml = TestPacks.valid(replacing: "    at_least: 1\n", with: "    at_least: 1\n    unit_share: 160\n")
        try expectRefusal(yaml, atLineOf: "unit_share: 160", saying: "unit_share in rule T-CTR is a percentage")
    }

    /// A service circle of 1e300 minutes or metres is a typo, not a plan (it once crashed a run).
    @Test(arguments: [("minutes: 1e300", "minutes in coverage must be at most 600"),
                      ("straight_line_radius_m: 200000", "straight_line_radius_m in coverage must be at most 100000")])
    func serviceCircleBeyondAnyPlan(line: String, message: String) throws {
        let coverage = "coverage:\n  minutes: 15\n  profile: walk\n  straight_line_radius_m: 1000\n  definition: test\n"
            .replacingOccurrences(of: line.hasPrefix("minutes") ? "minutes: 15" : "straight_line_radius_m: 1000", with: line)
        let yaml = TestPacks.valid(replacing: "rules:\n", with: coverage + "rules:\n")
        try expectRefusal(yaml, atLineOf: line, saying: message)
    }

    /// A file of megabytes is no rule pack; it is refused before it is read.
    @Test func aHugeFileIsRefusedUnread() throws {
        let yaml = TestPacks.valid + "# " + String(repeating: "x", count: RulePack.maximumBytes) + "\n"
        let refusal = try #require(try TestPacks.refusal(yaml))
        #expect(refusal.0.line == nil)
        #expect(refusal.0.message.contains("a rule pack is at most 4 MB"))
    }

    @Test func undeclaredFacilityKindListsTheDeclaredOnes() throws {
        let yaml = TestPacks.valid(replacing: "facility_kind: comprehensive_center", with: "facility_kind: centre")
        try expectRefusal(yaml, atLineOf: "facility_kind: centre",
                          saying: "facility_kind \"centre\" in rule T-CTR is not declared in facility_kinds "
                              + "(declared: comprehensive_center)")
    }

    @Test func duplicateRuleIdSaysWhereTheFirstIs() throws {
        let yaml = TestPacks.valid(replacing: "- id: T-CTR", with: "- id: T-NEW  # again")
        let first = TestPacks.line(of: "- id: T-NEW", in: yaml)
        try expectRefusal(yaml, atLineOf: "# again", saying: "duplicate rule id \"T-NEW\" (first at line \(first))")
    }

    @Test(arguments: [
        ("applies_to: districts", "applies_to: territory",
         "metric floor_area_per_100_households in rule T-NEW applies to districts, not territory"),
        ("applies_to: units", "applies_to: districts  # for T-CTR",
         "metric facilities_per_unit in rule T-CTR applies to units, not districts"),
    ])
    func metricThatDoesNotFitItsTarget(old: String, new: String, message: String) throws {
        try expectRefusal(TestPacks.valid(replacing: old, with: new), atLineOf: new, saying: message)
    }

    @Test func landPerPersonFitsDistrictsAndPlanningUnitsOnly() throws {
        let yaml = TestPacks.valid(replacing: "applies_to: units", with: "applies_to: territory")
            .replacingOccurrences(of: "metric: facilities_per_unit", with: "metric: land_area_per_person")
        try expectRefusal(yaml, atLineOf: "applies_to: territory", saying: "applies to districts or planning_units")
    }

    @Test(arguments: [
        ("metric: floor_area_per_100_households", "metric: floor_area",
         "unknown metric \"floor_area\" in rule T-NEW (allowed: floor_area_per_100_households, floor_area_per_site"),
        ("district_status: new", "district_status: planned",
         "unknown district_status \"planned\" in rule T-NEW (allowed: new, existing, any)"),
        ("unit_level: street", "unit_level: city",
         "unknown unit_level \"city\" in rule T-CTR (allowed: county, street, township, village)"),
        ("applies_to: units", "applies_to: unit",
         "unknown applies_to \"unit\" in rule T-CTR (allowed: districts, sites, planning_units, units, territory)"),
        ("phrase: 每百户不少于30平方米, confidence: S", "phrase: 每百户不少于30平方米, confidence: X",
         "unknown confidence \"X\" in the source of rule T-NEW (allowed: S, V, R)"),
    ])
    func unknownValuesListTheAllowedOnes(old: String, new: String, message: String) throws {
        try expectRefusal(TestPacks.valid(replacing: old, with: new), atLineOf: new, saying: message)
    }

    @Test func keyThatDoesNotBelongToTheRule() throws {
        let yaml = TestPacks.valid(replacing: "    district_status: new\n",
                                   with: "    district_status: new\n    unit_level: street\n")
        try expectRefusal(yaml, atLineOf: "unit_level: street",
                          saying: "unit_level in rule T-NEW is only for rules that apply to units")
    }

    @Test func quotedAndParaphrasedAtOnce() throws {
        let yaml = TestPacks.valid(replacing: "{phrase: 每百户不少于30平方米, confidence: S}",
                                   with: "{phrase: 每百户不少于30平方米, paraphrase: 每百户30, confidence: S}")
        try expectRefusal(yaml, atLineOf: "paraphrase: 每百户30", saying: "needs exactly one of phrase")
    }

    @Test func recalledRulesNeedNotes() throws {
        let yaml = TestPacks.valid(replacing: "{paraphrase: 每个街道建有综合养老服务中心, confidence: S}",
                                   with: "{paraphrase: 每个街道建有综合养老服务中心, confidence: R}")
        try expectRefusal(yaml, atLineOf: "- id: T-CTR", saying: "rule T-CTR has confidence R")
    }

    @Test func coveredShareNeedsACoverageDefinition() throws {
        let rule = """
              - id: T-COV
                applies_to: territory
                metric: covered_share
                demand_kind: community
                at_least: 85
                unit: percent
                summary: 覆盖85%的社区
                source: {phrase: 覆盖85%的城市社区, confidence: S}

            """
        try expectRefusal(TestPacks.valid + rule, atLineOf: "- id: T-COV", saying: "needs a coverage section")
    }

    @Test func badDate() throws {
        let yaml = TestPacks.valid(replacing: "issued: 2024-01-31", with: "issued: 2024-13-01")
        try expectRefusal(yaml, atLineOf: "issued: 2024-13-01", saying: "must be a date written YYYY-MM-DD")
    }

    @Test func invalidYAMLKeepsTheLine() throws {
        let yaml = TestPacks.valid(replacing: "    metric: facilities_per_unit\n",
                                   with: "    metric: facilities_per_unit\n      oops: [\n")
        let refusal = try TestPacks.refusal(yaml)
        #expect(refusal?.0.message.hasPrefix("not valid YAML") == true)
        #expect(refusal?.0.line != nil)
    }

    @Test func duplicateYAMLKey() throws {
        let yaml = TestPacks.valid(replacing: "    at_least: 30\n", with: "    at_least: 30\n    at_least: 20\n")
        let refusal = try TestPacks.refusal(yaml)
        #expect(refusal?.0.message == "duplicate key \"at_least\"")
        #expect(refusal?.0.line == TestPacks.line(of: "at_least: 30", in: yaml))
    }

    @Test func idMustBeTheFileName() throws {
        let refusal = try TestPacks.refusal(TestPacks.valid, name: "other-name")
        #expect(refusal?.0.line == 1)
        #expect(refusal?.0.message.contains("must be the file name without its extension, \"other-name\"") == true)
    }

    @Test func missingFileAndEmptyFile() throws {
        #expect(throws: RulePackError(file: "/nonexistent/x.yaml", line: nil, message: "no such file")) {
            try RulePack(contentsOfFile: "/nonexistent/x.yaml")
        }
        let empty = try TestPacks.refusal("")
        #expect(empty?.0.message == "the file is empty")
    }
}
