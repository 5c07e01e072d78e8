import Foundation
import LifeCircleIO

/// Writes a file whole or not at all: the bytes go to a hidden temporary file beside it, renamed
/// over the old one only once complete, so a failed run never leaves a half-written output. Every
/// failure is said in words with the file's path ("permission denied"), not as a Foundation code.
public enum OutputFile {
    public static func write(_ chunks: [TextBuffer], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw IOError.writeFailed(path: path, message: "it is a folder")
        }
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw failure(path, "cannot create it") }
        // The first failure's reason, taken from errno right where it happened.
        var problem: IOError?
        for chunk in chunks where problem == nil {
            chunk.bytes.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let n = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                    if n < 0, errno == EINTR { continue }
                    if n < 0 { problem = failure(path, "writing failed"); return }
                    offset += n
                }
            }
        }
        if close(descriptor) != 0, problem == nil { problem = failure(path, "writing failed") }
        if let problem {
            unlink(temporary)
            throw problem
        }
        // rename(2) replaces the old file in one step.
        guard rename(temporary, path) == 0 else {
            let error = failure(path, "cannot replace it")
            unlink(temporary)
            throw error
        }
    }

    public static func write(_ buffer: TextBuffer, to path: String) throws { try write([buffer], to: path) }

    /// Creates the output folder (and its parents) unless it exists; refuses a file in its place.
    public static func makeFolder(_ folder: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw IOError.writeFailed(path: folder, message: "the output folder is a file")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            // Foundation's error carries the POSIX one; say it as the system does.
            let code = (error as NSError).userInfo[NSUnderlyingErrorKey].flatMap { ($0 as? NSError)?.code }
            throw IOError.writeFailed(path: folder, message: "cannot create the output folder: "
                                      + (code.map { String(cString: strerror(Int32($0))) } ?? "\(error.localizedDescription)"))
        }
    }

    private static func failure(_ path: String, _ what: String) -> IOError {
        IOError.writeFailed(path: path, message: "\(what): \(String(cString: strerror(errno)))")
    }
}
