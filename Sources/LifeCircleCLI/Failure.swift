import ArgumentParser
import Foundation

/// Runs a command's work, turning library errors into a message on standard error and the
/// documented exit status (65: the input data is at fault).
func reportingInputErrors<R>(_ body: () throws -> R) throws -> R {
    do {
        return try body()
    } catch let error as ValidationError {
        throw error
    } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        throw ExitCode(65)
    }
}
