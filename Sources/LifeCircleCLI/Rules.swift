import ArgumentParser
import LifeCircleNorms

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the rule packs (planning norms by jurisdiction) and show what a pack checks.",
        discussion: """
            Packs are read from the repository's GeoData/rules, or from $LIFECIRCLE_RULES_DIR when set; \
            GeoData/rules/README.md describes the format for writing your own.
            """,
        subcommands: [RulesList.self, RulesShow.self])
}

struct RulesList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Each pack: id, jurisdiction, title, rules and their confidence.")

    func run() throws {
        let library = RulePackLibrary.standard
        let packs = try reportingInputErrors { try library.list() }
        print("Rule packs in \(library.directory):")
        for pack in packs {
            print("")
            print("\(pack.id)  \(pack.jurisdiction)")
            print("  \(pack.title)")
            print("  \(pack.rules.count) rule\(pack.rules.count == 1 ? "" : "s")\(confidenceSummary(pack.rules))")
        }
    }

    /// E.g. ": 12 S, 1 V".
    private func confidenceSummary(_ rules: [Rule]) -> String {
        let counts = Confidence.allCases.compactMap { confidence in
            let count = rules.count { $0.citation.confidence == confidence }
            return count == 0 ? nil : "\(count) \(confidence.rawValue)"
        }
        return counts.isEmpty ? "" : ": " + counts.joined(separator: ", ")
    }
}

struct RulesShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Every rule of a pack with its threshold and citation, and the pack's notes.")

    @Argument(help: "A pack name (e.g. yinchuan-2020) or the path of a pack file (.yaml).")
    var pack: String

    func run() throws {
        let pack = try reportingInputErrors { try RulePackLibrary.standard.load(self.pack) }
        print(pack.id + "  " + pack.title)
        if let english = pack.titleEnglish { print(english) }
        print("Jurisdiction: \(pack.jurisdiction)")
        print("Document: \(describe(pack.document))")
        print("Text: \(pack.document.textPath ?? "none shipped in GeoData/policies")")
        print("File: \(pack.path)")
        print("Persons per household: \(number(pack.personsPerHousehold)) — \(pack.personsPerHouseholdBasis)")
        if pack.personsPerHouseholdBasisEnglish != pack.personsPerHouseholdBasis { print("  \(pack.personsPerHouseholdBasisEnglish)") }
        if let coverage = pack.coverage {
            print("Coverage: \(number(coverage.minutes)) min, \(coverage.profile) profile, straight-line fallback "
                  + "\(number(coverage.straightLineRadius)) m — \(coverage.definition)")
        }
        if !pack.facilityKinds.isEmpty {
            print("Facility kinds:")
            for kind in pack.facilityKinds { print("  \(kind.id): \(kind.labels.joined(separator: ", "))") }
        }
        print("Rules:")
        if pack.rules.isEmpty { print("  (none)") }
        for rule in pack.rules { show(rule, of: pack) }
        if !pack.packNotes.isEmpty {
            print("Notes:")
            for note in pack.packNotes {
                print("  - \(note.chinese)")
                if let english = note.english { print("    \(english)") }
            }
        }
    }

    private func show(_ rule: Rule, of pack: RulePack) {
        print("")
        print("  \(rule.id)  \(target(rule))  \(rule.metric.rawValue) \(rule.comparison.symbol) "
              + "\(number(rule.threshold)) \(rule.unit)")
        print("    \(rule.summary)")
        if let english = rule.summaryEnglish { print("    \(english)") }
        let details = [
            rule.facilityKind.map { "facility kind: \($0)" },
            rule.demandKind.map { "demand kind: \($0)" },
            rule.unitShare.map { "in \(number($0)) % of the \(unitsName(rule.target))" },
            rule.deadline.map { "by \($0)" },
        ].compactMap { $0 }
        if !details.isEmpty { print("    " + details.joined(separator: "; ")) }
        let citation = rule.citation
        print("    Source: \(describe(citation.document))")
        print("    Clause: \(citation.clause ?? "not recorded")")
        print(citation.phraseIsQuoted ? "    Phrase: “\(citation.phrase)”" : "    Paraphrase (not a quotation): \(citation.phrase)")
        if citation.document != pack.document {
            print("    Text: \(citation.document.textPath ?? "none shipped in GeoData/policies")")
        }
        print("    Confidence: \(citation.confidence.rawValue) (\(meaning(citation.confidence)))")
    }

    private func target(_ rule: Rule) -> String {
        switch rule.target {
        case .districts(let status): "districts (\(status.rawValue))"
        case .sites(let status): "sites (\(status.rawValue) districts)"
        case .planningUnits: "planning units"
        case .units(let level): "each \(level.rawValue)"
        case .territory: rule.districtStatus.map { "territory (\($0.rawValue) districts)" } ?? "territory"
        }
    }

    private func unitsName(_ target: RuleTarget) -> String {
        guard case .units(let level) = target else { return "units" }
        return switch level {
        case .county: "counties"
        case .street: "streets"
        case .township: "townships"
        case .village: "villages"
        }
    }

    private func describe(_ document: SourceDocument) -> String {
        // Titles of documents known only by number already hold it.
        let number = document.number.flatMap { document.title.contains($0) ? nil : $0 }
        return [document.title, number, document.issued.map { "issued \($0)" }].compactMap { $0 }
            .joined(separator: ", ")
    }

    private func meaning(_ confidence: Confidence) -> String {
        switch confidence {
        case .verbatim: "read verbatim in the text"
        case .seen: "seen in a retrieved page, not the primary text"
        case .recalled: "recalled, not verified: confirm before relying on it"
        }
    }
}

/// 30 → "30", 0.1 → "0.1".
private func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}
