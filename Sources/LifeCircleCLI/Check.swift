import ArgumentParser
import Foundation
import LifeCircleCRS
import LifeCircleCompliance
import LifeCircleInput
import LifeCircleNorms
import LifeCircleReport
import LifeCircleRuns

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check residential districts against a rule pack's elderly-care facility norms.",
        discussion: """
            Writes compliance.json (schema: Schemas/compliance.schema.json), compliance.geojson (or, with \
            --format gpkg, compliance.gpkg: districts and facilities, styled for QGIS), \
            compliance.csv and report.html into --out. Exit status: 0 the run completed (whatever \
            the districts' outcomes, unless --fail-on-noncompliance); 1 with --fail-on-noncompliance \
            when any district fails; 64 bad usage; 65 bad input data; 73 an output cannot be written.
            """)

    @Option(help: "Residential districts: polygons with id, name, households and/or population, status (new / existing).")
    var districts: String

    @Option(help: "Facilities: points or polygons with id, name, floor area, land area, kind; optionally district_id.")
    var facilities: String

    @Option(help: "Administrative units (county / street / township / village) for the service-network rules.")
    var units: String?

    @Option(help: "A rule pack: a bundled name (see `lifecircle rules list`) or the path of a .yaml file.")
    var rules: String

    @OptionGroup var fieldOptions: FieldOptions

    @OptionGroup var output: OutputOptions


    @Option(name: .customLong("districts-from"), help: "CRS of the districts' coordinates (EPSG code, gcj02, bd09).", transform: parseCRS)
    var districtsFrom: CRS?

    @Option(name: .customLong("facilities-from"), help: "CRS of the facilities' coordinates.", transform: parseCRS)
    var facilitiesFrom: CRS?

    @Option(name: .customLong("units-from"), help: "CRS of the units' coordinates.", transform: parseCRS)
    var unitsFrom: CRS?

    @Option(name: .customLong("persons-per-household"), help: "Persons per household where only population is given (default: the pack's, usually 3.0).")
    var personsPerHousehold: Double?

    @Flag(help: "Exit with status 1 when any district fails (for scripts).")
    var failOnNoncompliance = false

    func validate() throws {
        if let pph = personsPerHousehold, !(pph > 0) { throw ValidationError("--persons-per-household must be > 0") }
    }

    func run() throws {
        let request = CheckRun.Request(
            districts: LayerInput(districts, from: districtsFrom), facilities: LayerInput(facilities, from: facilitiesFrom),
            units: units.map { LayerInput($0, from: unitsFrom) }, rules: rules, fieldOverrides: try fieldOptions.overrides(),
            personsPerHousehold: personsPerHousehold, output: output.request)
        let crsOptions = [districts: "--districts-from", facilities: "--facilities-from"].merging(units.map { [$0: "--units-from"] } ?? [:]) { a, _ in a }
        let result = try reportingInputErrors(crsOptions: crsOptions) { try CheckRun.run(request, progress: output.log) }
        let report = result.report
        for warning in report.warnings { output.log.warn(warning) }
        let s = report.summary.all
        if output.json {
            try ScriptSummary(command: "check", summary: report.summary, rejected: report.rejected.count,
                              warnings: report.warnings, written: result.written).print()
            if failOnNoncompliance, s.fail > 0 { throw ExitCode(1) }
            return
        }
        print("\(report.rules.id): \(s.districts) districts — \(s.pass) pass, \(s.fail) fail, \(s.insufficientData) insufficient data, \(s.notApplicable) not applicable; shortfall \(String(format: "%.1f", s.shortfallM2)) m²")
        for target in report.summary.targets { print("  target \(target.rule): \(target.outcome.rawValue) — \(target.detail)") }
        print("  rejected \(report.rejected.count), repaired \(report.repaired.count), facilities in no district \(report.unallocatedFacilities.count)")
        print("  CRS: \(report.assumptions.crs.source) → \(report.assumptions.crs.metric)")
        print("  wrote \(result.written.joined(separator: ", "))")
        if failOnNoncompliance, s.fail > 0 { throw ExitCode(1) }
    }
}

