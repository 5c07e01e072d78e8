import Foundation
import LifeCircleNorms
import Testing

/// Notes in two languages and documents that name their text in GeoData/policies.
@Suite struct NotesAndTextsTests {
    private let document = "document: {title: 测试市人民政府办公室《测试方案》, number: 测政办〔2024〕1号, issued: 2024-01-31}"

    private func refusal(_ yaml: String) throws -> RulePackError? {
        let refusal = try TestPacks.refusal(yaml)
        #expect(refusal != nil, "the pack loaded")
        return refusal?.0
    }

    @Test func notesInTwoLanguagesAndPlainNotes() throws {
        let yaml = TestPacks.valid(replacing: "rules:\n", with: """
            notes:
              - note: 第一条说明
                note_en: The first note
              - 只有一种语言的说明
            rules:

            """)
        let pack = try RulePack(contentsOfFile: TestPacks.write(yaml))
        #expect(pack.packNotes == [PackNote(chinese: "第一条说明", english: "The first note"),
                                   PackNote(chinese: "只有一种语言的说明", english: nil)])
        #expect(pack.notes == ["第一条说明", "只有一种语言的说明"])
        #expect(pack.notesEnglish == ["The first note", "只有一种语言的说明"])
    }

    @Test func aNoteWithAnUnknownKeyOrWithoutChineseIsRefused() throws {
        let unknown = TestPacks.valid(replacing: "rules:\n", with: "notes:\n  - {note: 说明, note_fr: Note}\nrules:\n")
        let error = try refusal(unknown)
        #expect(error?.message.contains("unknown key \"note_fr\" in a note (allowed: note, note_en)") == true)
        #expect(error?.line == TestPacks.line(of: "note_fr", in: unknown))

        let english = TestPacks.valid(replacing: "rules:\n", with: "notes:\n  - {note_en: Only English}\nrules:\n")
        #expect(try refusal(english)?.message.contains("missing key \"note\" in a note") == true)
    }

    @Test func aDocumentNamesItsTextInGeoDataPolicies() throws {
        let file = "yinchuan-2020-home-and-community-care-pilot-plan.txt"
        let yaml = TestPacks.valid(replacing: document, with: """
            document: {title: 测试方案, issued: 2024-01-31, text: \(file)}
            """)
        let pack = try RulePack(contentsOfFile: TestPacks.write(yaml))
        #expect(pack.document.text == file)
        #expect(pack.document.textPath == RulePackLibrary.policiesDirectory + "/" + file)
        #expect(FileManager.default.fileExists(atPath: pack.document.textPath!))
        #expect(pack.rules[0].citation.document.text == file)
        #expect(RulePackLibrary.policiesDirectory.hasSuffix("/GeoData/policies"))
    }

    @Test(arguments: [
        ("no-such-text.txt", "text \"no-such-text.txt\" in the pack's document is not a file in "),
        ("../rules/yinchuan-2020.yaml", "text in the pack's document is the file name of a text in GeoData/policies, "
            + "without a folder"),
    ])
    func aTextThatIsNotAShippedFileIsRefused(text: String, message: String) throws {
        let yaml = TestPacks.valid(replacing: document, with: "document: {title: 测试方案, text: \"\(text)\"}")
        let error = try refusal(yaml)
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
        #expect(error?.line == TestPacks.line(of: "text:", in: yaml))
    }
}
