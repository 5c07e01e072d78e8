import LifeCircleNorms
import Testing

/// The packs in GeoData/rules load and say what the policy texts say (figures from norms.md).
@Suite struct ShippedPackTests {
    let library = RulePackLibrary(directory: RulePackLibrary.bundledDirectory)

    private func rule(_ id: String, in packName: String) throws -> Rule {
        let pack = try library.load(packName)
        return try #require(pack.rules.first { $0.id == id }, "\(id) in \(packName)")
    }

    @Test func theSixPacksAreShippedAndLoad() throws {
        let packs = try library.list()
        #expect(packs.map(\.id) == ["ankang-2023", "gb50180-2018", "ningxia-2025", "qingyuan-2024",
                                    "yinchuan-2020", "yunnan-2020"])
        for pack in packs {
            #expect(pack.personsPerHousehold == 3.0)
            #expect(pack.personsPerHouseholdBasis.contains("2.62"))
            #expect(pack.coverage?.minutes == 15, "\(pack.id)")
            #expect(pack.path.hasSuffix("GeoData/rules/\(pack.id).yaml"))
        }
    }

    @Test(arguments: [
        ("yinchuan-2020", ["YC-NEW", "YC-OLD", "YC-SITE", "YC-COV-U", "YC-COV-R"]),
        ("qingyuan-2024", ["QY-LAND", "QY-NEW", "QY-OLD", "QY-CMP", "QY-CTR-S", "QY-CTR-T", "QY-CTY"]),
        ("ankang-2023", ["AK-LAND", "AK-NEW", "AK-CHILD", "AK-DC", "AK-CTY", "AK-STR", "AK-T25-COV", "AK-T25-CMP",
                         "AK-T25-BED", "AK-T25-CTR-T", "AK-T25-CTR-S", "AK-CTY-CC"]),
        ("yunnan-2020", []),
        ("ningxia-2025", ["NX-NET-C", "NX-NET-T", "NX-NET-S", "NX-NET-V", "NX-T27-T", "NX-T27-S", "NX-T30-T",
                          "NX-T30-S"]),
        ("gb50180-2018", ["GB-DC", "GB-YHY", "GB437-B"]),
    ])
    func ruleIds(pack: String, ids: [String]) throws {
        #expect(try library.load(pack).rules.map(\.id) == ids)
    }

    @Test(arguments: [
        ("yinchuan-2020", "YC-NEW", RuleTarget.districts(.new), Metric.floorAreaPer100Households, 30.0),
        ("yinchuan-2020", "YC-OLD", .districts(.existing), .floorAreaPer100Households, 20),
        ("yinchuan-2020", "YC-SITE", .sites(.existing), .floorAreaPerSite, 200),
        ("yinchuan-2020", "YC-COV-U", .territory, .coveredShare, 85),
        ("yinchuan-2020", "YC-COV-R", .territory, .coveredShare, 80),
        ("qingyuan-2024", "QY-LAND", .planningUnits, .landAreaPerPerson, 0.1),
        ("qingyuan-2024", "QY-NEW", .districts(.new), .floorAreaPer100Households, 20),
        ("qingyuan-2024", "QY-OLD", .districts(.existing), .floorAreaPer100Households, 15),
        ("qingyuan-2024", "QY-CMP", .territory, .compliantShare, 100),
        ("qingyuan-2024", "QY-CTY", .units(.county), .facilitiesPerUnit, 1),
        ("ankang-2023", "AK-LAND", .districts(.new), .landAreaPerPerson, 0.1),
        ("ankang-2023", "AK-NEW", .districts(.new), .floorAreaPer100Households, 20),
        ("ankang-2023", "AK-CHILD", .districts(.new), .childcarePlacesPer1000People, 10),
        ("ankang-2023", "AK-T25-BED", .territory, .bedsPer1000Elderly, 60),
        ("gb50180-2018", "GB-DC", .sites(.any), .floorAreaPerSite, 350),
        ("gb50180-2018", "GB437-B", .territory, .bedsPer1000Elderly, 40),
    ])
    func thresholds(pack: String, id: String, target: RuleTarget, metric: Metric, threshold: Double) throws {
        let rule = try rule(id, in: pack)
        #expect(rule.target == target)
        #expect(rule.metric == metric)
        #expect(rule.threshold == threshold)
        #expect(rule.unit == metric.unit)
    }

    @Test func targetDetails() throws {
        let dayCare = try rule("AK-DC", in: "ankang-2023")
        #expect(dayCare.comparison == .moreThan)
        #expect(dayCare.facilityKind == "day_care")
        #expect(dayCare.demandKind == "community")

        let townships = try rule("QY-CTR-T", in: "qingyuan-2024")
        #expect(townships.target == .units(.township))
        #expect(townships.facilityKind == "comprehensive_center")
        #expect(townships.unitShare == 60)
        #expect(try rule("QY-CTR-S", in: "qingyuan-2024").unitShare == nil)

        let compliant = try rule("QY-CMP", in: "qingyuan-2024")
        #expect(compliant.districtStatus == .new)
        #expect(compliant.deadline == "2025-12-31")
        #expect(try rule("YC-COV-U", in: "yinchuan-2020").deadline == "2022-12-31")
        #expect(try rule("YC-COV-R", in: "yinchuan-2020").deadline == "2022-12-31")
        #expect(try rule("QY-CTY", in: "qingyuan-2024").deadline == "2025-12-31")
        #expect(try rule("YC-COV-R", in: "yinchuan-2020").facilityKind == "rural_elderly_facility")
    }

    @Test(arguments: [
        ("yinchuan-2020", "YC-NEW", "每百户不少于30平方米"),
        ("yinchuan-2020", "YC-OLD", "每百户不少于20平方米"),
        ("yinchuan-2020", "YC-SITE", "不得少于200平方米"),
        ("yinchuan-2020", "YC-COV-U", "覆盖85%的城市社区"),
        ("yinchuan-2020", "YC-COV-R", "覆盖80%的行政村"),
        ("qingyuan-2024", "QY-LAND", "人均用地不少于0.1平方米"),
        ("qingyuan-2024", "QY-NEW", "每百户不低于20平方米"),
        ("qingyuan-2024", "QY-OLD", "每百户不低于15平方米"),
        ("qingyuan-2024", "QY-CMP", "100%达标"),
        ("ankang-2023", "AK-LAND", "人均用地不少于0.1平方米"),
        ("ankang-2023", "AK-NEW", "每百户不少于20平方米"),
        ("ankang-2023", "AK-CHILD", "每千人口不少于10个托位"),
        ("ankang-2023", "AK-DC", "覆盖率高于90%"),
    ])
    func exactPhrasesHoldTheFigures(pack: String, id: String, words: String) throws {
        let citation = try rule(id, in: pack).citation
        #expect(citation.phraseIsQuoted)
        #expect(citation.confidence == .verbatim)
        #expect(citation.phrase.contains(words))
    }

    /// A quoted phrase must state the figure its rule checks (counts of one excepted: "every street";
    /// a table row quotes its indicator, and PolicyTextTests reads the figure from the row).
    @Test func everyQuotedPhraseStatesItsThreshold() throws {
        for pack in try library.list() {
            for rule in pack.rules where rule.citation.phraseIsQuoted && rule.metric != .facilitiesPerUnit
                && rule.citation.clause?.hasPrefix("表") != true {
                let figure = rule.threshold == rule.threshold.rounded() ? String(Int(rule.threshold))
                    : String(rule.threshold)
                #expect(rule.citation.phrase.contains(figure), "\(pack.id) \(rule.id)")
            }
        }
    }

    @Test func citationsNameTheirDocuments() throws {
        #expect(try library.load("yinchuan-2020").document.issued == "2020-10-10")
        #expect(try library.load("qingyuan-2024").document.number == "清府办〔2024〕34号")
        #expect(try rule("AK-CHILD", in: "ankang-2023").citation.document.number == "安政办发〔2023〕1号")
        let beds = try rule("GB437-B", in: "gb50180-2018").citation
        #expect(beds.document.number == "GB 50437-2007")
        #expect(beds.clause == "§3.2.1")
        let nx = try rule("NX-T27-T", in: "ningxia-2025").citation
        #expect(nx.confidence == .seen)
        #expect(nx.document.title.contains("全区养老服务资源优化布局实施方案"))
    }

    /// Unverified figures are marked and the pack's notes name them.
    @Test func recalledRulesAreNamedInTheNotes() throws {
        for pack in try library.list() {
            for rule in pack.rules where rule.citation.confidence == .recalled {
                #expect(pack.notes.contains { $0.contains(rule.id) }, "\(pack.id) \(rule.id)")
            }
        }
        // Ankang's county and street centres, once recalled, are now read in the text.
        let ankang = try library.load("ankang-2023")
        #expect(ankang.rules.filter { $0.citation.confidence == .recalled }.isEmpty)
    }
}
