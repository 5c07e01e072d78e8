import Foundation
import LifeCircleIO

/// Writes a file whole or not at all: the bytes go to a hidden temporary file beside it, renamed
/// over the old one only once complete, so a failed run never leaves a half-written output (and an
/// input given as the output path is not truncated before the run has its answer).
public enum OutputFile {
    public static func write(_ chunks: [TextBuffer], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw IOError.writeFailed(path: path, message: "it is a folder")
        }
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw IOError.writeFailed(path: path, message: "cannot create a file in \(url.deletingLastPathComponent().path)")
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            for chunk in chunks { try handle.write(contentsOf: chunk.bytes) }
            try handle.close()
            // rename(2) replaces the old file in one step.
            guard rename(temporary.path, path) == 0 else {
                throw IOError.writeFailed(path: path, message: String(cString: strerror(errno)))
            }
        } catch let error as IOError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw IOError.writeFailed(path: path, message: "\(error)")
        }
    }

    public static func write(_ buffer: TextBuffer, to path: String) throws { try write([buffer], to: path) }
}
