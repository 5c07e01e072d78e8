import Foundation
import LifeCircleSiting

/// Maximal covering (MCLP, p sites) and location set covering (LSCP: fewest sites covering every
/// coverable unit) on a travel-time matrix, through `SitingSolver` — the library path of
/// `lifecircle site` once the access model has given its coverage sets.
///
/// Timed per run, end to end from the matrix: the coverage sets (times ≤ the radius), the
/// problem, the solve (reduction, greedy + swaps, CBC from that start) and the answer, for MCLP
/// and then LSCP. Not timed: reading the files.
///
/// Options: --data DIR (minutes.f64, weights.f64, meta.json; see Scripts/bench/cases/siting/generate.py),
/// --out FILE, --repeat N, --radius MINUTES (15), --sites P (20).
enum SitingCase {
    static func run(_ options: Options) throws {
        let data = try options.string("data")
        let out = try options.string("out")
        let repeats = try options.int("repeat", default: 3)
        let radius = Double(try options.int("radius", default: 15))
        let sites = try options.int("sites", default: 20)

        let weights = try ComplianceCase.loadDoubles(data + "/weights.f64")
        let minutes = try ComplianceCase.loadDoubles(data + "/minutes.f64")
        let n = weights.count
        guard n > 0, minutes.count % n == 0 else { throw BenchError("\(data): the matrix is not \(n) rows of candidates") }
        let m = minutes.count / n
        Bench.log("siting: \(n) units × \(m) candidates, radius \(radius) min, MCLP p = \(sites), LSCP; CBC \(SitingSolver.cbcVersion)")

        var runs: [Run] = []
        var mclp: SitingSolution? = nil
        var lscp: SitingSolution? = nil
        for _ in 0..<repeats {
            (mclp, lscp) = (nil, nil)
            var watch = Stopwatch()
            let reach = coverageSets(minutes, units: n, candidates: m, radius: radius)
            mclp = try SitingSolver.solve(SitingProblem(weights: weights, existing: [], candidates: reach), goal: .addSites(sites))
            watch.lap("mclp")
            // LSCP counts units: every unit some candidate reaches must be covered.
            let ones = [Double](repeating: 1, count: n)
            let unitCover = SitingProblem(weights: ones, existing: [], candidates: coverageSets(minutes, units: n, candidates: m, radius: radius))
            let coverable = Double(unitCover.coverable.filter { $0 }.count) / Double(n)
            lscp = try SitingSolver.solve(unitCover, goal: .reachShare(coverable))
            watch.lap("lscp")
            runs.append(watch.run)
        }
        guard let mclp, let lscp else { throw BenchError("no run") }
        guard mclp.optimal, lscp.optimal else {
            throw BenchError("not proved optimal: MCLP gap \(mclp.gap), LSCP gap \(lscp.gap) — the objectives are not comparable")
        }
        Bench.log("siting: MCLP \(mclp.objective) (heuristic \(mclp.heuristicObjective), \(mclp.status)); "
                  + "LSCP \(lscp.objective) sites (heuristic \(lscp.heuristicObjective), \(lscp.status))")
        let check: [(String, Int64)] = [("mclp_covered", Int64(mclp.objective.rounded())), ("lscp_sites", Int64(lscp.objective.rounded()))]
        try Bench.writeCounts(check.map { Int($0.1) }, to: out)
        Bench.emit(Report(contender: "LifeCircle", threads: 1, versions: [("cbc", SitingSolver.cbcVersion)], runs: runs, check: check))
    }

    /// Per candidate, the units within `radius` minutes of it (row-major units × candidates).
    static func coverageSets(_ minutes: [Double], units n: Int, candidates m: Int, radius: Double) -> [[Int]] {
        var sets = [[Int]](repeating: [], count: m)
        for i in 0..<n {
            for j in 0..<m where minutes[i * m + j] <= radius { sets[j].append(i) }
        }
        return sets
    }
}
