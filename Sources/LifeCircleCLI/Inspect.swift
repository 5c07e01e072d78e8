import ArgumentParser
import Foundation
import LifeCircleInput

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what a file really holds: layers, counts, geometry types, CRS, fields, invalid geometries.")

    @Argument(help: "A vector file GDAL reads: GeoJSON, Shapefile, GeoPackage, File GDB, DXF, KML, CSV, XLSX, OSM.")
    var file: String

    @OptionGroup var input: InputOptions

    @Flag(help: "Print JSON (schema: Schemas/inspect.schema.json) instead of text.")
    var json = false

    func run() throws {
        let overrides = try input.fieldOptions.overrides()
        let report = try reportingInputErrors(crsOptions: [file: "--from"]) {
            try Inspector.inspect(file, layer: input.layer, sourceCRS: input.from, fieldOverrides: overrides,
                                  read: input.readOptions)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.text, terminator: "")
        }
    }
}
