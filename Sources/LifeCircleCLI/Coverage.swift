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

    @Option(help: "Communities and villages: points or polygons with id, name, kind (community / village), population, elderly_population.")
    var demand: String

    @Option(help: "Facilities: points or polygons (a CSV with longitude/latitude columns works).")
    var facilities: String

    @OptionGroup var access: AccessOptions

    @Option(help: "A rule pack whose coverage targets are judged (e.g. yinchuan-2020).")
    var rules: String?

    @Option(help: "The folder to write the outputs into (created if missing).")
    var out: String

    @Option(help: "Take every demand unit as this kind: community or village.", transform: { text in
        guard let kind = DemandKind(label: text) else { throw ValidationError("--kind must be community or village") }
        return kind
    })
    var kind: DemandKind?

    @OptionGroup var fieldOptions: FieldOptions

    @Option(name: .customLong("demand-from"), help: "CRS of the demand units' coordinates (EPSG code, gcj02, bd09).", transform: parseCRS)
    var demandFrom: CRS?

    @Option(name: .customLong("facilities-from"), help: "CRS of the facilities' coordinates.", transform: parseCRS)
    var facilitiesFrom: CRS?


    @Option(help: "Report language: zh (default) or en.")
    var lang: Language = .zh

    @Option(help: "A note printed at the top of the report and kept in coverage.json (repeatable).")
    var note: [String] = []

    func run() throws {
        let overrides = try fieldOptions.overrides()
        let (report, written) = try reportingInputErrors { () throws -> (CoverageReport, [String]) in
            let pack = try rules.map { try RulePackLibrary.standard.load($0) }
            let perLayer = try FieldOverrides.distribute(overrides, over: [(demand, nil), (facilities, nil)])
            let demandLayer = try InputLoader.load(demand, options: LoadOptions(sourceCRS: demandFrom, fieldOverrides: perLayer[0]))
            let metric = try CRS(parsing: demandLayer.crs.metric)
            let facilityLayer = try InputLoader.load(facilities, options: LoadOptions(sourceCRS: facilitiesFrom, metricCRS: metric,
                                                                                      fieldOverrides: perLayer[1]))
            let chosen = try access.choose(pack: pack, metric: metric)
            let model = chosen.model
            let report = try CoverageAnalysis.run(.init(
                demand: demandLayer, facilities: facilityLayer, kind: kind, model: model,
                profile: chosen.description, minutes: chosen.minutes, radius: chosen.radius, pack: pack, notes: note))
            let circles = try CoverageAnalysis.serviceAreas(of: facilityLayer, model: model)
            let written = try CoverageFiles.write(report, demand: demandLayer, facilities: facilityLayer,
                                                  circles: circles, to: out, language: lang)
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

extension DemandKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(label: argument) }
}
