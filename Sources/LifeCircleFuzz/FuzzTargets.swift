import Foundation
import LifeCircleCRS
import LifeCircleGeometry
import LifeCircleIO
import LifeCircleInput
import LifeCircleNorms

/// The parsers that take a user's bytes: each must end in a value or a thrown error for any input,
/// never a trap, and what it accepts must hold the invariants the rest of the program relies on.
/// `Scripts/fuzz.sh` runs one of them under libFuzzer (`LIFECIRCLE_FUZZ_TARGET` picks it).
enum FuzzTarget: String, CaseIterable {
    /// A rule pack's YAML, as `--rules FILE` reads it.
    case rulePack = "rule-pack"
    /// A table with coordinate columns (CSV, as from Excel or a web map), read and prepared as
    /// facilities are: the coordinate-column finder, the cell number parser, the CRS sanity checks.
    case coordinateTable = "coordinate-table"
    /// A cell's text as a number (floor areas, households, coordinates).
    case number
    /// A CRS as `--from` / `--crs` take it, and the sanity checks of an envelope against it.
    case crs

    /// Read once: libFuzzer calls the target millions of times.
    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["LIFECIRCLE_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let names = allCases.map(\.rawValue).joined(separator: ", ")
            fatalError("set LIFECIRCLE_FUZZ_TARGET to one of: \(names)")
        }
        return target
    }()

    func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        switch self {
        case .rulePack: Self.rulePack(text)
        case .coordinateTable: Self.coordinateTable(bytes)
        case .number: Self.number(text)
        case .crs: Self.crs(text, bytes)
        }
    }

    private static func rulePack(_ yaml: String) {
        guard let pack = try? RulePack(yaml: yaml, path: "fuzz.yaml") else { return }
        for rule in pack.rules {
            require(rule.threshold.isFinite, "rule \(rule.id) has a threshold that is not finite")
        }
    }

    /// One file per process, rewritten for every input: GDAL reads tables from files.
    private static let tablePath = NSTemporaryDirectory() + "lifecircle-fuzz-\(getpid()).csv"

    private static func coordinateTable(_ bytes: [UInt8]) {
        guard FileManager.default.createFile(atPath: tablePath, contents: Data(bytes)) else { return }
        guard let data = try? InputLoader.read(tablePath) else { return }
        guard let layer = try? InputLoader.prepare(data) else { return }
        require(layer.features.count + layer.rejections.count == data.records.count + data.rejections.count,
                "a prepared layer lost features")
        for feature in layer.features {
            for coordinate in feature.geometry.coordinates {
                require(coordinate.x.isFinite && coordinate.y.isFinite, "feature \(feature.id) has a coordinate that is not finite")
            }
        }
    }

    private static func number(_ text: String) {
        if let value = AttributeValue.string(text).number { require(value.isFinite, "\"\(text)\" read as \(value)") }
    }

    private static func crs(_ text: String, _ bytes: [UInt8]) {
        let declared = try? CRS(parsing: text)
        // The first 32 bytes as an envelope's four numbers, whatever they hold (NaN, infinities).
        guard bytes.count >= 32 else { return }
        let numbers = (0..<4).map { i in
            bytes[(i * 8)..<(i * 8 + 8)].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        }.map(Double.init(bitPattern:))
        let envelope = Envelope(minX: min(numbers[0], numbers[2]), minY: min(numbers[1], numbers[3]),
                                maxX: max(numbers[0], numbers[2]), maxY: max(numbers[1], numbers[3]))
        _ = CoordinateSanity.check(envelope, declared: declared ?? .wgs84, target: .epsg(4544))
    }

    private static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("invariant broken: \(message())") }
    }
}

#if FUZZING
/// With `-sanitize=fuzzer`: hands the process to libFuzzer's driver. (SwiftPM links an executable's
/// entry point as `LifeCircleFuzz_main`, so libFuzzer's own `main` cannot be used.)
@_cdecl("LifeCircleFuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc, argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput)
}

/// libFuzzer's entry point for one input (its archive's own `main` refers to it by this name).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.selected.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#else
/// Without libFuzzer: runs the selected target once on each file named, to replay a crash or a corpus.
@main
struct FuzzReplay {
    static func main() {
        let target = FuzzTarget.selected
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("lifecircle-fuzz: cannot read \(path)\n".utf8))
                exit(66)
            }
            target.run([UInt8](data))
        }
    }
}
#endif
