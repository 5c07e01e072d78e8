import LifeCircleCRS
import LifeCircleOutput
import LifeCircleReport

/// One input layer of a run: the file, and the CRS of its coordinates when the file's own
/// declaration is wrong or missing (`--districts-from gcj02`).
public struct LayerInput: Hashable, Sendable {
    public var path: String
    public var from: CRS?

    public init(_ path: String, from: CRS? = nil) {
        self.path = path
        self.from = from
    }
}

/// Where and how a run writes its outputs.
public struct OutputRequest: Hashable, Sendable {
    public var folder: String
    public var language: Language
    public var format: LayerFormat
    /// Printed at the top of the report and kept in the JSON, e.g. that the data is illustrative.
    public var notes: [String]

    public init(folder: String, language: Language = .zh, format: LayerFormat = .geojson, notes: [String] = []) {
        (self.folder, self.language, self.format, self.notes) = (folder, language, format, notes)
    }
}
