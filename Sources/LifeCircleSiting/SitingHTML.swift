import LifeCircleGeometry
import LifeCircleInput
import LifeCircleReport

/// The siting report: coverage before and after, the same map before and after the proposed
/// sites, the sites in the order to build them, and how the answer was found and how good it is.
struct SitingHTML {
    var report: SitingReport
    var layers: SitingFiles.Layers
    var language: Language

    private func t(_ zh: String, _ en: String) -> String { Localized(zh: zh, en: en)(language) }

    /// `summary.objectiveMeaning` in Chinese, from the request it describes.
    private var objectiveMeaningZh: String {
        let r = report.request
        let measure = switch r.by { case .units: "单元数"; case .population: "人口"; case .elderly: "老年人口" }
        if r.goal == "add-sites" { return (r.capacitated ? "服务的" : "覆盖的") + measure }
        return report.summary.objectiveMeaning.hasPrefix("cost") ? "新增设施的成本" : "新增设施数"
    }
    private func n(_ x: Double?, _ decimals: Int = 0) -> String { x.map { ReportFormat.number($0, decimals: decimals) } ?? "—" }
    private func pct(_ x: Double?) -> String { x.map { ReportFormat.percent($0) } ?? "—" }
    /// Whole numbers as they are, others to two decimals.
    private func value(_ x: Double) -> String { n(x, x == x.rounded() ? 0 : 2) }
    private var measure: String {
        switch report.request.by {
        case .units: t("单元数", "units")
        case .population: t("人口", "population")
        case .elderly: t("老年人口", "elderly population")
        }
    }

    // Okabe–Ito colours, as the other reports use: covered before, newly covered, not covered, proposed.
    private let coveredBefore = MapStyle(fill: Status.pass.color, stroke: "#ffffff", strokeWidth: 0.6, pointRadius: 5)
    private let newlyCovered = MapStyle(fill: "#009E73", stroke: "#000000", strokeWidth: 0.8, pointRadius: 5)
    private let notCovered = MapStyle(fill: Status.fail.color, stroke: "#ffffff", strokeWidth: 0.6, pointRadius: 5)
    private let existingStyle = MapStyle(fill: "#000000", stroke: "#ffffff", strokeWidth: 0.8, pointRadius: 4)
    // A ring, so the unit at the same place still shows inside it.
    private let proposedStyle = MapStyle(stroke: "#CC79A7", strokeWidth: 3, pointRadius: 9)
    private let candidateStyle = MapStyle(fill: "#ffffff", stroke: "#777777", strokeWidth: 0.8, pointRadius: 3)
    private let existingArea = MapStyle(fill: "#56B4E9", fillOpacity: 0.15, stroke: "#0072B2", strokeWidth: 0.6)
    private let proposedArea = MapStyle(fill: "#CC79A7", fillOpacity: 0.15, stroke: "#CC79A7", strokeWidth: 1.2, dash: [4, 3])

    func render() -> String {
        let isNetwork = report.request.method == "network"
        return HTMLReport(
            title: t("养老服务设施选址建议", "Where to build next: elderly-care facility siting"),
            subtitle: isNetwork ? t("沿道路网络计算", "along the street network") : t("按直线距离计算（无路网）", "straight-line distance (no network)"),
            language: language,
            sections: [overview(), maps(), sites()] + (report.summary.capacity.map { [capacity($0)] } ?? []) + [method()],
            footnotes: []).render()
    }

    private func overview() -> ReportSection {
        let s = report.summary
        var blocks: [ReportBlock] = report.notes.map { .paragraph($0) }
        let ask = switch report.request.goal {
        case "add-sites": t("新增 \(report.request.sites ?? 0) 处设施，使覆盖的\(measure)最多", "add \(report.request.sites ?? 0) sites covering the most \(measure)")
        default: t("以最少的新增设施使\(measure)覆盖率达到 \(pct(report.request.targetShare))",
                   "the fewest new sites bringing the \(measure) covered to \(pct(report.request.targetShare))")
        }
        blocks.append(.paragraph(t("问题：", "Asked: ") + ask + t("。建议新增 \(s.sitesAdded) 处：", ". Proposed: \(s.sitesAdded) new sites: ")
                                 + report.selected.map { $0.name ?? $0.id }.joined(separator: t("、", ", ")) + t("。", ".")))
        let served = report.request.capacitated ? t("（按容量服务）", " (served within capacity)") : ""
        blocks.append(.table(ReportTable(
            columns: [.text(""), .number(t("新增前", "Before")), .number(t("新增后", "After"))],
            rows: [
                ReportTable.Row([t("覆盖的单元", "Units covered"), "\(s.coveredUnitsBefore) / \(s.units)", "\(s.coveredUnitsAfter) / \(s.units)"]),
                ReportTable.Row([t("覆盖人口", "Population covered"), n(s.coveredPopulationBefore), n(s.coveredPopulationAfter)]),
                ReportTable.Row([t("覆盖老年人口", "Elderly population covered"), n(s.coveredElderlyBefore), n(s.coveredElderlyAfter)]),
                ReportTable.Row([t("\(measure)覆盖率", "Share of \(measure) covered") + served, pct(s.shareBefore), pct(s.shareAfter)],
                                status: s.targetMet.map { $0 ? .pass : .fail }, isSummary: true),
            ])))
        var pairs = [
            KeyValue(t("目标值", "Objective") + " (\(t(objectiveMeaningZh, s.objectiveMeaning)))", value(s.objective)),
            KeyValue(t("最佳界", "Best bound"), value(s.bestBound)),
            KeyValue(t("间隙", "Gap"), pct(s.gap)),
            KeyValue(t("是否已证明最优", "Proved optimal"), s.optimal ? t("是", "yes") : t("否", "no")),
            KeyValue(t("全部候选点建成时可达的覆盖率", "Best reachable share (every candidate built)"), pct(s.bestReachableShare)),
        ]
        if let met = s.targetMet { pairs.append(KeyValue(t("是否达到目标", "Target met"), met ? t("是", "yes") : t("否", "no"))) }
        blocks.append(.keyValues(pairs))
        return ReportSection(t("结论摘要", "Summary"), blocks)
    }

    /// The same frame before and after: kept facilities and their circles, then the proposed sites.
    private func maps() -> ReportSection {
        let unitsByID = Dictionary(report.units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let units = { (after: Bool) in
            layers.demand.features.compactMap { f -> MapFeature? in
                guard let u = unitsByID[f.id] else { return nil }
                let style = u.coveredBefore ? coveredBefore : (after && u.coveredAfter) ? newlyCovered : notCovered
                return MapFeature(f.geometry, style: style, title: u.name ?? u.id)
            }
        }
        let selected = Set(report.selected.map(\.id))
        let allCandidates = layers.candidates.features.map {
            MapFeature($0.geometry, style: candidateStyle, title: layers.candidates.value("name", of: $0)?.text ?? $0.id)
        }
        let candidates = zip(layers.candidates.features, allCandidates).filter { !selected.contains($0.0.id) }.map(\.1)
        let proposedByID = Dictionary(layers.candidates.features.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let proposed = report.selected.compactMap { site in
            proposedByID[site.id].map { MapFeature($0.geometry, style: proposedStyle, title: "\(site.rank). \(site.name ?? site.id)") }
        }
        let existing = (layers.facilities?.features ?? []).map {
            MapFeature($0.geometry, style: existingStyle, title: layers.facilities!.value("name", of: $0)?.text ?? $0.id)
        }
        let existingAreas = MapLayer(name: "existing-areas", features: layers.existingAreas.map { MapFeature($0, style: existingArea) })
        let proposedAreas = MapLayer(name: "proposed-areas", features: layers.proposedAreas.map { MapFeature($0, style: proposedArea) })
        let all = layers.demand.features.map(\.geometry) + layers.candidates.features.map(\.geometry)
            + (layers.facilities?.features.map(\.geometry) ?? []) + layers.existingAreas + layers.proposedAreas
        let extent = all.compactMap(\.envelope).reduce(nil) { (sum: Envelope?, e: Envelope) in sum.map { $0.union(e) } ?? e }
        let crs = "\(report.request.crs.metric) — \(t(report.request.crs.metricReasonZh, report.request.crs.metricReason))"

        let before = SVGMap(
            crsName: crs, language: language, title: t("新增前", "Before"),
            layers: [existingAreas, MapLayer(name: "candidates", features: allCandidates),
                     MapLayer(name: "units", features: units(false)), MapLayer(name: "existing", features: existing)],
            legend: [.area(t("现有设施服务范围", "Existing service area"), existingArea), .point(t("已覆盖", "Covered"), coveredBefore),
                     .point(t("未覆盖", "Not covered"), notCovered), .point(t("现有设施", "Existing facility"), existingStyle),
                     .point(t("候选点", "Candidate site"), candidateStyle)],
            extent: extent).render()
        let after = SVGMap(
            crsName: crs, language: language, title: t("新增后", "After"),
            layers: [existingAreas, proposedAreas, MapLayer(name: "candidates", features: candidates),
                     MapLayer(name: "units", features: units(true)), MapLayer(name: "existing", features: existing),
                     MapLayer(name: "proposed", features: proposed)],
            legend: [.area(t("现有设施服务范围", "Existing service area"), existingArea), .area(t("新增设施服务范围", "Proposed service area"), proposedArea),
                     .point(t("原已覆盖", "Covered before"), coveredBefore), .point(t("新增覆盖", "Newly covered"), newlyCovered),
                     .point(t("仍未覆盖", "Still not covered"), notCovered), .point(t("现有设施", "Existing facility"), existingStyle),
                     .point(t("建议新增设施", "Proposed site"), proposedStyle), .point(t("未选中的候选点", "Candidate not chosen"), candidateStyle)],
            extent: extent).render()
        return ReportSection(t("地图：新增前后", "Maps: before and after"), [
            .svg(before, caption: t("新增前：", "Before: ") + t(report.request.profileZh, report.request.profile)),
            .svg(after, caption: t("新增后：", "After: ") + t(report.request.profileZh, report.request.profile)),
        ])
    }

    private func sites() -> ReportSection {
        let capacitated = report.request.capacitated
        let costs = report.selected.contains { $0.cost != 1 } || report.candidates.contains { $0.cost != 1 }
        var columns: [ReportTable.Column] = [.number(t("顺序", "Rank")), .text(t("名称", "Name")), .text(t("编号", "Id")),
                                             .number(t("新增覆盖单元", "Units newly covered")), .number(t("新增覆盖人口", "Population")),
                                             .number(t("新增覆盖老年人口", "Elderly"))]
        if costs { columns.append(.number(t("成本", "Cost"))) }
        if capacitated { columns += [.number(t("可服务户数", "Capacity (households)")), .number(t("实际服务户数", "Served (households)"))] }
        let rows = report.selected.map { site in
            var cells = [String(site.rank), site.name ?? "—", site.id, String(site.newlyCoveredUnits),
                         n(site.newlyCoveredPopulation), n(site.newlyCoveredElderly)]
            if costs { cells.append(n(site.cost, 2)) }
            if capacitated { cells += [n(site.capacityHouseholds), n(site.servedHouseholds)] }
            return ReportTable.Row(cells)
        }
        return ReportSection(t("建议新增设施（按边际增益排序）", "Proposed sites, in order of marginal gain"), [
            .paragraph(t("每处设施的新增覆盖不含现有设施和排在其前面的新增设施已覆盖的单元。",
                         "What each site newly covers excludes units the kept facilities and the sites ranked before it already cover.")),
            .table(ReportTable(columns: columns, rows: rows)),
        ])
    }

    private func capacity(_ c: CapacitySummary) -> ReportSection {
        let basis = report.request.capacity
        return ReportSection(t("容量与未满足需求", "Capacity and unmet demand"), [
            .keyValues([
                KeyValue(t("需求户数", "Households"), n(c.demandHouseholds)),
                KeyValue(t("新增前已服务户数", "Served before"), n(c.servedHouseholdsBefore)),
                KeyValue(t("新增后已服务户数", "Served after"), n(c.servedHouseholdsAfter)),
                KeyValue(t("未满足户数", "Unmet households"), n(c.unmetHouseholds)),
                KeyValue(t("其中在服务范围内但超出容量", "of which within reach but beyond capacity"), n(c.unmetWithinReachHouseholds)),
                KeyValue(t("容量标准", "Capacity norm"),
                         basis.map { "\(n($0.normM2Per100Households, 1)) m² / 100 " + t("户", "households") + " (\($0.normSource))" } ?? "—"),
            ]),
        ])
    }

    private func method() -> ReportSection {
        let s = report.summary, r = report.request
        let model = switch r.goal {
        case "add-sites": t("最大覆盖选址模型（MCLP）", "maximal covering (MCLP)")
        default: t("集合覆盖选址模型（按目标覆盖率，LSCP）", "set covering to a target share (LSCP)")
        }
        var pairs = [
            KeyValue(t("访问方法", "Access"), r.method == "network" ? t("路网最短路径", "shortest paths along the network")
                                                                  : t("直线距离（无路网时的替代方法）", "straight-line distance (the fallback without a network)")),
            KeyValue(t("出行设定", "Profile"), t(r.profileZh, r.profile)),
            KeyValue(t("优化模型", "Model"), model + (r.capacitated ? t("，含容量约束", ", capacitated") : "")),
            KeyValue(t("求解方法", "Method"), s.method == .mip ? t("混合整数规划，\(s.solver)（以启发式解为初始解）", "mixed-integer programming, \(s.solver) (started from the heuristic's answer)")
                                                             : t("贪心 + 交换局部搜索（规模超出 MIP 上限），界来自线性松弛", "greedy + swap local search (too large for the MIP); bound from the LP relaxation")),
            KeyValue(t("求解状态", "Solver status"), s.solverStatus),
            KeyValue(t("启发式目标值", "Heuristic objective"), value(s.heuristicObjective)),
            KeyValue(t("用时", "Time"), "\(n(s.seconds, 2)) s (" + t("上限", "limit") + " \(n(r.timeLimitSeconds)) s)"),
            KeyValue(t("计算坐标系", "Metric CRS"), "\(r.crs.metric) — \(t(r.crs.metricReasonZh, r.crs.metricReason))"),
        ]
        if let basis = r.capacity {
            pairs.append(KeyValue(t("每户人数", "Persons per household"), "\(n(basis.personsPerHousehold, 2)); "
                                  + t("按人口估算户数的单元：", "units with households estimated from population: ") + "\(basis.unitsFromPopulation)"))
        }
        var blocks: [ReportBlock] = [.keyValues(pairs), .subheading(t("输入数据", "Inputs")),
                                     .table(.inputs(report.inputs.map { InputRow(file: $0.source, layer: $0.layer, encoding: $0.encoding, crs: $0.crs.source.description,
                                                      basis: t($0.crs.sourceBasisZh, $0.crs.sourceBasis), features: $0.features, rejected: $0.rejected) }, language: language))]
        if !report.rejected.isEmpty { blocks.append(.bulletList(report.rejected.map(\.description))) }
        if !report.warnings.isEmpty { blocks.append(.bulletList(report.warnings)) }
        return ReportSection(t("方法与假设", "Method and assumptions"), blocks)
    }
}
