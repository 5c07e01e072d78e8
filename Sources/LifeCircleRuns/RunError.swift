import Foundation

/// Why a run refuses its request before doing any work.
public enum RunError: Error, Hashable, Sendable, CustomStringConvertible {
    /// An output would be written over one of the run's own inputs.
    case outputReplacesInput(output: String, input: String)
    /// A number outside what a plan can mean (`inf`, `1e19` minutes).
    case outOfRange(setting: String, value: Double, limit: Double)

    public var description: String {
        switch self {
        case .outputReplacesInput(let output, let input):
            "\(output) would be written over the input \(input): choose another output folder"
        case .outOfRange(let setting, let value, let limit):
            "\(setting) must be above 0 and at most \(Int(limit)), found \(value)"
        }
    }
}

extension OutputRequest {
    /// Refuses a run whose outputs (`names` in the folder) include one of its inputs, compared as
    /// real paths, so that `./x`, symbolic links and `../` forms of one file are the same.
    func refuseOverwriting(_ inputs: [LayerInput?], names: [String]) throws {
        func real(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
        let inputPaths = Dictionary(inputs.compactMap { $0 }.map { (real($0.path), $0.path) }, uniquingKeysWith: { a, _ in a })
        for name in names {
            let output = URL(fileURLWithPath: folder).appendingPathComponent(name).path
            if let input = inputPaths[real(output)] { throw RunError.outputReplacesInput(output: output, input: input) }
        }
    }
}
