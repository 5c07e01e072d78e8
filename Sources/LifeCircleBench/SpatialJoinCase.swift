import Foundation
import LifeCircleGEOS
import LifeCircleGeometry

/// Points within polygons, counted per polygon, through `SpatialIndex`.
///
/// Timed per run: building the index (STRtree + prepared polygons), `query(points:predicate:.within)`
/// (which makes the GEOS points), `countsPerTreeGeometry`. Not timed: reading the files.
///
/// Options: --data DIR (polygons.wkb.hex, points.f64), --out COUNTS_FILE, --repeat N, --workers N.
enum SpatialJoinCase {
    static func run(_ options: Options) throws {
        let data = try options.string("data")
        let out = try options.string("out")
        let repeats = try options.int("repeat", default: 3)
        let workers = try options.int("workers", default: 1)

        let polygons = try loadPolygons(data + "/polygons.wkb.hex")
        let points = try loadPoints(data + "/points.f64")
        Bench.log("spatial-join: \(points.count) points, \(polygons.count) polygons, \(workers) worker(s)")

        var runs: [Run] = []
        var counts: [Int] = []
        for _ in 0..<repeats {
            var watch = Stopwatch()
            let index = try SpatialIndex(polygons)
            watch.lap("build")
            let pairs = try index.query(points: points, predicate: .within, workers: workers)
            watch.lap("query")
            counts = pairs.countsPerTreeGeometry(treeCount: index.count)
            watch.lap("count")
            runs.append(watch.run)
            withExtendedLifetime((index, pairs)) {}  // freed after the clock stops
        }

        try Bench.writeCounts(counts, to: out)
        Bench.emit(Report(
            contender: "LifeCircle",
            threads: workers,
            versions: [("geos", Bench.geosVersion)],
            runs: runs,
            check: [("pairs", Int64(counts.reduce(0, +))), ("checksum", Bench.checksum(counts))]
        ))
    }

    /// One hex ISO WKB polygon per line.
    static func loadPolygons(_ path: String) throws -> [NativeGeometry] {
        let text = try Data(contentsOf: URL(fileURLWithPath: path))
        var geometries: [NativeGeometry] = []
        var wkb: [UInt8] = []
        for line in text.split(separator: UInt8(ascii: "\n")) {
            let hex = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            guard !hex.isEmpty else { continue }
            guard decodeHex(hex, into: &wkb) else { throw BenchError("\(path): line \(geometries.count + 1) is not hex") }
            geometries.append(try NativeGeometry(wkb: Data(wkb)))
        }
        return geometries
    }

    /// Little-endian float64 x, y pairs.
    static func loadPoints(_ path: String) throws -> [Coordinate] {
        let raw = try Data(contentsOf: URL(fileURLWithPath: path))
        guard raw.count % 16 == 0 else { throw BenchError("\(path): \(raw.count) bytes is not a whole number of x, y pairs") }
        return raw.withUnsafeBytes { buffer in
            (0..<raw.count / 16).map { i in
                Coordinate(x: Double(bitPattern: UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: 16 * i, as: UInt64.self))),
                           y: Double(bitPattern: UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: 16 * i + 8, as: UInt64.self))))
            }
        }
    }

    private static func decodeHex(_ hex: Data, into out: inout [UInt8]) -> Bool {
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        guard hex.count % 2 == 0 else { return false }
        out.removeAll(keepingCapacity: true)
        var high: UInt8? = nil
        for c in hex {
            guard let n = nibble(c) else { return false }
            if let h = high { out.append(h << 4 | n); high = nil } else { high = n }
        }
        return true
    }
}
