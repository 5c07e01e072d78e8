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
            Writes coverage.json (schema: Schemas/coverage.schema.json), coverage.geojson, circles.geojson \
            and report.html into --out. Exit status: 0 the run completed; 64 bad usage; 65 bad input data.
            """)

    @OptionGroup var input: DemandOptions

    @OptionGroup var access: AccessOptions

    @Option(help: "A rule pack whose coverage targets are judged (e.g. yinchuan-2020).")
    var rules: String?

    @OptionGroup var fieldOptions: FieldOptions

    @OptionGroup var output: OutputOptions


    func run() throws {
        let overrides = try fieldOptions.overrides()
        let (report, written) = try reportingInputErrors { () throws -> (CoverageReport, [String]) in
            let pack = try rules.map { try RulePackLibrary.standard.load($0) }
            let perLayer = try FieldOverrides.distribute(overrides, over: [(input.demand, nil), (input.facilities, nil)])
            let demandLayer = try InputLoader.load(input.demand, options: LoadOptions(sourceCRS: input.demandFrom, fieldOverrides: perLayer[0]))
            let metric = try CRS(parsing: demandLayer.crs.metric)
            let facilityLayer = try InputLoader.load(input.facilities, options: LoadOptions(sourceCRS: input.facilitiesFrom, metricCRS: metric,
                                                                                      fieldOverrides: perLayer[1]))
            let chosen = try access.choose(pack: pack, metric: metric)
            let model = chosen.model
            let report = try CoverageAnalysis.run(.init(
                demand: demandLayer, facilities: facilityLayer, kind: input.kind, model: model,
                profile: chosen.description, minutes: chosen.minutes, radius: chosen.radius, pack: pack, notes: output.note))
            let circles = try CoverageAnalysis.serviceAreas(of: facilityLayer, model: model)
            let written = try CoverageFiles.write(report, demand: demandLayer, facilities: facilityLayer,
                                                  circles: circles, to: output.out, language: output.lang)
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
