import ArgumentParser
import Foundation
import LifeCircleCRS
import LifeCircleInput

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bring a layer into another CRS and format (chosen by OUT's extension: .geojson .gpkg .shp .csv).")

    @Argument(help: "The input file.")
    var input: String

    @Argument(help: "The output file; an existing one is replaced.")
    var output: String

    @OptionGroup var options: InputOptions

    @Option(help: "The target CRS: an EPSG code, gcj02 or bd09.", transform: parseCRS)
    var to: CRS = .cgcs2000

    func run() throws {
        let summary = try reportingInputErrors(crsOptions: [input: "--from"]) {
            try FileConversion.convert(input, to: output, layer: options.layer, from: options.from,
                                       target: to, read: options.readOptions)
        }
        print("\(summary.input) [\(summary.layer)] → \(summary.output)")
        print("  CRS: \(summary.sourceCRS) (\(summary.sourceBasis)) → \(summary.targetCRS)")
        print("  written: \(summary.written) features; rejected: \(summary.rejected.count)")
        for rejection in summary.rejected { print("  rejected: \(rejection)") }
        for note in summary.notes { print("  note: \(note)") }
    }
}
