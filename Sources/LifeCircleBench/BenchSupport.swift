import Foundation

/// `--key value` options of a case.
struct Options {
    private var values: [String: String] = [:]

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        while let key = rest.popFirst() {
            guard key.hasPrefix("--"), let value = rest.popFirst() else { throw BenchError("expected --option value, got \(key)") }
            values[String(key.dropFirst(2))] = value
        }
    }

    func string(_ key: String) throws -> String {
        guard let v = values[key] else { throw BenchError("missing --\(key)") }
        return v
    }

    func int(_ key: String, default fallback: Int) throws -> Int {
        guard let v = values[key] else { return fallback }
        guard let n = Int(v), n > 0 else { throw BenchError("--\(key) wants a positive integer, got \(v)") }
        return n
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// One timed run: the total and its named phases, in seconds, phases in the order they ran.
struct Run {
    var total: Double = 0
    var phases: [(name: String, seconds: Double)] = []
}

/// Times consecutive phases of one run.
struct Stopwatch {
    private let start = Bench.now()
    private var last: Double
    private(set) var run = Run()

    init() { last = start }

    mutating func lap(_ phase: String) {
        let t = Bench.now()
        run.phases.append((phase, t - last))
        last = t
        run.total = t - start
    }
}

/// What every contender prints (Scripts/bench/README.md): one JSON object on the last line of stdout.
struct Report {
    var contender: String
    var threads: Int
    var versions: [(String, String)]
    var runs: [Run]
    var check: [(String, Int64)]
    /// Real-valued checks, compared within the case's relative `TOLERANCE` (Scripts/bench/README.md).
    var measures: [(String, Double)] = []

    /// JSON with keys in the order given (JSONEncoder does not keep the order of phases).
    var json: String {
        func string(_ s: String) -> String {
            var out = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case _ where u.value < 0x20: out += String(format: "\\u%04x", u.value)
                default: out.unicodeScalars.append(u)
                }
            }
            return out + "\""
        }
        func object(_ pairs: [(String, String)]) -> String {
            "{" + pairs.map { "\(string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
        }
        let runs = runs.map { run in
            object([("total", "\(run.total)"), ("phases", object(run.phases.map { ($0.name, "\($0.seconds)") }))])
        }
        return object([
            ("contender", string(contender)),
            ("threads", "\(threads)"),
            ("versions", object(versions.map { ($0.0, string($0.1)) })),
            ("runs", "[" + runs.joined(separator: ", ") + "]"),
            ("check", object(check.map { ($0.0, "\($0.1)") } + measures.map { ($0.0, "\($0.1)") })),
        ])
    }
}

enum Bench {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    static func emit(_ report: Report) {
        print(report.json)
    }

    static func log(_ message: String) {
        FileHandle.standardError.write(Data("lifecircle-bench: \(message)\n".utf8))
    }

    static func fail(_ message: String, code: Int32 = 1) -> Never {
        FileHandle.standardError.write(Data((code == 0 ? message : "lifecircle-bench: \(message)\n").utf8))
        exit(code)
    }

    /// The GEOS C library actually loaded into this process (not the headers built against).
    static var geosVersion: String {
        typealias Version = @convention(c) () -> UnsafePointer<CChar>
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "GEOSversion") else { return "unknown" }
        return String(cString: unsafeBitCast(symbol, to: Version.self)())
    }

    /// Writes counts as little-endian Int64, the format every contender writes for the driver to compare.
    static func writeCounts(_ counts: [Int], to path: String) throws {
        let data = counts.map { Int64($0).littleEndian }.withUnsafeBytes { Data($0) }
        try data.write(to: URL(fileURLWithPath: path))
    }

    /// Σ (i + 1) · counts[i], wrapping: the checksum every contender reports.
    static func checksum(_ counts: [Int]) -> Int64 {
        var sum: UInt64 = 0
        for (i, c) in counts.enumerated() { sum &+= UInt64(i + 1) &* UInt64(c) }
        return Int64(bitPattern: sum)
    }
}
