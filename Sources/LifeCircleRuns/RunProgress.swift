/// Where a run reports its steps: the CLI prints them on stderr, the web service may stream
/// them, tests stay silent. `result` words what the step produced ("99,856 features").
public protocol RunProgress: Sendable {
    func step<R>(_ what: String, result: (R) -> String?, _ body: () throws -> R) rethrows -> R
}

extension RunProgress {
    public func step<R>(_ what: String, _ body: () throws -> R) rethrows -> R {
        try step(what, result: { _ in nil }, body)
    }
}

/// Says nothing.
public struct SilentProgress: RunProgress {
    public init() {}
    public func step<R>(_ what: String, result: (R) -> String?, _ body: () throws -> R) rethrows -> R { try body() }
}
