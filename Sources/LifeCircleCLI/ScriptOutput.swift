import Foundation
import LifeCircleOutput

/// `--json`: the run's summary as one JSON object on standard output, for scripts; the same keys
/// as the summary in the command's JSON file, with what was written and left out.
struct ScriptSummary<Summary: Encodable>: Encodable {
    var command: String
    var summary: Summary
    var rejected: Int
    var warnings: [String]
    var written: [String]

    func print() throws {
        var text = try JSONStreamEncoder().encode(self)
        text.append(TextBuffer("\n"))
        for chunk in text { FileHandle.standardOutput.write(Data(chunk.bytes)) }
    }
}
