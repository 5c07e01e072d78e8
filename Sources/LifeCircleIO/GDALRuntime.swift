import CGDAL

/// One warning or error GDAL raised.
struct GDALMessage {
    let isFailure: Bool
    let text: String
}

/// GDAL's messages during one operation on one thread, captured instead of printed to stderr,
/// so they can go into errors and reports.
final class GDALMessageLog {
    private(set) var messages: [GDALMessage] = []

    var count: Int { messages.count }

    fileprivate func append(_ level: CPLErr, _ text: String) {
        // Debug output is GDAL's own business.
        guard level == CE_Warning || level == CE_Failure || level == CE_Fatal else { return }
        messages.append(GDALMessage(isFailure: level != CE_Warning, text: text))
    }

    /// The last error raised since position `start`, if any.
    func lastFailure(since start: Int = 0) -> String? {
        messages[start...].last(where: \.isFailure)?.text
    }

    /// The distinct warnings, in the order first raised.
    var warnings: [String] {
        var seen = Set<String>()
        return messages.filter { !$0.isFailure && seen.insert($0.text).inserted }.map(\.text)
    }

    func clear() { messages.removeAll() }
}

enum GDALRuntime {
    // A static let is initialised once, thread-safely, on first use.
    private static let registered: Void = GDALAllRegister()

    /// Runs `body` with GDAL's drivers registered, its messages going to a fresh log, and the given
    /// configuration options set for this thread only (other threads may be using GDAL too).
    static func run<T>(config: [String: String] = [:], _ body: (GDALMessageLog) throws -> T) throws -> T {
        _ = registered
        let log = GDALMessageLog()
        let handler = Unmanaged.passRetained(log)
        // GDAL's handler stack is per thread; the log travels as the handler's user data.
        CPLPushErrorHandlerEx({ level, _, message in
            guard let data = CPLGetErrorHandlerUserData() else { return }
            Unmanaged<GDALMessageLog>.fromOpaque(data).takeUnretainedValue()
                .append(level, message.map { String(cString: $0) } ?? "")
        }, handler.toOpaque())
        let saved = config.keys.map { key in (key, CPLGetThreadLocalConfigOption(key, nil).map { String(cString: $0) }) }
        for (key, value) in config { CPLSetThreadLocalConfigOption(key, value) }
        defer {
            for (key, value) in saved { CPLSetThreadLocalConfigOption(key, value) }
            CPLPopErrorHandler()
            handler.release()
        }
        return try body(log)
    }
}

/// Passes `strings` to `body` as the NULL-terminated `char**` list GDAL takes for options.
func withCStringList<T>(_ strings: [String], _ body: (CSLConstList?) throws -> T) rethrows -> T {
    var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    for string in strings { list = CSLAddString(list, string) }
    defer { CSLDestroy(list) }
    return try body(list)
}
