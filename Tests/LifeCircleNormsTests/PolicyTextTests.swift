import Foundation
import LifeCircleNorms
import Testing

/// Every rule of the shipped packs against the policy text it cites (GeoData/policies): its phrase
/// is in the text, word for word, under the clause it names; a table row's figure is the rule's.
@Suite struct PolicyTextTests {
    let library = RulePackLibrary(directory: RulePackLibrary.bundledDirectory)

    private func text(_ document: SourceDocument) throws -> PolicyText? {
        guard let path = document.textPath else { return nil }
        return try PolicyText(String(contentsOfFile: path, encoding: .utf8))
    }

    @Test func everyRulesPhraseStandsUnderItsClause() throws {
        var texts: [String: PolicyText] = [:]  // each text read once
        var checked = 0, skipped: [String] = []
        for pack in try library.list() {
            for rule in pack.rules {
                let citation = rule.citation
                guard let path = citation.document.textPath else {
                    skipped.append(rule.id)
                    continue
                }
                let text = try texts[path] ?? PolicyText(String(contentsOfFile: path, encoding: .utf8))
                texts[path] = text

                let name = "\(pack.id) \(rule.id)"
                #expect(citation.phraseIsQuoted, "\(name): a rule taken from a shipped text quotes it")
                #expect(citation.confidence == .verbatim, "\(name)")
                guard let clause = citation.clause else {
                    Issue.record("\(name) names no clause")
                    continue
                }
                guard let tokens = PolicyText.tokens(of: clause) else {
                    Issue.record("\(name): clause \"\(clause)\" is not written in the text's numbering")
                    continue
                }
                if tokens[0].hasPrefix("表") {
                    checkTableRow(rule, tokens, in: text, name: name)
                } else if let problem = text.problem(phrase: citation.phrase, underSection: tokens) {
                    Issue.record("\(name): “\(citation.phrase)” under \(clause): \(problem)")
                }
                checked += 1
            }
        }
        #expect(checked == 28)
        // The national standards and Ningxia's layout plan (known from the news) have no text here.
        #expect(skipped == ["GB-DC", "GB-YHY", "GB437-B", "NX-T27-T", "NX-T27-S", "NX-T30-T", "NX-T30-S"])
    }

    /// `表N 序号M`: row M of the text's N-th table names the indicator the rule quotes, and its
    /// target for the rule's deadline year is the rule's figure (the unit share for a count per unit).
    private func checkTableRow(_ rule: Rule, _ tokens: [String], in text: PolicyText, name: String) {
        guard tokens.count == 2, let n = Int(tokens[0].dropFirst()), let m = Int(tokens[1].dropFirst(2)) else {
            Issue.record("\(name): a table clause is 表N 序号M")
            return
        }
        guard text.tables.indices.contains(n - 1), text.tables[n - 1].rows.indices.contains(m - 1) else {
            Issue.record("\(name): the text has no row \(m) in a table \(n)")
            return
        }
        let table = text.tables[n - 1]
        #expect(table.rows[m - 1][1] == rule.citation.phrase, "\(name): row \(m) is “\(table.rows[m - 1][1])”")
        guard let year = rule.deadline?.prefix(4), let column = table.column(ofYear: String(year)) else {
            Issue.record("\(name): a table target needs a deadline whose year is a column of the table")
            return
        }
        let figure = rule.metric == .facilitiesPerUnit ? rule.unitShare : rule.threshold
        #expect(Double(table.rows[m - 1][column]) == figure, "\(name): the \(year) target is \(table.rows[m - 1][column])")
    }

    @Test func theFivePacksFromTextsNameTheirFilesAndTheFilesAreDescribed() throws {
        let packs = try library.list()
        let withText = packs.filter { $0.document.text != nil }.map(\.id)
        #expect(withText == ["ankang-2023", "ningxia-2025", "qingyuan-2024", "yinchuan-2020", "yunnan-2020"])
        let named = Set(packs.flatMap { [$0.document] + $0.rules.map(\.citation.document) }.compactMap(\.text))
        let files = try FileManager.default.contentsOfDirectory(atPath: RulePackLibrary.policiesDirectory)
        #expect(Set(files.filter { $0.hasSuffix(".txt") }) == named)
        let readme = try String(contentsOfFile: RulePackLibrary.policiesDirectory + "/README.md", encoding: .utf8)
        for file in named { #expect(readme.contains(file), "README.md describes \(file)") }
        // A pack some of whose rules cite a document without a text says so.
        for pack in packs where pack.rules.contains(where: { $0.citation.document.text == nil }) {
            #expect(pack.notes.contains { $0.contains("GeoData/policies") }, "\(pack.id)")
        }
    }

    /// Each note in Chinese for the Chinese report, in English for the English one.
    @Test func notesAreInChineseWithAnEnglishVersion() throws {
        for pack in try library.list() {
            #expect(!pack.packNotes.isEmpty, "\(pack.id)")
            for note in pack.packNotes {
                #expect(note.english != nil, "\(pack.id): \(note.chinese)")
                // Rule ids, pack ids and paths may stand in the Chinese; English words may not.
                let stripped = note.chinese
                    .replacing(/[A-Z][A-Z0-9]*(-[A-Z0-9*]+)+/, with: "")
                    .replacing(/[A-Za-z0-9_.\-]*\/[A-Za-z0-9_.\-\/]*/, with: "")
                    .replacing(/[a-z]+[0-9]*-[0-9]{4}/, with: "")
                let words = stripped.matches(of: /[A-Za-z]{3,}/).map { String($0.0) }
                #expect(words.isEmpty, "\(pack.id): English in the Chinese note: \(words)")
            }
        }
    }

    @Test func documentsAreNamedAsPublished() throws {
        let yunnan = try library.load("yunnan-2020")
        #expect(yunnan.title == "云南省民政厅 云南省发展改革委员会 云南省财政厅关于开展养老服务业综合改革试点工作的通知")
        #expect(yunnan.document.number == "云民养老〔2020〕4号")
        #expect(yunnan.document.issued == "2020-03-05")
        let ankang = try library.load("ankang-2023")
        #expect(ankang.document.issued == "2023-01-06")
        #expect(try library.load("qingyuan-2024").document.issued == "2024-12-19")
        #expect(try library.load("ningxia-2025").document.issued == "2025-07-11")
        // Every title and number appears in its text.
        for pack in try library.list() {
            guard let path = pack.document.textPath else { continue }
            // Qingyuan's title is broken over two lines.
            let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\n", with: "")
            #expect(text.contains(pack.title), "\(pack.id)")
            if let number = pack.document.number { #expect(text.contains(number), "\(pack.id)") }
        }
    }

    /// The 2025 rows of Ankang's tables, with their deadlines.
    @Test func ankangTableRowsAndDeadlines() throws {
        let pack = try library.load("ankang-2023")
        let rows = Dictionary(uniqueKeysWithValues: pack.rules.map { ($0.id, $0) })
        #expect(rows["AK-T25-COV"]?.citation.clause == "表1 序号5")
        #expect(rows["AK-T25-CMP"]?.citation.clause == "表1 序号6")
        #expect(rows["AK-T25-BED"]?.citation.clause == "表1 序号7")
        #expect(rows["AK-T25-CTR-T"]?.citation.clause == "表1 序号11")
        for id in ["AK-DC", "AK-CTY", "AK-STR", "AK-CTY-CC", "AK-T25-COV", "AK-T25-CMP", "AK-T25-BED"] {
            #expect(rows[id]?.deadline == "2025-12-31", "\(id)")
        }
        #expect(rows["AK-CHILD"]?.citation.clause == "三、(一)1.")
        #expect(rows["AK-CTY-CC"]?.facilityKind == "public_childcare")
        // Table 2, row 8 (新建小区每千人口托位数, 10 by 2025) is AK-CHILD's figure, noted, not a second rule.
        let text = try #require(try text(pack.document))
        #expect(text.tables.count == 2)
        #expect(text.captions.keys.sorted() == [2])  // the copy lost table 1's caption
        #expect(text.tables[1].rows[7][1] == "新建小区每千人口托位数")
        #expect(text.tables[1].rows[7][text.tables[1].column(ofYear: "2025")!] == "10")
        #expect(pack.notes.contains { $0.contains("表2序号8") })
    }

    // The checker itself: a wrong clause is caught.

    @Test func aPhraseUnderAnotherClauseIsRefused() throws {
        let text = try #require(try text(library.load("yinchuan-2020").document))
        let phrase = "确保新建居住区,按每百户不少于30平方米的标准配套建设社区养老服务设施"
        #expect(text.problem(phrase: phrase, underSection: ["四、", "(一)", "1."]) == nil)
        #expect(text.problem(phrase: phrase, underSection: ["四、", "(一)", "2."]) != nil)
        #expect(text.problem(phrase: phrase, underSection: ["四、", "(二)"]) != nil)
        #expect(text.problem(phrase: phrase, underSection: ["三、"]) != nil)
        // Right but not precise enough: item 1. stands between 四、(一) and the phrase.
        #expect(text.problem(phrase: phrase, underSection: ["四、", "(一)"]) != nil)
        #expect(text.problem(phrase: "每百户不少于31平方米", underSection: ["四、", "(一)", "1."]) == "not found verbatim in the text")
    }

    @Test func clausesAreTokenised() {
        #expect(PolicyText.tokens(of: "四、(一)1.") == ["四、", "(一)", "1."])
        #expect(PolicyText.tokens(of: "二、(十二)30.") == ["二、", "(十二)", "30."])
        #expect(PolicyText.tokens(of: "二、（二）") == ["二、", "(二)"])
        #expect(PolicyText.tokens(of: "表1 序号7") == ["表1", "序号7"])
        #expect(PolicyText.tokens(of: "§3.2.1") == nil)
        #expect(PolicyText.tokens(of: "第四条") == nil)
    }

    @Test func headingsAreReadFromLineStartsOnly() throws {
        let text = try PolicyText("""
            一、目标
            (一)第一项。到2025年,(二)不是标题
            \u{a0}\u{a0}(二)第二项
            1.一条
            2.31 |
            2020年底完成
            """)
        #expect(text.headings.map(\.token) == ["一、", "(一)", "(二)", "1."])
        #expect(text.problem(phrase: "不是标题", underSection: ["一、", "(一)"]) == nil)
    }
}
