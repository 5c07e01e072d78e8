import LifeCircleWorkers

extension Array where Element: Sendable {
    /// `transform` over the elements on every core (`Workers.mapEach`: results written in place),
    /// in order. For pure, per-element work such as judging 100,000 districts; small arrays stay on
    /// the calling thread.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count >= 1024 else { return map(transform) }
        return Workers.mapEach(count: count) { i in transform(self[i]) }
    }
}
