import Foundation
import LifeCircleCompliance
import LifeCircleGEOS
import LifeCircleWorkers
import LifeCircleGeometry
import LifeCircleIO
import LifeCircleInput
import LifeCircleNorms

/// Districts against the yinchuan-2020 pack with the facilities inside them, through
/// `ComplianceCheck.run` — what `lifecircle check` runs once its inputs are read.
///
/// Timed per run: `ComplianceCheck.run` (the districts' GEOS polygons, STRtree and prepared
/// polygons, each facility point placed in its district, floor area per district, every rule of
/// the pack per district, the summary). Not timed: reading the files, building the input layers.
///
/// Options: --data DIR (see Scripts/bench/cases/compliance/generate.py), --out FILE, --repeat N.
/// `ComplianceCheck` has no worker-count option: it uses one worker per core (`Workers.defaultCount`);
/// the harness pins a second run to one core with `taskset`, and "threads" reports the cores allowed.
enum ComplianceCase {
    static func run(_ options: Options) throws {
        let data = try options.string("data")
        let out = try options.string("out")
        let repeats = try options.int("repeat", default: 3)

        let crs = CRSChoice(declared: nil, source: .epsg(4544), sourceBasis: "benchmark", metric: .epsg(4544),
                            metricReason: "benchmark")
        let districts = InputLayer(source: data, layer: "districts", crs: crs, features: try loadDistricts(data))
        let facilities = InputLayer(source: data, layer: "facilities", crs: crs, features: try loadFacilities(data))
        let pack = try RulePackLibrary.standard.load("yinchuan-2020")
        // The library starts one worker per core it counts; under `taskset` fewer cores may run them.
        let workers = Workers.defaultCount
        let threads = min(workers, allowedCores() ?? workers)
        Bench.log("compliance: \(districts.features.count) districts, \(facilities.features.count) facilities, "
                  + "pack \(pack.id), \(workers) worker(s) on \(threads) core(s)")

        var runs: [Run] = []
        var report: ComplianceReport? = nil
        for _ in 0..<repeats {
            report = nil  // the previous run's report is freed before the clock starts
            var watch = Stopwatch()
            let result = try ComplianceCheck.run(.init(districts: districts, facilities: facilities, pack: pack))
            watch.lap("check")
            runs.append(watch.run)
            report = result
        }
        guard let report else { throw BenchError("no run") }

        // Per-district provided floor area in 0.01 m², the format every contender writes.
        let cents = report.districts.map { Int(($0.providedFloorAreaM2 * 100).rounded()) }
        try Bench.writeCounts(cents, to: out)
        let all = report.summary.all
        Bench.emit(Report(
            contender: "LifeCircle",
            threads: threads,
            versions: [("geos", Bench.geosVersion)],
            runs: runs,
            check: [("pairs", Int64(report.districts.reduce(0) { $0 + $1.facilities.count })),
                    ("pass", Int64(all.pass)), ("fail", Int64(all.fail)), ("new_pass", Int64(report.summary.new.pass)),
                    ("checksum", Bench.checksum(cents))],
            measures: [("shortfall_m2", all.shortfallM2)]
        ))
    }

    /// The cores this process may run on (its CPU affinity), e.g. 1 under `taskset -c 0`.
    /// (Glibc's module map does not export `sched_getaffinity`; it is looked up like `GEOSversion`.)
    static func allowedCores() -> Int? {
        typealias GetAffinity = @convention(c) (pid_t, Int, UnsafeMutableRawPointer) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sched_getaffinity") else { return nil }
        var mask = [UInt64](repeating: 0, count: 16)  // 1,024 CPUs, glibc's cpu_set_t
        let status = mask.withUnsafeMutableBytes { unsafeBitCast(symbol, to: GetAffinity.self)(0, $0.count, $0.baseAddress!) }
        guard status == 0 else { return nil }
        return mask.reduce(0) { $0 + $1.nonzeroBitCount }
    }

    /// Closed exterior rings from districts.xy.f64 and districts.offsets.i64; households and status.
    static func loadDistricts(_ data: String) throws -> [InputFeature] {
        let xy = try loadDoubles(data + "/districts.xy.f64")
        let offsets = try loadInt64s(data + "/districts.offsets.i64")
        let households = try loadInt64s(data + "/districts.households.i64")
        let new = [UInt8](try Data(contentsOf: URL(fileURLWithPath: data + "/districts.new.u8")))
        let n = offsets.count - 1
        guard n >= 0, households.count == n, new.count == n, Int(offsets[n]) * 2 == xy.count else {
            throw BenchError("\(data): district files disagree on the number of districts")
        }
        return (0..<n).map { i in
            let ring = (Int(offsets[i])..<Int(offsets[i + 1])).map { Coordinate(x: xy[2 * $0], y: xy[2 * $0 + 1]) }
            return InputFeature(index: i, id: "D\(i)", geometry: .polygon(Polygon(exterior: ring)),
                                attributes: ["households": .int(households[i]), "status": .string(new[i] == 1 ? "new" : "existing")])
        }
    }

    /// Points from facilities.xy.f64, floor areas from facilities.floor_area.f64.
    static func loadFacilities(_ data: String) throws -> [InputFeature] {
        let xy = try loadDoubles(data + "/facilities.xy.f64")
        let floorArea = try loadDoubles(data + "/facilities.floor_area.f64")
        guard xy.count == 2 * floorArea.count else { throw BenchError("\(data): facility files disagree on the number of facilities") }
        return floorArea.indices.map { i in
            InputFeature(index: i, id: "F\(i)", geometry: .point(Point(x: xy[2 * i], y: xy[2 * i + 1])),
                         attributes: ["floor_area_m2": .double(floorArea[i])])
        }
    }

    static func loadDoubles(_ path: String) throws -> [Double] {
        try loadInt64s(path).map { Double(bitPattern: UInt64(bitPattern: $0)) }
    }

    /// Little-endian 8-byte values.
    static func loadInt64s(_ path: String) throws -> [Int64] {
        let raw = try Data(contentsOf: URL(fileURLWithPath: path))
        guard raw.count % 8 == 0 else { throw BenchError("\(path): \(raw.count) bytes is not a whole number of 8-byte values") }
        return raw.withUnsafeBytes { buffer in
            (0..<raw.count / 8).map { Int64(littleEndian: buffer.loadUnaligned(fromByteOffset: 8 * $0, as: Int64.self)) }
        }
    }
}
