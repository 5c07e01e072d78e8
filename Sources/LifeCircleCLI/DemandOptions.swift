import ArgumentParser
import LifeCircleCRS
import LifeCircleCoverage

/// The communities and villages, and the facilities that serve them, for `coverage` and `site`.
struct DemandOptions: ParsableArguments {
    @Option(help: "Communities and villages: points or polygons with id, name, kind (community / village), population, elderly_population.")
    var demand: String

    @Option(help: "Facilities (existing ones, kept, when siting): points or polygons; a CSV with longitude/latitude columns works.")
    var facilities: String

    @Option(help: "Take every demand unit as this kind: community or village.")
    var kind: DemandKind?

    @Option(name: .customLong("demand-from"), help: "CRS of the demand units' coordinates (EPSG code, gcj02, bd09).", transform: parseCRS)
    var demandFrom: CRS?

    @Option(name: .customLong("facilities-from"), help: "CRS of the facilities' coordinates.", transform: parseCRS)
    var facilitiesFrom: CRS?

    /// The option that declares each input's CRS, for error messages.
    var crsOptions: [String: String] { [demand: "--demand-from", facilities: "--facilities-from"] }
}

extension DemandKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(label: argument) }
}
