import Foundation
import LifeCircleRuns

/// What a command is doing, on standard error, so that a long run is never silent: each step as it
/// starts (on a terminal) and how long it took, e.g. `read districts.geojson: 99,856 features, 2.9 s`.
/// Piped, a plain line per finished step; nothing with `--quiet`. Standard output stays the summary.
struct StepLog: RunProgress {
    var quiet: Bool
    private let onTerminal = isatty(STDERR_FILENO) != 0

    init(quiet: Bool) { self.quiet = quiet }

    /// Runs `body` as the step `what`; `result` adds what it produced to the finished line.
    func step<R>(_ what: String, result: (R) -> String?, _ body: () throws -> R) rethrows -> R {
        if !quiet, onTerminal { write("… \(what)") }
        let start = ContinuousClock.now
        let value = try body()
        if !quiet {
            let elapsed = (ContinuousClock.now - start).components
            let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
            let line = what + (result(value).map { ": \($0)" } ?? "") + String(format: ", %.1f s", seconds)
            write(onTerminal ? "\r\u{1B}[K✓ \(line)\n" : "\(line)\n")
        }
        return value
    }

    /// A warning, on its own line.
    func warn(_ message: String) {
        if !quiet { write("warning: \(message)\n") }
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}

