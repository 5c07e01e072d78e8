import ArgumentParser
import Foundation
import LifeCircleCRS
import LifeCircleCoverage
import LifeCircleInput
import LifeCircleNorms
import LifeCircleReport
import LifeCircleRuns
import LifeCircleSiting

struct Site: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Where to build next: the new sites that close the coverage gap.",
        discussion: """
            Either the K new sites that cover the most (--add K), or the fewest new sites — the least \
            cost, when candidates give one — that bring coverage to a share (--target-share S). Existing \
            facilities are kept. Solved exactly with the CBC MIP solver within --time-limit, started \
            from a greedy + swap heuristic (which answers alone when the model is too large); every \
            answer states its objective, best bound and gap. Writes siting.json (schema: \
            Schemas/siting.schema.json), siting.geojson and report.html into --out. Exit status: 0 the \
            run completed; 64 bad usage; 65 bad input data, or a target no choice of candidates reaches \
            (the message gives the best reachable share); 73 an output cannot be written.
            """)

    @OptionGroup var input: DemandOptions

    @Option(help: "Candidate sites: points or parcels, optionally with floor_area_m2 and cost.")
    var candidates: String

    @Option(help: "Add this many new sites, covering the most.")
    var add: Int?

    @Option(name: .customLong("target-share"), help: "Reach this covered share (0–1, e.g. 0.85) with the fewest new sites.")
    var targetShare: Double?

    @Option(help: "What coverage counts: units (default), population or elderly.")
    var by: SitingMeasure = .units

    @Option(help: "A rule pack (e.g. yinchuan-2020): the straight-line radius, and the norm and persons per household for --capacitated.")
    var rules: String?

    @OptionGroup var access: AccessOptions

    @Flag(help: "A facility serves at most floor_area_m2 ÷ the norm × 100 households; unmet demand is reported.")
    var capacitated = false

    @Option(help: "m² of floor area per 100 households for --capacitated (default: the pack's norm for new districts).")
    var norm: Double?

    @Option(name: .customLong("persons-per-household"), help: "Persons per household where a unit gives only its population (default: the pack's, else 3.0).")
    var personsPerHousehold: Double?

    @Option(name: .customLong("time-limit"), help: "Seconds the MIP solver may search (default 60); past it the best answer found is given with its gap.")
    var timeLimit: Double = 60

    @OptionGroup var fieldOptions: FieldOptions

    @OptionGroup var output: OutputOptions


    @Option(name: .customLong("candidates-from"), help: "CRS of the candidate sites' coordinates.", transform: parseCRS)
    var candidatesFrom: CRS?

    func validate() throws {
        switch (add, targetShare) {
        case (nil, nil), (.some, .some): throw ValidationError("give exactly one of --add K and --target-share S")
        case (let k?, nil) where k < 1: throw ValidationError("--add must be at least 1")
        case (nil, let s?) where !(s > 0 && s <= 1): throw ValidationError("--target-share must be in (0, 1], e.g. 0.85")
        default: break
        }
        if let norm, !(norm > 0) { throw ValidationError("--norm must be > 0") }
        if let pph = personsPerHousehold, !(pph > 0) { throw ValidationError("--persons-per-household must be > 0") }
        if !(timeLimit > 0) { throw ValidationError("--time-limit must be > 0") }
        if (norm != nil || personsPerHousehold != nil) && !capacitated { throw ValidationError("--norm and --persons-per-household need --capacitated") }
    }

    func run() throws {
        let request = SiteRun.Request(
            demand: LayerInput(input.demand, from: input.demandFrom), facilities: LayerInput(input.facilities, from: input.facilitiesFrom),
            candidates: LayerInput(candidates, from: candidatesFrom), kind: input.kind, access: access.request,
            goal: add.map { .addSites($0) } ?? .reachShare(targetShare!), measure: by, rules: rules, capacitated: capacitated,
            norm: norm, personsPerHousehold: personsPerHousehold, solve: SolveOptions(timeLimit: timeLimit),
            fieldOverrides: try fieldOptions.overrides(), output: output.request)
        let (report, written) = try reportingInputErrors(crsOptions: input.crsOptions.merging(access.crsOptions.merging([candidates: "--candidates-from"]) { a, _ in a }) { a, _ in a }) { () throws -> (SitingReport, [String]) in
            let result = try SiteRun.run(request, progress: output.log)
            return (result.report, result.written)
        }
        for warning in report.warnings { output.log.warn(warning) }
        let s = report.summary, r = report.request
        if output.json {
            return try ScriptSummary(command: "site", summary: s, rejected: report.rejected.count,
                                     warnings: report.warnings, written: written).print()
        }
        let share = { (x: Double?) in x.map { String(format: "%.1f %%", $0 * 100) } ?? "—" }
        let asked = r.goal == "add-sites" ? "add \(r.sites!)" : "reach \(share(r.targetShare))"
        print("site (\(r.method), \(r.profile)): \(asked) by \(r.by.rawValue) — \(s.sitesAdded) new sites; "
              + "\(s.coveredUnitsBefore) → \(s.coveredUnitsAfter) of \(s.units) units covered; "
              + "\(r.by.label) \(share(s.shareBefore)) → \(share(s.shareAfter))")
        print("  objective \(String(format: "%g", s.objective)) (\(s.objectiveMeaning)), best bound \(String(format: "%g", s.bestBound)), "
              + "gap \(share(s.gap)), \(s.optimal ? "optimal" : "not proved optimal") (\(s.method.rawValue), \(s.solver), \(s.solverStatus), "
              + String(format: "%.2f s)", s.seconds))
        for site in report.selected {
            print("  \(site.rank). \(site.name ?? site.id) (\(site.id)): +\(site.newlyCoveredUnits) units"
                  + (site.newlyCoveredPopulation.map { String(format: ", +%.0f people", $0) } ?? "")
                  + (site.servedHouseholds.map { String(format: "; serves %.0f households", $0) } ?? ""))
        }
        if let c = s.capacity {
            print(String(format: "  households served %.0f → %.0f of %.0f; unmet %.0f (%.0f within reach but beyond capacity)",
                         c.servedHouseholdsBefore, c.servedHouseholdsAfter, c.demandHouseholds, c.unmetHouseholds, c.unmetWithinReachHouseholds))
        }
        print("  rejected \(report.rejected.count); CRS: \(report.request.crs.source) → \(report.request.crs.metric)")
        print("  wrote \(written.joined(separator: ", "))")
    }
}

extension SitingMeasure: ExpressibleByArgument {}
