import ArgumentParser
import LifeCircleOutput
import LifeCircleReport
import LifeCircleRuns

/// Where and how a command writes its outputs.
struct OutputOptions: ParsableArguments {
    @Option(help: "The folder to write the outputs into (created if missing).")
    var out: String

    @Option(help: "Report language: zh (default) or en.")
    var lang: Language = .zh

    @Option(help: "A note printed at the top of the report and kept in the JSON, e.g. that the data is illustrative (repeatable).")
    var note: [String] = []

    @Option(help: "Format of the result layers: geojson (default) or gpkg (one GeoPackage of every layer, styled for QGIS).")
    var format: LayerFormat = .geojson

    @Flag(help: "Print the summary on standard output as one JSON object, for scripts.")
    var json = false

    @Flag(help: "Print nothing on standard error but errors (no progress, no warnings).")
    var quiet = false

    var log: StepLog { StepLog(quiet: quiet) }

    var request: OutputRequest { OutputRequest(folder: out, language: lang, format: format, notes: note) }
}

extension Language: ExpressibleByArgument {}
extension LayerFormat: ExpressibleByArgument {}
