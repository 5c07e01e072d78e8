import ArgumentParser
import LifeCircleCRS
import LifeCircleIO

/// Options every command that reads a file shares.
struct InputOptions: ParsableArguments {
    @Option(help: "The layer to read (for files with several layers, e.g. OSM: points, lines, multipolygons).")
    var layer: String?

    @Option(help: ArgumentHelp("The CRS of the input's coordinates, overriding what the file declares.",
                               discussion: "An EPSG code (4490, EPSG:4547), gcj02 (Amap, Tencent) or bd09 (Baidu)."),
            transform: parseCRS)
    var from: CRS?

    @Option(name: .customLong("x-column"), help: "The longitude/easting column of a table (default: recognised by name).")
    var xColumn: String?

    @Option(name: .customLong("y-column"), help: "The latitude/northing column of a table (default: recognised by name).")
    var yColumn: String?

    @Option(help: "Force the text encoding of a Shapefile's .dbf (e.g. GB18030); default: detected.")
    var encoding: String?

    @OptionGroup var fieldOptions: FieldOptions

    var readOptions: ReadOptions { ReadOptions(xColumn: xColumn, yColumn: yColumn, encoding: encoding) }
}

func parseCRS(_ text: String) throws -> CRS {
    do { return try CRS(parsing: text) } catch { throw ValidationError("\(error)") }
}

/// `--field canonical=source`, for every command that reads attributes.
struct FieldOptions: ParsableArguments {
    @Option(name: .customLong("field"), help: ArgumentHelp(
        "Read a canonical attribute from a named column, e.g. --field households=HU_2020 (repeatable).",
        valueName: "canonical=source"))
    var fields: [String] = []

    /// The overrides, canonical name → source column.
    func overrides() throws -> [String: String] {
        do { return try FieldAliases.parseOverrides(fields) } catch { throw ValidationError("\(error)") }
    }
}
