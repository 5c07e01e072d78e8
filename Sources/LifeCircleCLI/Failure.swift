import ArgumentParser
import Foundation
import LifeCircleIO
import LifeCircleInput
import LifeCircleNorms
import LifeCircleRuns

/// Runs a command's work, turning library errors into a message on standard error and the
/// documented exit status: 64 a request that cannot be run (an output over an input, a number out
/// of range), 65 the input data is at fault, 73 an output cannot be written. `crsOptions` names, for each input
/// path, the option that declares its CRS (`--districts-from`): the library says which CRS to
/// declare, the command says how.
func reportingInputErrors<R>(crsOptions: [String: String] = [:], _ body: () throws -> R) throws -> R {
    do {
        return try body()
    } catch let error as ValidationError {
        throw error
    } catch {
        var message = "\(error)"
        if case InputError.coordinates(let source, _, let issues) = error, let option = crsOptions[source] {
            let suggestion = issues.lazy.compactMap(\.suggestion).first
            message += suggestion.map { " (pass \(option) \($0))" } ?? " (pass \(option) with the data's CRS)"
        }
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        switch error {
        case is RunError: throw ExitCode(64)
        case let pack as RulePackError where pack.isUnknownName: throw ExitCode(64)
        case IOError.writeFailed: throw ExitCode(73)
        default: throw ExitCode(65)
        }
    }
}
