/// Why a rule pack was refused, with the file and line to fix.
public struct RulePackError: Error, CustomStringConvertible, Hashable, Sendable {
    /// The pack file (or, for an unknown pack name, the directory searched).
    public var file: String
    /// 1-based; nil when the problem is the file as a whole (missing, unreadable, empty).
    public var line: Int?
    public var message: String
    /// The name given is no pack's: the request is wrong, not a pack file.
    public var isUnknownName = false

    public init(file: String, line: Int?, message: String, isUnknownName: Bool = false) {
        self.isUnknownName = isUnknownName
        self.file = file
        self.line = line
        self.message = message
    }

    /// E.g. `GeoData/rules/x.yaml:12: unknown key "threshhold" in rule YC-NEW (allowed: id, …)`.
    public var description: String {
        if let line { "\(file):\(line): \(message)" } else { "\(file): \(message)" }
    }
}
