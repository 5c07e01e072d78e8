import LifeCircleGeometry
import LifeCircleInput
import LifeCircleReport

/// The coverage report: summary against targets, the map of service circles and units, the
/// uncovered units with their times, and the method and assumptions.
struct CoverageHTML {
    var report: CoverageReport
    var demand: InputLayer
    var facilities: InputLayer
    var circles: [Geometry]
    var language: Language

    private func t(_ zh: String, _ en: String) -> String { Localized(zh: zh, en: en)(language) }
    private func n(_ x: Double?, _ decimals: Int = 1) -> String { x.map { ReportFormat.number($0, decimals: decimals) } ?? "—" }
    private func pct(_ x: Double?) -> String { x.map { ReportFormat.percent($0) } ?? "—" }
    private func kindLabel(_ k: String) -> String { k == "village" ? t("行政村", "villages") : k == "community" ? t("社区", "communities") : k }
    private var isNetwork: Bool { report.summary.method == "network" }

    func render() -> String {
        HTMLReport(
            title: report.summary.minutes.map { m in
                t("\(ReportFormat.number(m))分钟养老服务圈覆盖评估", "\(ReportFormat.number(m))-minute elderly-care service circles: coverage")
            } ?? t("养老服务圈覆盖评估（直线距离）", "Elderly-care service circles: coverage (straight line)"),
            subtitle: isNetwork ? t("沿道路网络计算", "along the street network") : t("按直线距离计算（无路网）", "straight-line distance (no network)"),
            language: language,
            sections: [overview(), map(), uncovered(), assumptions()],
            footnotes: []).render()
    }

    private func overview() -> ReportSection {
        let s = report.summary
        var blocks: [ReportBlock] = report.notes.map { .paragraph($0) }
        var rows = s.shareByKind.sorted { $0.key < $1.key }.map { kind, share in
            ReportTable.Row([kindLabel(kind), "\(share.units)", "\(share.covered)", pct(share.share)])
        }
        rows.append(ReportTable.Row([t("合计", "All"), "\(s.units)", "\(s.covered)",
                                     pct(s.units > 0 ? Double(s.covered) / Double(s.units) : nil)], isSummary: true))
        blocks.append(.table(ReportTable(columns: [.text(t("类型", "Kind")), .number(t("单元数", "Units")),
                                                   .number(t("覆盖", "Covered")), .number(t("覆盖率", "Share"))], rows: rows)))
        blocks.append(.keyValues([
            KeyValue(t("人口覆盖率", "Population covered"), pct(s.sharePopulation)),
            KeyValue(t("老年人口覆盖率", "Elderly population covered"), pct(s.shareElderly)),
        ]))
        if !s.targets.isEmpty {
            blocks.append(.subheading(t("覆盖目标", "Targets")))
            blocks.append(.table(ReportTable(
                columns: [.text(t("规则", "Rule")), .text(t("对象", "Units")), .number(t("覆盖率", "Share")),
                          .text(t("目标", "Target")), .text(t("结论", "Outcome")), .text(t("出处", "Source"))],
                rows: s.targets.map { target in
                    let status: Status = target.outcome == "pass" ? .pass : target.outcome == "fail" ? .fail : .insufficient
                    // A target counted on one facility kind says so, with how many of the facilities are of it.
                    let counted = target.facilitiesOfKind.map { count in
                        let labels = (target.facilityLabels ?? []).joined(separator: " / ")
                        return t("（只计\(labels)：\(facilities.features.count) 处设施中 \(count) 处属此类）",
                                 " (counts \(labels) only: \(count) of the \(facilities.features.count) facilities are of that kind)")
                    } ?? ""
                    return ReportTable.Row([target.rule, kindLabel(target.demandKind) + counted,
                                            pct(target.share), "\(target.comparison) \(n(target.thresholdPercent, 0)) %",
                                            status.label(language), target.citation], status: status)
                })))
        }
        return ReportSection(t("结论摘要", "Summary"), blocks)
    }

    private func map() -> ReportSection {
        let covered = MapStyle.status(.pass), notCovered = MapStyle.status(.fail)
        let circleStyle = MapStyle(fill: "#56B4E9", fillOpacity: 0.18, stroke: "#0072B2", strokeWidth: 0.6)
        let facilityStyle = MapStyle(fill: "#000000", stroke: "#ffffff", strokeWidth: 0.8, pointRadius: 4)
        // A layer drawn as cells has no per-feature tooltips.
        let titled = report.units.count <= SVGMap.maximumDrawnFeatures
        let units = report.units.map { u -> MapFeature in
            let minutes = u.minutes.map { " \(n($0)) min" } ?? u.meters.map { " \(n($0, 0)) m" } ?? ""
            return MapFeature(demand.features[u.feature].geometry, style: (u.covered ? covered : notCovered).radius(5),
                              title: titled ? "\(u.name ?? u.id):\(minutes)" : nil)
        }
        let svg = SVGMap(
            crsName: "\(report.summary.crs.metric) — \(t(report.summary.crs.metricReasonZh, report.summary.crs.metricReason))", language: language,
            layers: [MapLayer(name: "circles", features: circles.map { MapFeature($0, style: circleStyle) }),
                     MapLayer(name: "units", features: units),
                     MapLayer(name: "facilities", features: facilities.features.map {
                         MapFeature($0.geometry, style: facilityStyle, title: facilities.value("name", of: $0)?.text ?? $0.id) })],
            legend: [.area(t("服务圈", "Service circle"), circleStyle), .point(t("已覆盖", "Covered"), covered.radius(5)),
                     .point(t("未覆盖", "Not covered"), notCovered.radius(5)), .point(t("养老服务设施", "Facility"), facilityStyle)]).render()
        return ReportSection(t("地图", "Map"), [.svg(svg, caption: t(report.summary.profileZh, report.summary.profile))])
    }

    /// At most this many units in the table of units not covered.
    static let listedUnits = 300

    private func uncovered() -> ReportSection {
        // The farthest first (off-network ones, with no time, at the top), a bounded number: the
        // report of a province stays small; coverage.geojson has every unit.
        let all = report.units.filter { !$0.covered }
        let listed = all.enumerated().sorted { a, b in
            let (x, y) = (a.element.minutes ?? .infinity, b.element.minutes ?? .infinity)
            return x != y ? x > y : a.offset < b.offset
        }.prefix(Self.listedUnits).map(\.element)
        let omission: [ReportBlock] = all.count > listed.count
            ? [.paragraph(t("表中列出最远的 \(listed.count) 个未覆盖单元；其余 \(all.count - listed.count) 个见 coverage.geojson 与 coverage.json。",
                            "Listed: the \(listed.count) farthest units not covered; the other \(all.count - listed.count) are in coverage.geojson and coverage.json."))]
            : []
        let rows = listed.map { u in
            ReportTable.Row([u.name ?? u.id, kindLabel(u.kind.rawValue), n(u.minutes), n(u.meters, 0), u.nearestFacility ?? "—", u.note ?? ""],
                            status: .fail)
        }
        return ReportSection(t("未覆盖的单元", "Units not covered"), omission + [.table(ReportTable(
            columns: [.text(t("名称", "Name")), .text(t("类型", "Kind")), .number(t("分钟", "Minutes")), .number(t("米", "Metres")),
                      .text(t("最近设施", "Nearest facility")), .text(t("说明", "Note"))], rows: rows))])
    }

    private func assumptions() -> ReportSection {
        let s = report.summary
        var pairs = [
            KeyValue(t("方法", "Method"), isNetwork ? t("路网最短路径（多源 Dijkstra）", "shortest paths along the network (multi-source Dijkstra)")
                                                     : t("直线距离（无路网时的替代方法）", "straight-line distance (the fallback without a network)")),
            KeyValue(t("出行设定", "Profile"), t(s.profileZh, s.profile)),
            KeyValue(t("源坐标系", "Source CRS"), "\(s.crs.source) (\(t(s.crs.sourceBasisZh, s.crs.sourceBasis)))"),
            KeyValue(t("计算坐标系", "Metric CRS"), "\(s.crs.metric) — \(t(s.crs.metricReasonZh, s.crs.metricReason))"),
            KeyValue(t("单元定位", "Unit location"), t("点取原位；面取质心（质心在面内时），否则取面内点",
                                                       "points as given; polygons at their centroid when inside, else a point on surface")),
        ]
        if s.unitsDefaultedToCommunity > 0 {
            pairs.append(KeyValue(t("未注明类型、按社区计的单元", "Units without a kind, counted as communities"), "\(s.unitsDefaultedToCommunity)"))
        }
        if let network = report.network {
            pairs.append(KeyValue(t("路网", "Network"), t(network.descriptionZh, network.description)))
        }
        var blocks: [ReportBlock] = [.keyValues(pairs), .subheading(t("输入数据", "Inputs")),
                                     .table(.inputs(report.inputs.map { InputRow(file: $0.source, layer: $0.layer, encoding: $0.encoding, crs: $0.crs.source.description,
                                                      basis: t($0.crs.sourceBasisZh, $0.crs.sourceBasis), features: $0.features, rejected: $0.rejected) }, language: language))]
        if !report.rejected.isEmpty { blocks.append(.bulletList(report.rejected.map(\.description))) }
        if !report.warnings.isEmpty { blocks.append(.bulletList(report.warnings)) }
        return ReportSection(t("方法与假设", "Method and assumptions"), blocks)
    }
}
