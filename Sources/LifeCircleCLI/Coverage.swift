import ArgumentParser
import Foundation
import LifeCircleCRS
import LifeCircleCoverage
import LifeCircleInput
import LifeCircleNorms
import LifeCircleReport

struct Coverage: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Which communities and villages lie within the service circle of a facility.",
        discussion: """
            Writes coverage.json (schema: Schemas/coverage.schema.json), coverage.geojson, circles.geojson, \
            area.geojson (the merged coverage area) (or, with --format gpkg, coverage.gpkg: all of them and \
            the facilities, styled for QGIS) and \
            report.html into --out. Exit status: 0 the run completed; 64 bad usage; 65 bad input data.
            """)

    @OptionGroup var input: DemandOptions

    @OptionGroup var access: AccessOptions

    @Option(help: "A rule pack whose coverage targets are judged (e.g. yinchuan-2020).")
    var rules: String?

    @OptionGroup var fieldOptions: FieldOptions

    @OptionGroup var output: OutputOptions


    func run() throws {
        let overrides = try fieldOptions.overrides()
        let log = output.log
        let (report, written) = try reportingInputErrors { () throws -> (CoverageReport, [String]) in
            let pack = try rules.map { try RulePackLibrary.standard.load($0) }
            let perLayer = try FieldOverrides.distribute(overrides, over: [(input.demand, nil), (input.facilities, nil)])
            let options = [LoadOptions(sourceCRS: input.demandFrom, fieldOverrides: perLayer[0]),
                           LoadOptions(sourceCRS: input.facilitiesFrom, fieldOverrides: perLayer[1])]
            let read = try log.step("read \(input.demand), \(input.facilities)", result: { "\($0.map(\.records.count)) features" }) {
                try InputLoader.read([(input.demand, options[0]), (input.facilities, options[1])])
            }
            let demandLayer = try log.step("prepare demand units", result: features) { try InputLoader.prepare(read[0], options: options[0]) }
            let metric = try CRS(parsing: demandLayer.crs.metric)
            let facilityLayer = try log.step("prepare facilities", result: features) {
                var facilityOptions = options[1]
                facilityOptions.metricCRS = metric
                return try InputLoader.prepare(read[1], options: facilityOptions)
            }
            let chosen = try log.step(access.network.map { "read the street network \($0)" } ?? "straight-line access") {
                try access.choose(pack: pack, metric: metric)
            }
            let model = chosen.model
            let report = try log.step("travel from \(facilityLayer.features.count) facilities to \(demandLayer.features.count) units") {
                try CoverageAnalysis.run(.init(
                    demand: demandLayer, facilities: facilityLayer, kind: input.kind, model: model,
                    profile: chosen.description, minutes: chosen.minutes, radius: chosen.radius, pack: pack, notes: output.note))
            }
            let circles = try log.step("draw \(facilityLayer.features.count) service circles") {
                try CoverageAnalysis.serviceAreas(of: facilityLayer, model: model)
            }
            let area = try log.step("merge the coverage area") { try CoverageAnalysis.coverageArea(of: facilityLayer, model: model) }
            let written = try log.step("write \(output.out)") {
                try CoverageFiles.write(report, demand: demandLayer, facilities: facilityLayer,
                                        circles: circles, area: area, to: output.out, language: output.lang, format: output.format)
            }
            return (report, written)
        }
        let s = report.summary
        print("coverage (\(s.method), \(s.profile)): \(s.covered) of \(s.units) units covered")
        for (kind, share) in s.shareByKind.sorted(by: { $0.key < $1.key }) {
            print("  \(kind): \(share.covered) of \(share.units)" + (share.share.map { String(format: " (%.1f %%)", $0 * 100) } ?? ""))
        }
        for target in s.targets {
            print("  target \(target.rule): \(target.outcome)" + (target.share.map { String(format: " — %.1f %%", $0 * 100) } ?? "")
                  + " \(target.comparison) \(target.thresholdPercent) %")
        }
        if s.unitsDefaultedToCommunity > 0 { print("  \(s.unitsDefaultedToCommunity) units had no kind and were counted as communities") }
        if let network = report.network { print("  network: \(network)") }
        for warning in report.warnings { print("  warning: \(warning)") }
        print("  rejected \(report.rejected.count); CRS: \(s.crs.source) → \(s.crs.metric)")
        print("  wrote \(written.joined(separator: ", "))")
    }
}
