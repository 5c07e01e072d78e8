import Foundation

/// A directory of rule packs, one `NAME.yaml` per jurisdiction; packs are loaded by name or by path.
public struct RulePackLibrary: Hashable, Sendable {
    public var directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The packs shipped with LifeCircle, in the repository's GeoData/rules (found from this
    /// source file's location at compile time).
    public static let bundledDirectory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("../../GeoData/rules").standardizedFileURL.path

    /// The policy texts shipped with LifeCircle, GeoData/policies, which documents' `text` names.
    public static let policiesDirectory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("../../GeoData/policies").standardizedFileURL.path

    /// `$LIFECIRCLE_RULES_DIR` when set, else the bundled packs.
    public static var standard: RulePackLibrary {
        let override = ProcessInfo.processInfo.environment["LIFECIRCLE_RULES_DIR"].flatMap { $0.isEmpty ? nil : $0 }
        return RulePackLibrary(directory: override ?? bundledDirectory)
    }

    /// The names (ids) of the packs in the directory, sorted.
    public func names() throws -> [String] {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw RulePackError(file: directory, line: nil, message: "the rule pack directory cannot be read")
        }
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(".yaml".count)) }.sorted()
    }

    /// Every pack in the directory, sorted by id; the first bad one is reported.
    public func list() throws -> [RulePack] {
        try names().map { try RulePack(contentsOfFile: path(of: $0)) }
    }

    /// A pack by name ("yinchuan-2020") or by the path of a `.yaml` / `.yml` file.
    public func load(_ nameOrPath: String) throws -> RulePack {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") {
            return try RulePack(contentsOfFile: nameOrPath)
        }
        let available = try names()
        guard available.contains(nameOrPath) else {
            throw RulePackError(file: directory, line: nil, message: "no rule pack named \"\(nameOrPath)\" "
                                + "(available: \(available.joined(separator: ", "))); give a pack name or "
                                + "the path of a .yaml file", isUnknownName: true)
        }
        return try RulePack(contentsOfFile: path(of: nameOrPath))
    }

    private func path(of name: String) -> String {
        URL(fileURLWithPath: directory).appendingPathComponent("\(name).yaml").path
    }
}
