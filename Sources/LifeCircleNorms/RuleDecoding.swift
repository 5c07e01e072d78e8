import Yams

/// Reads one entry of a pack's `rules` and checks that its keys fit its metric.
struct RuleDecoder {
    let reader: YAMLReader
    /// The document a rule cites when its source names none.
    let packDocument: SourceDocument
    /// The ids declared in the pack's `facility_kinds`.
    let facilityKinds: [String]

    func decode(_ node: Node, position: Int) throws -> Rule {
        // Messages name the rule by its id when it has one, by its position otherwise.
        let name = node.mapping?["id"]?.scalar.map { "rule \($0.string)" } ?? "rule #\(position)"
        let rule = try reader.mapping(node, context: name, allowed: PackKeys.rule)
        let id = try rule.text("id")
        guard !id.contains(where: \.isWhitespace) else {
            throw reader.error("rule id \"\(id)\" must not contain spaces", at: rule.value("id"))
        }
        let metric = try rule.choice("metric", as: Metric.self)
        let (target, districtStatus) = try decodeTarget(rule, metric: metric)
        let (comparison, threshold) = try decodeThreshold(rule, metric: metric)

        let unitNode = try rule.required("unit", hint: " (metric \(metric.rawValue) is measured in \(metric.unit))")
        let unit = try reader.text(unitNode, what: "unit in \(name)")
        guard unit == metric.unit else {
            throw reader.error("unit \"\(unit)\" in \(name) does not match metric \(metric.rawValue) "
                               + "(expected \(metric.unit))", at: unitNode)
        }

        return Rule(id: id, target: target, metric: metric, comparison: comparison, threshold: threshold,
                    unit: unit, facilityKind: try decodeFacilityKind(rule, metric: metric),
                    demandKind: try decodeDemandKind(rule, metric: metric), districtStatus: districtStatus,
                    unitShare: try decodeUnitShare(rule, metric: metric), deadline: try rule.optionalDate("deadline"),
                    citation: try decodeCitation(rule.mapping("source", context: "the source of \(name)",
                                                              allowed: PackKeys.source)),
                    summary: try rule.text("summary"), summaryEnglish: try rule.optionalText("summary_en"))
    }

    /// `applies_to` with `district_status` / `unit_level`; a compliant share keeps its status beside
    /// the territory target.
    private func decodeTarget(_ rule: YAMLMapping, metric: Metric) throws
        -> (RuleTarget, compliantShareStatus: DistrictStatusFilter?) {
        let kind = try rule.choice("applies_to", as: TargetKind.self)
        guard metric.targetKinds.contains(kind) else {
            let fits = metric.targetKinds.map(\.rawValue).joined(separator: " or ")
            throw reader.error("metric \(metric.rawValue) in \(rule.context) applies to \(fits), not \(kind.rawValue)",
                               at: rule.value("applies_to"))
        }
        if !(kind == .districts || kind == .sites || metric == .compliantShare) {
            try rule.refuse("district_status", because: "is only for rules on districts or sites and for compliant_share")
        }
        if kind != .units {
            try rule.refuse("unit_level", because: "is only for rules that apply to units")
        }
        func status() throws -> DistrictStatusFilter { try rule.choice("district_status", as: DistrictStatusFilter.self) }
        switch kind {
        case .districts: return (.districts(try status()), nil)
        case .sites: return (.sites(try status()), nil)
        case .planningUnits: return (.planningUnits, nil)
        case .units: return (.units(try rule.choice("unit_level", as: AdministrativeLevel.self)), nil)
        case .territory: return (.territory, metric == .compliantShare ? try status() : nil)
        }
    }

    private func decodeThreshold(_ rule: YAMLMapping, metric: Metric) throws -> (Comparison, Double) {
        let given = PackKeys.thresholds.filter { rule.keyNode($0.key) != nil }
        let exactlyOne = "give exactly one of \(PackKeys.thresholds.map(\.key).joined(separator: ", "))"
        guard let first = given.first else {
            throw reader.error("\(rule.context) has no threshold: \(exactlyOne)", at: rule.node)
        }
        guard given.count == 1 else {
            throw reader.error("\(rule.context) has \(given.map(\.key).joined(separator: " and ")): \(exactlyOne)",
                               at: rule.keyNode(given[1].key))
        }
        let threshold = try rule.number(first.key)
        if metric.isPercent, threshold > 100 {
            throw reader.error("\(first.key) in \(rule.context) is a percentage and cannot exceed 100",
                               at: rule.value(first.key))
        }
        return (first.comparison, threshold)
    }

    private func decodeFacilityKind(_ rule: YAMLMapping, metric: Metric) throws -> String? {
        let kind: String?
        switch metric {
        case .facilitiesPerUnit:
            kind = try rule.text("facility_kind")
        case .coveredShare, .floorAreaPerSite:
            kind = try rule.optionalText("facility_kind")
        default:
            try rule.refuse("facility_kind",
                            because: "is only for facilities_per_unit, covered_share and floor_area_per_site rules")
            return nil
        }
        if let kind, !facilityKinds.contains(kind) {
            let declared = facilityKinds.isEmpty ? "the pack declares none"
                : "declared: \(facilityKinds.joined(separator: ", "))"
            throw reader.error("facility_kind \"\(kind)\" in \(rule.context) is not declared in facility_kinds "
                               + "(\(declared))", at: rule.value("facility_kind"))
        }
        return kind
    }

    private func decodeDemandKind(_ rule: YAMLMapping, metric: Metric) throws -> String? {
        guard metric == .coveredShare else {
            try rule.refuse("demand_kind", because: "is only for covered_share rules")
            return nil
        }
        return try rule.choice("demand_kind", as: DemandKind.self).rawValue
    }

    private func decodeUnitShare(_ rule: YAMLMapping, metric: Metric) throws -> Double? {
        guard metric == .facilitiesPerUnit else {
            try rule.refuse("unit_share", because: "is only for facilities_per_unit rules")
            return nil
        }
        guard let share = try rule.optionalNumber("unit_share") else { return nil }
        guard share > 0, share <= 100 else {
            throw reader.error("unit_share in \(rule.context) is a percentage of units: above 0, at most 100",
                               at: rule.value("unit_share"))
        }
        return share
    }

    /// `phrase` quotes the text; `paraphrase` stands in when the exact words were not at hand.
    private func decodeCitation(_ source: YAMLMapping) throws -> Citation {
        let document = try source.value("document").map {
            try decodeDocument(reader.mapping($0, context: "the document of \(source.context)",
                                              allowed: PackKeys.document))
        } ?? packDocument
        let quoted = source.keyNode("phrase") != nil
        guard quoted != (source.keyNode("paraphrase") != nil) else {
            throw reader.error("\(source.context) needs exactly one of phrase (the text's exact words) and "
                               + "paraphrase (when they are not at hand)", at: source.node)
        }
        return Citation(document: document, clause: try source.optionalText("clause"),
                        phrase: try source.text(quoted ? "phrase" : "paraphrase"), phraseIsQuoted: quoted,
                        confidence: try source.choice("confidence", as: Confidence.self))
    }
}
