import LifeCircleGeometry
import LifeCircleInput
import LifeCircleReport

/// The pre-approval report: project, summary, map, per-district table, rules with citations,
/// the ledger of what was rejected or repaired, and the assumptions.
struct ComplianceHTML {
    var report: ComplianceReport
    var districts: InputLayer
    var facilities: InputLayer
    var language: Language
    /// The districts the tables list (`listing`).
    let listed: [DistrictResult]

    init(report: ComplianceReport, districts: InputLayer, facilities: InputLayer, language: Language) {
        (self.report, self.districts, self.facilities, self.language) = (report, districts, facilities, language)
        listed = Self.listing(report.districts)
    }

    private func t(_ zh: String, _ en: String) -> String { Localized(zh: zh, en: en)(language) }
    private func n(_ x: Double?, _ decimals: Int = 1) -> String { x.map { ReportFormat.number($0, decimals: decimals) } ?? "—" }

    func render() -> String {
        var sections = [project(), summary(), map(), districtTable(), checks()]
        if !report.planningUnits.isEmpty { sections.append(planningUnits()) }
        if !report.network.isEmpty { sections.append(network()) }
        sections += [rules(), ledger(), assumptions()]
        return HTMLReport(
            title: t("养老服务设施配建达标评估", "Elderly-care facility provision: compliance check"),
            subtitle: "\(report.rules.title) · \(t("规则包", "rule pack")) \(report.rules.id)",
            language: language, sections: sections,
            footnotes: [t("条款原文见规则包 ", "Clause texts: rule pack ") + report.rules.path]).render()
    }

    private func status(_ outcome: Outcome) -> Status {
        switch outcome {
        case .pass: .pass
        case .fail: .fail
        case .insufficientData, .notApplicable: .insufficient
        }
    }

    private func label(_ outcome: Outcome) -> String {
        switch outcome {
        case .pass: t("达标", "pass")
        case .fail: t("未达标", "fail")
        case .insufficientData: t("数据不足", "insufficient data")
        case .notApplicable: t("不适用", "not applicable")
        }
    }

    /// A pack's unit name as a reader writes it.
    private func unitLabel(_ unit: String) -> String {
        switch unit {
        case "m2_per_100_households": t("平方米/百户", "m² per 100 households")
        case "m2": t("平方米", "m²")
        case "m2_per_person": t("平方米/人", "m² per person")
        case "places_per_1000_people": t("托位/千人", "places per 1,000 people")
        case "percent": "%"
        case "count": t("处", "facilities")
        case "beds_per_1000_elderly": t("张/千名老年人", "beds per 1,000 elderly")
        default: unit
        }
    }

    private func statusLabel(_ s: DistrictStatus?) -> String {
        switch s {
        case .new: t("新建", "new")
        case .existing: t("已建", "existing")
        case nil: t("未知", "unknown")
        }
    }

    private func project() -> ReportSection {
        var blocks: [ReportBlock] = report.notes.map { .paragraph($0) }
        blocks.append(.keyValues([
            KeyValue(t("居住区数据", "Districts"), "\(districts.source) — \(districts.features.count) \(t("个", "loaded"))"),
            KeyValue(t("设施数据", "Facilities"), "\(facilities.source) — \(facilities.features.count) \(t("处", "loaded"))"),
            KeyValue(t("规则包", "Rule pack"), "\(report.rules.id): \(report.rules.title)（\(report.rules.jurisdiction)）"),
        ]))
        return ReportSection(t("项目", "Project"), blocks)
    }

    private func summary() -> ReportSection {
        let s = report.summary
        func row(_ name: String, _ tally: ComplianceSummary.Tally) -> ReportTable.Row {
            .init([name, "\(tally.districts)", "\(tally.pass)", "\(tally.fail)", "\(tally.insufficientData)",
                   "\(tally.notApplicable)", n(tally.shortfallM2)])
        }
        let table = ReportTable(
            columns: [.text(t("类别", "Group")), .number(t("居住区", "Districts")), .number(t("达标", "Pass")),
                      .number(t("未达标", "Fail")), .number(t("数据不足", "Insufficient")),
                      .number(t("不适用", "N/A")), .number(t("缺口（平方米）", "Shortfall (m²)"))],
            rows: [row(t("新建", "New"), s.new), row(t("已建", "Existing"), s.existing),
                   row(t("状态未知", "Unknown status"), s.unknownStatus), row(t("合计", "All"), s.all)])
        var blocks: [ReportBlock] = [.table(table)]
        if !s.targets.isEmpty {
            blocks.append(.subheading(t("总体目标", "Territory targets")))
            blocks.append(.table(checkTable(s.targets.map { (nil, $0) })))
        }
        if !s.targetsElsewhere.isEmpty {
            blocks.append(.paragraph(t("以下目标不在本次核查范围内：", "Targets not evaluated by this check:")))
            blocks.append(.bulletList(s.targetsElsewhere.map { target in
                let needs = switch target.needs {
                case .coverageAnalysis: t("由覆盖分析评估", "judged by the coverage analysis")
                case .administrativeUnits: t("需要行政区划单元图层", "needs an administrative-units layer")
                }
                return "\(target.rule)：\(target.summary) — \(needs)"
            }))
        }
        return ReportSection(t("结论摘要", "Summary"), blocks)
    }

    private func map() -> ReportSection {
        let byID = Dictionary(report.districts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // A layer drawn as cells has no per-feature tooltips: no need to word 100,000 of them.
        let titled = { (layer: InputLayer) in layer.features.count <= SVGMap.maximumDrawnFeatures }
        let districtFeatures = districts.features.map { f in
            let outcome = byID[f.id]?.outcome ?? .insufficientData
            return MapFeature(f.geometry, style: .status(status(outcome)),
                              title: titled(districts) ? "\(districts.value("name", of: f)?.text ?? f.id): \(label(outcome))" : nil)
        }
        let areas = facilities.features.map { facilities.value("floor_area_m2", of: $0)?.number ?? 0 }
        let scale = SizeScale(maxValue: max(areas.max() ?? 1, 1))
        let facilityStyle = MapStyle(fill: "#333333", fillOpacity: 0.85, stroke: "#ffffff", strokeWidth: 0.8)
        let facilityFeatures = zip(facilities.features, areas).map { f, area in
            MapFeature(f.geometry, style: facilityStyle.radius(scale.radius(for: area)),
                       title: titled(facilities) ? "\(facilities.value("name", of: f)?.text ?? f.id): \(n(area, 0)) m²" : nil)
        }
        let legend: [LegendEntry] = [.heading(t("达标情况", "Outcome"))]
            + [Outcome.pass, .fail, .insufficientData].map { .area(label($0), .status(status($0))) }
            + scale.legendEntries(title: t("设施建筑面积", "Facility floor area"), style: facilityStyle) { "\(n($0, 0)) m²" }
        let svg = SVGMap(crsName: "\(report.assumptions.crs.metric) — \(t(report.assumptions.crs.metricReasonZh, report.assumptions.crs.metricReason))",
                         language: language,
                         layers: [MapLayer(name: "districts", features: districtFeatures),
                                  MapLayer(name: "facilities", features: facilityFeatures)],
                         legend: legend).render()
        return ReportSection(t("地图", "Map"), [.svg(svg, caption: t("居住区达标情况与养老服务设施分布", "Districts by outcome, and facilities by floor area"))])
    }

    /// The districts the tables list: all of a small run; of a large one the failing ones with the
    /// largest shortfall first, then those lacking data, then the rest — a bounded number, so that the
    /// report of a city opens at once. compliance.csv has every district.
    static let listedDistricts = 300

    private static func listing(_ all: [DistrictResult]) -> [DistrictResult] {
        guard all.count > Self.listedDistricts else { return all }
        func rank(_ o: Outcome) -> Int { o == .fail ? 0 : o == .insufficientData ? 1 : o == .notApplicable ? 2 : 3 }
        // Sort keys taken once: comparing the results themselves copies them, retains and all.
        let keys = all.map { (rank: rank($0.outcome), shortfall: $0.shortfallM2 ?? 0) }
        let order = all.indices.sorted { a, b in
            if keys[a].rank != keys[b].rank { return keys[a].rank < keys[b].rank }
            if keys[a].shortfall != keys[b].shortfall { return keys[a].shortfall > keys[b].shortfall }
            return a < b
        }
        return order.prefix(Self.listedDistricts).map { all[$0] }
    }

    /// Says how many districts the table leaves out, and where they are.
    private var omission: [ReportBlock] {
        let left = report.districts.count - listed.count
        guard left > 0 else { return [] }
        return [.paragraph(t("表中列出 \(listed.count) 个居住区（未达标者按缺口从大到小在前）；其余 \(left) 个见 compliance.csv 与 compliance.geojson。",
                             "Listed: \(listed.count) districts (failing ones first, largest shortfall first); the other \(left) are in compliance.csv and compliance.geojson."))]
    }

    private func districtTable() -> ReportSection {
        let rows = listed.map { d in
            ReportTable.Row([d.name ?? d.id, statusLabel(d.status), n(d.households, 0), n(d.requiredFloorAreaM2),
                             n(d.providedFloorAreaM2), n(d.shortfallM2), label(d.outcome),
                             (d.checks.filter { $0.outcome != .pass }.map(\.rule) + d.problems).joined(separator: "; ")],
                            status: status(d.outcome))
        }
        let all = report.summary.all
        let total = ReportTable.Row([t("合计", "Total"), "", n(report.districts.compactMap(\.households).reduce(0, +), 0),
                                     n(report.districts.compactMap(\.requiredFloorAreaM2).reduce(0, +)),
                                     n(report.districts.map(\.providedFloorAreaM2).reduce(0, +)), n(all.shortfallM2), "", ""],
                                    isSummary: true)
        return ReportSection(t("各居住区结果", "Districts"), omission + [.table(ReportTable(
            columns: [.text(t("居住区", "District")), .text(t("状态", "Status")), .number(t("户数", "Households")),
                      .number(t("应配建（平方米）", "Required (m²)")), .number(t("已配建（平方米）", "Provided (m²)")),
                      .number(t("缺口（平方米）", "Shortfall (m²)")), .text(t("结论", "Outcome")),
                      .text(t("未通过 / 问题", "Not passed / problems"))],
            rows: rows + [total]))])
    }

    private func checkTable(_ checks: [(String?, CheckResult)]) -> ReportTable {
        ReportTable(
            columns: [.text(t("对象", "Subject")), .text(t("规则", "Rule")), .number(t("数值", "Value")),
                      .text(t("标准", "Norm")), .text(t("结论", "Outcome")), .text(t("计算", "Figures"))],
            rows: checks.map { subject, c in
                ReportTable.Row([subject ?? t("全域", "Territory"), c.rule, n(c.value, 2),
                                 "\(c.comparison) \(n(c.threshold, c.threshold == c.threshold.rounded() ? 0 : 2)) \(unitLabel(c.unit))",
                                 label(c.outcome), language == .zh ? c.detailZh : c.detail], status: status(c.outcome))
            })
    }

    private func checks() -> ReportSection {
        let rows = listed.flatMap { d in d.checks.map { (d.name ?? d.id, $0) } }
        return ReportSection(t("逐条核查", "Checks, rule by rule"), omission + [.table(checkTable(rows))])
    }

    private func planningUnits() -> ReportSection {
        ReportSection(t("规划单元人均用地", "Land per person by planning unit"),
                      [.table(checkTable(report.planningUnits.map { ($0.id, $0.check) }))])
    }

    private func network() -> ReportSection {
        let table = ReportTable(
            columns: [.text(t("规则", "Rule")), .text(t("层级", "Level")), .text(t("设施类型", "Facility kind")),
                      .number(t("单元数", "Units")), .number(t("满足", "Meeting")), .number(t("要求比例", "Required share")),
                      .text(t("结论", "Outcome")), .text(t("缺少设施的单元", "Units lacking it"))],
            rows: report.network.map { r in
                ReportTable.Row([r.rule, r.level, r.facilityKind, "\(r.units)", "\(r.unitsMeeting)",
                                 "\(n(r.requiredShare, 0)) %", label(r.outcome),
                                 r.missing.map { $0.name ?? $0.id }.joined(separator: "、")], status: status(r.outcome))
            })
        return ReportSection(t("服务网络（县—乡镇—村）", "Service network (county – township – village)"), [.table(table)])
    }

    private func rules() -> ReportSection {
        func levelLabel(_ level: String) -> String {
            switch level {
            case "county": t("县(市、区)", "counties")
            case "street": t("街道", "streets")
            case "township": t("乡镇", "townships")
            case "village": t("村(社区)", "villages")
            default: level
            }
        }
        var seen = Set<String>()
        let checks = (report.districts.flatMap(\.checks) + report.summary.targets + report.planningUnits.map(\.check))
            .filter { seen.insert($0.rule).inserted }
            .map { c in (c.rule, "\(c.comparison) \(n(c.threshold, c.threshold == c.threshold.rounded() ? 0 : 2)) \(unitLabel(c.unit))", c.citation) }
        let network = report.network.filter { seen.insert($0.rule).inserted }.map { r in
            let count = "≥ \(n(r.perUnit, 0)) "
            return (r.rule, t("\(n(r.requiredShare, 0)) % 的\(levelLabel(r.level))各有 \(count)处\(r.facilityLabel)",
                              "\(n(r.requiredShare, 0)) % of \(levelLabel(r.level)): \(count)\(r.facilityKind) each"), r.citation)
        }
        let rows = (checks + network).map { id, norm, c in
            let number = c.number.flatMap { c.document.contains($0) ? nil : $0 }
            let document = [c.document, number, c.issued].compactMap { $0 }.joined(separator: " ")
            let phrase = c.quoted ? "“\(c.phrase)”" : t("（转述）", "(paraphrase) ") + c.phrase
            let confidence = c.confidence == "S" ? c.confidence : c.confidence + t("（须核实）", " (confirm)")
            return ReportTable.Row([id, norm, document, c.clause ?? "—", phrase, confidence])
        }
        let table = ReportTable(
            columns: [.text(t("规则", "Rule")), .text(t("标准", "Norm")), .text(t("文件", "Document")),
                      .text(t("条款", "Clause")), .text(t("原文", "Phrase")), .text(t("置信度", "Confidence"))],
            rows: rows)
        return ReportSection(t("规则与出处", "Rules and their sources"),
                             [.paragraph("\(report.rules.id): \(report.rules.title)"), .table(table)])
    }

    private func ledger() -> ReportSection {
        var blocks: [ReportBlock] = []
        blocks.append(.paragraph(t("未采用的要素：", "Features not used: ") + "\(report.rejected.count)"))
        if !report.rejected.isEmpty { blocks.append(.bulletList(report.rejected.map(\.description))) }
        blocks.append(.paragraph(t("已修复的几何：", "Geometries repaired: ") + "\(report.repaired.count)"))
        if !report.repaired.isEmpty { blocks.append(.bulletList(report.repaired.map(\.description))) }
        if !report.unallocatedFacilities.isEmpty {
            blocks.append(.paragraph(t("不在任何居住区内的设施：", "Facilities in no district: ")
                + report.unallocatedFacilities.joined(separator: ", ")))
        }
        if !report.warnings.isEmpty { blocks.append(.bulletList(report.warnings)) }
        return ReportSection(t("数据处理记录", "What was rejected, repaired or noted"), blocks)
    }

    private func assumptions() -> ReportSection {
        let a = report.assumptions
        var pairs = [
            KeyValue(t("户均人口", "Persons per household"), "\(n(a.personsPerHousehold, 2)) — \(t(a.personsPerHouseholdBasis, a.personsPerHouseholdBasisEnglish))"),
            KeyValue(t("按户均人口推算的居住区", "Districts using it"), "\(a.districtsUsingPersonsPerHousehold)"),
            KeyValue(t("源坐标系", "Source CRS"), "\(a.crs.source) (\(t(a.crs.sourceBasisZh, a.crs.sourceBasis)))"),
            KeyValue(t("计算坐标系", "Metric CRS"), "\(a.crs.metric) — \(t(a.crs.metricReasonZh, a.crs.metricReason))"),
            KeyValue(t("设施计入方式", "How facilities count"),
                     t("点位于居住区内则全部计入；面状设施按落在区内的面积比例计入；填写了所属小区的按所属小区计入。",
                       "a point inside a district counts wholly; a polygon by the share of its area inside; a facility naming its district_id counts there.")),
            KeyValue(t("阈值比较", "Comparisons"),
                     t("“不少于”按 ≥ 判定（计算误差 1e-9 以内视为相等）。", "“不少于” (not less than) is ≥; values within 1e-9 of the threshold count as equal.")),
        ]
        pairs += (language == .en ? a.notesEnglish : a.notes).map { KeyValue(t("规则包说明", "Pack note"), $0) }
        return ReportSection(t("假设", "Assumptions"), [
            .keyValues(pairs), .subheading(t("输入数据", "Inputs")),
            .table(.inputs(report.inputs.map { InputRow(file: $0.source, layer: $0.layer, encoding: $0.encoding, crs: $0.crs.source.description,
                                                      basis: t($0.crs.sourceBasisZh, $0.crs.sourceBasis), features: $0.features, rejected: $0.rejected) }, language: language)),
        ])
    }
}
