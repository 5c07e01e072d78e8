import Foundation

/// Why a siting run has no answer.
public enum SitingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Even every candidate together falls short of the target share; `best` is the most reachable.
    case targetOutOfReach(target: Double, best: Double, candidates: Int, measure: String)
    /// A value the run needs is missing or unusable, e.g. a candidate's floor area in capacitated siting.
    case missingValue(source: String, feature: String, field: String, reason: String)
    /// The options do not make a problem, e.g. adding 0 sites.
    case invalidRequest(String)
    /// CBC failed on a model it should solve (not a time limit, which gives an answer with its gap).
    case solverFailed(String)

    public var description: String {
        switch self {
        case .targetOutOfReach(let target, let best, let candidates, let measure):
            "target out of reach: even all \(candidates) candidates reach \(Self.percent(best)) of \(measure) "
                + "< \(Self.percent(target)); lower the target share to at most \(Self.percent(best)) or add candidate sites"
        case .missingValue(let source, let feature, let field, let reason):
            "\(source): feature \(feature): \(field) \(reason)"
        case .invalidRequest(let message):
            message
        case .solverFailed(let message):
            "the MIP solver failed: \(message)"
        }
    }

    /// One decimal, rounded down, so a best share just short of the target never reads as equal to it.
    private static func percent(_ share: Double) -> String {
        String(format: "%.1f %%", (share * 1000).rounded(.down) / 10)
    }
}
