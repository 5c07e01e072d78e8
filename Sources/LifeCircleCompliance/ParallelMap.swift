import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `transform` over the elements on every core, in contiguous chunks, results in order.
    /// For pure, per-element work such as judging 100,000 districts.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let workers = ProcessInfo.processInfo.activeProcessorCount
        guard count >= 1024, workers > 1 else { return map(transform) }
        let chunks = workers * 4
        let results = UnsafeMutableBufferPointer<[T]>.allocate(capacity: chunks)
        results.initialize(repeating: [])
        defer { results.deallocate() }
        nonisolated(unsafe) let slots = results
        let elements = self
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (chunk * elements.count / chunks)..<((chunk + 1) * elements.count / chunks)
            slots[chunk] = elements[range].map(transform)
        }
        return results.flatMap { $0 }
    }
}
