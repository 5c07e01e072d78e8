import ArgumentParser
import Foundation
import LifeCircleCRS
import LifeCircleCoverage
import LifeCircleInput
import LifeCircleNetwork
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

    @Option(help: "Streets: an OpenStreetMap extract (.osm.pbf, .osm) or a road-centreline layer. Without it: straight-line distance.")
    var network: String?

    @Option(help: "Travel profile on the network: walk (1.0 m/s, default), elderly (0.8 m/s), village-ebike.")
    var profile: String?

    @Option(help: "Minutes of travel that make the service circle (default: the pack's, else 15).")
    var minutes: Double?

    @Option(name: .customLong("max-snap"), help: "Metres beyond which a point is off-network, never snapped (default 500).")
    var maxSnap: Double = 500

    @Option(help: "Radius of the straight-line circle in metres, without --network (default: the pack's, else 1000).")
    var radius: Double?

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

    @Option(name: .customLong("network-from"), help: "CRS of a centreline layer's coordinates.", transform: parseCRS)
    var networkFrom: CRS?

    @Option(help: "Report language: zh (default) or en.")
    var lang: Language = .zh

    @Option(help: "A note printed at the top of the report and kept in coverage.json (repeatable).")
    var note: [String] = []

    func validate() throws {
        if let radius, !(radius > 0) { throw ValidationError("--radius must be > 0") }
        if let minutes, !(minutes > 0) { throw ValidationError("--minutes must be > 0") }
        if let profile, TravelProfile.builtIn[profile] == nil {
            throw ValidationError("--profile \(profile): not one of \(TravelProfile.builtIn.keys.sorted().joined(separator: ", "))")
        }
        if network == nil, profile != nil || minutes != nil { throw ValidationError("--profile and --minutes need --network") }
        if network != nil, radius != nil { throw ValidationError("--radius is for the straight-line method, without --network") }
    }

    /// The access model: along the network when one is given, else in a straight line.
    private func model(pack: RulePack?, metric: CRS) throws -> (any AccessModel, String, Double?, Double?) {
        guard let network else {
            let radius = radius ?? pack?.coverage?.straightLineRadius ?? 1000
            return (StraightLineAccess(radius: radius), "straight line ≤ \(Int(radius)) m", nil, radius)
        }
        var travel = TravelProfile.builtIn[profile ?? pack?.coverage?.profile ?? "walk"] ?? .walk
        travel.minutes = minutes ?? pack?.coverage?.minutes ?? 15
        let options = NetworkOptions(metricCRS: metric)
        let isOSM = network.hasSuffix(".pbf") || network.hasSuffix(".osm")
        let graph = isOSM ? try StreetGraph(osm: network, options: options)
            : try StreetGraph(centrelines: network, load: LoadOptions(sourceCRS: networkFrom, metricCRS: metric), options: options)
        let description = "\(travel.name) \(travel.speed) m/s" + (travel.speedByClass.isEmpty ? "" : " (by road class)")
            + ", \(plainMinutes(travel.minutes)) min"
        return (NetworkAccess(graph: graph, profile: travel, maxSnapDistance: maxSnap), description, travel.minutes, nil)
    }

    private func plainMinutes(_ m: Double) -> String { m == m.rounded() ? String(Int(m)) : String(m) }

    func run() throws {
        let overrides = try fieldOptions.overrides()
        let (report, written) = try reportingInputErrors { () throws -> (CoverageReport, [String]) in
            let pack = try rules.map { try RulePackLibrary.standard.load($0) }
            let perLayer = try FieldOverrides.distribute(overrides, over: [(demand, nil), (facilities, nil)])
            let demandLayer = try InputLoader.load(demand, options: LoadOptions(sourceCRS: demandFrom, fieldOverrides: perLayer[0]))
            let metric = try CRS(parsing: demandLayer.crs.metric)
            let facilityLayer = try InputLoader.load(facilities, options: LoadOptions(sourceCRS: facilitiesFrom, metricCRS: metric,
                                                                                      fieldOverrides: perLayer[1]))
            let (model, profile, minutes, radius) = try model(pack: pack, metric: metric)
            let report = try CoverageAnalysis.run(.init(
                demand: demandLayer, facilities: facilityLayer, kind: kind, model: model,
                profile: profile, minutes: minutes, radius: radius, pack: pack, notes: note))
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
