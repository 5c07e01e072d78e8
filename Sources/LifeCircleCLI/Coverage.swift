import ArgumentParser
import Foundation
import LifeCircleCRS
import LifeCircleCoverage
import LifeCircleInput
import LifeCircleNorms
import LifeCircleReport
import LifeCircleRuns

struct Coverage: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Which communities and villages lie within the service circle of a facility.",
        discussion: """
            Writes coverage.json (schema: Schemas/coverage.schema.json), coverage.geojson, circles.geojson, \
            area.geojson (the merged coverage area) (or, with --format gpkg, coverage.gpkg: all of them and \
            the facilities, styled for QGIS) and \
            report.html into --out. Exit status: 0 the run completed; 64 bad usage; 65 bad input data; 73 an output \
            cannot be written.
            """)

    @OptionGroup var input: DemandOptions

    @OptionGroup var access: AccessOptions

    @Option(help: "A rule pack whose coverage targets are judged (e.g. yinchuan-2020).")
    var rules: String?

    @OptionGroup var fieldOptions: FieldOptions

    @OptionGroup var output: OutputOptions


    func run() throws {
        let request = CoverageRun.Request(
            demand: LayerInput(input.demand, from: input.demandFrom), facilities: LayerInput(input.facilities, from: input.facilitiesFrom),
            kind: input.kind, access: access.request, rules: rules, fieldOverrides: try fieldOptions.overrides(), output: output.request)
        let (report, written) = try reportingInputErrors(crsOptions: input.crsOptions.merging(access.crsOptions) { a, _ in a }) { () throws -> (CoverageReport, [String]) in
            let result = try CoverageRun.run(request, progress: output.log)
            return (result.report, result.written)
        }
        for warning in report.warnings { output.log.warn(warning) }
        let s = report.summary
        if output.json {
            return try ScriptSummary(command: "coverage", summary: s, rejected: report.rejected.count,
                                     warnings: report.warnings, written: written).print()
        }
        print("coverage (\(s.method), \(s.profile)): \(s.covered) of \(s.units) units covered")
        for (kind, share) in s.shareByKind.sorted(by: { $0.key < $1.key }) {
            print("  \(kind): \(share.covered) of \(share.units)" + (share.share.map { String(format: " (%.1f %%)", $0 * 100) } ?? ""))
        }
        for target in s.targets {
            print("  target \(target.rule): \(target.outcome)" + (target.share.map { String(format: " — %.1f %%", $0 * 100) } ?? "")
                  + " \(target.comparison) \(target.thresholdPercent) %"
                  + (target.facilitiesOfKind.map { " (counts \((target.facilityLabels ?? []).joined(separator: " / ")) only: \($0) of the "
                      + "\(report.inputs.last?.features ?? 0) facilities are of that kind)" } ?? ""))
        }
        if s.unitsDefaultedToCommunity > 0 { print("  \(s.unitsDefaultedToCommunity) units had no kind and were counted as communities") }
        if let network = report.network { print("  network: \(network)") }
        print("  rejected \(report.rejected.count); CRS: \(s.crs.source) → \(s.crs.metric)")
        print("  wrote \(written.joined(separator: ", "))")
    }
}
