import Foundation

/// One `Transformer` per (source, target) pair, created on first use and shared by all threads.
public final class TransformerCache: @unchecked Sendable {
    public static let shared = TransformerCache()

    private struct Pair: Hashable {
        let source: Int
        let target: Int
    }

    // Guards `transformers`. Held while creating, so two threads asking for a new pair create it once.
    private let lock = NSLock()
    private var transformers: [Pair: Transformer] = [:]

    public init() {}

    public func transformer(fromEPSG source: Int, toEPSG target: Int) throws -> Transformer {
        try lock.withLock {
            let pair = Pair(source: source, target: target)
            if let cached = transformers[pair] { return cached }
            let created = try Transformer(fromEPSG: source, toEPSG: target)
            transformers[pair] = created
            return created
        }
    }
}
