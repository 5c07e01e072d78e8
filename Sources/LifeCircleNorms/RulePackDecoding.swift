import Foundation
import Yams

extension RulePack {
    /// Reads and checks the pack file at `path`. Throws `RulePackError` naming the file, the line
    /// and the reason.
    /// The largest pack file read.
    public static let maximumBytes = 4_000_000

    public init(contentsOfFile path: String) throws {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw RulePackError(file: path, line: nil, message: "no such file")
        }
        // A pack is tens of kilobytes; a file of gigabytes would be read whole before YAML refused it.
        if let size = attributes[.size] as? Int, size > Self.maximumBytes {
            throw RulePackError(file: path, line: nil, message: "a rule pack is at most \(Self.maximumBytes / 1_000_000) MB; this file has \(size / 1_000_000) MB")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RulePackError(file: path, line: nil, message: "the file cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RulePackError(file: path, line: nil, message: "the file is not UTF-8 text")
        }
        try self.init(yaml: text, path: path)
    }

    /// Reads and checks a pack from its text. `path` names it in errors and gives the pack's id
    /// (the file name without extension).
    public init(yaml: String, path: String) throws {
        let reader = YAMLReader(file: path)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw reader.invalidYAML(error)
        }
        guard let root else { throw RulePackError(file: path, line: nil, message: "the file is empty") }
        self = try PackDecoder(reader: reader, path: path).decode(root)
    }
}

/// Reads the pack-level keys and checks what spans several rules.
private struct PackDecoder {
    let reader: YAMLReader
    let path: String

    func decode(_ root: Node) throws -> RulePack {
        let pack = try reader.mapping(root, context: "the pack", allowed: PackKeys.pack)
        let id = try pack.text("id")
        let fileName = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        guard id == fileName else {
            throw reader.error("id \"\(id)\" must be the file name without its extension, \"\(fileName)\"",
                               at: pack.value("id"))
        }
        let title = try pack.text("title")
        let titleEnglish = try pack.optionalText("title_en")
        let jurisdiction = try pack.text("jurisdiction")
        let document = try decodeDocument(pack.mapping("document", context: "the pack's document",
                                                       allowed: PackKeys.document))
        let households = try pack.mapping("persons_per_household", context: "persons_per_household",
                                          allowed: PackKeys.personsPerHousehold)
        let personsPerHousehold = try households.positiveNumber("value")
        let basis = try households.text("basis")
        let basisEnglish = try households.optionalText("basis_en") ?? basis
        let coverage = try pack.value("coverage").map {
            try decodeCoverage(reader.mapping($0, context: "coverage", allowed: PackKeys.coverage))
        }
        let facilityKinds = try pack.value("facility_kinds").map(decodeFacilityKinds) ?? []
        let notes = try pack.value("notes").map {
            try reader.sequence($0, what: "notes").map(decodeNote)
        } ?? []

        let ruleDecoder = RuleDecoder(reader: reader, packDocument: document,
                                      facilityKinds: facilityKinds.map(\.id))
        var rules: [(rule: Rule, node: Node)] = []
        var positionOfID: [String: Int] = [:]  // a look-up, not a scan: loading stays linear in the rules
        for (index, node) in try pack.sequence("rules").enumerated() {
            let rule = try ruleDecoder.decode(node, position: index + 1)
            if let first = positionOfID[rule.id] {
                throw reader.error("duplicate rule id \"\(rule.id)\" (first at line \(rules[first].node.mark?.line ?? 0))",
                                   at: node)
            }
            positionOfID[rule.id] = rules.count
            rules.append((rule, node))
        }
        try checkAcrossRules(rules, coverage: coverage, notes: notes)

        return RulePack(id: id, title: title, titleEnglish: titleEnglish, jurisdiction: jurisdiction,
                        document: document, personsPerHousehold: personsPerHousehold,
                        personsPerHouseholdBasis: basis, personsPerHouseholdBasisEnglish: basisEnglish, coverage: coverage, facilityKinds: facilityKinds,
                        rules: rules.map(\.rule), packNotes: notes, path: path)
    }

    /// A note is `{note: 中文, note_en: English}`, or plain text (kept as is, for every language).
    func decodeNote(_ node: Node) throws -> PackNote {
        if node.scalar != nil { return PackNote(chinese: try reader.text(node, what: "a note"), english: nil) }
        let note = try reader.mapping(node, context: "a note", allowed: PackKeys.note)
        return PackNote(chinese: try note.text("note"), english: try note.optionalText("note_en"))
    }

    func decodeCoverage(_ coverage: YAMLMapping) throws -> CoverageDefinition {
        CoverageDefinition(minutes: try coverage.positiveNumber("minutes", atMost: AccessLimits.minutes),
                           profile: try coverage.choice("profile", as: CoverageProfile.self).rawValue,
                           straightLineRadius: try coverage.positiveNumber("straight_line_radius_m", atMost: AccessLimits.radiusMetres),
                           definition: try coverage.text("definition"))
    }

    /// `facility_kinds` maps an id to the labels that identify the kind in a facilities layer.
    func decodeFacilityKinds(_ node: Node) throws -> [FacilityKind] {
        guard let mapping = node.mapping else {
            throw reader.error("facility_kinds must map kind ids to lists of labels, found \(node.kindName)", at: node)
        }
        var kinds: [FacilityKind] = []
        var owners: [String: String] = [:]  // normalised label → kind id, to refuse ambiguous labels
        for (key, value) in mapping {
            let id = try reader.text(key, what: "a facility kind id")
            guard id.first?.isLowercase == true,
                  id.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }) else {
                throw reader.error("facility kind id \"\(id)\" must be lower-case ASCII letters, digits and _, "
                                   + "starting with a letter", at: key)
            }
            let labels = try reader.sequence(value, what: "the labels of facility kind \(id)").map {
                try reader.text($0, what: "a label of facility kind \(id)")
            }
            guard !labels.isEmpty else {
                throw reader.error("facility kind \(id) needs at least one label", at: value)
            }
            for label in labels {
                let normalised = label.lowercased()
                if let owner = owners[normalised] {
                    throw reader.error("label \"\(label)\" of facility kind \(id) is already a label of \(owner)",
                                       at: value)
                }
                owners[normalised] = id
            }
            kinds.append(FacilityKind(id: id, labels: labels))
        }
        return kinds
    }

    func checkAcrossRules(_ rules: [(rule: Rule, node: Node)], coverage: CoverageDefinition?,
                          notes: [PackNote]) throws {
        for (rule, node) in rules {
            if rule.metric == .coveredShare, coverage == nil {
                throw reader.error("rule \(rule.id) is a covered_share target, so the pack needs a coverage "
                                   + "section saying what covered means", at: node)
            }
            if rule.metric == .compliantShare, let status = rule.districtStatus,
               !rules.contains(where: { checksDistricts(of: status, $0.rule) }) {
                throw reader.error("rule \(rule.id) counts the \(status.rawValue) districts that comply, but no rule "
                                   + "applies to \(status.rawValue) districts", at: node)
            }
            if rule.citation.confidence == .recalled, notes.isEmpty {
                throw reader.error("rule \(rule.id) has confidence R (recalled, not verified), so the pack's notes "
                                   + "must say which figures a user must confirm", at: node)
            }
        }
    }

    /// Whether `rule` is a district rule that a compliant share of `status` districts counts.
    private func checksDistricts(of status: DistrictStatusFilter, _ rule: Rule) -> Bool {
        switch rule.target {
        case .districts(let other), .sites(let other): status == .any || other == .any || other == status
        case .planningUnits, .units, .territory: false
        }
    }
}

/// A `document` mapping, the pack's or a rule source's own. Its `text` must name a file of
/// GeoData/policies.
func decodeDocument(_ document: YAMLMapping) throws -> SourceDocument {
    let text = try document.optionalText("text")
    if let text {
        let node = document.value("text")
        guard !text.contains("/"), !text.hasPrefix(".") else {
            throw document.reader.error("text in \(document.context) is the file name of a text in GeoData/policies, "
                                        + "without a folder, found \"\(text)\"", at: node)
        }
        let path = URL(fileURLWithPath: RulePackLibrary.policiesDirectory).appendingPathComponent(text).path
        guard FileManager.default.fileExists(atPath: path) else {
            throw document.reader.error("text \"\(text)\" in \(document.context) is not a file in "
                                        + "\(RulePackLibrary.policiesDirectory)", at: node)
        }
    }
    return SourceDocument(title: try document.text("title"), number: try document.optionalText("number"),
                          issued: try document.optionalDate("issued"), text: text)
}

extension YAMLReader {
    /// Yams' parse errors as `RulePackError`s, keeping the line.
    func invalidYAML(_ error: YamlError) -> RulePackError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let during = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            return RulePackError(file: file, line: mark.line, message: "not valid YAML: \(problem)\(during)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return RulePackError(file: file, line: context.mark.line, message: "duplicate key \(keys)")
        case let .reader(problem, _, _, _):
            return RulePackError(file: file, line: nil, message: "not readable as YAML text: \(problem)")
        default:
            return RulePackError(file: file, line: nil, message: "not valid YAML: \(error)")
        }
    }
}
