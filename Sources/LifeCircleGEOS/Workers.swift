import LifeCircleWorkers

extension Workers {
    /// `Workers.split` with each chunk given a pooled GEOS context (a context serves one thread at a time).
    public static func map<T>(count: Int, workers: Int, _ body: (Range<Int>, GEOSContext) -> T) -> [T] {
        split(count: count, workers: workers) { range, _ in GEOSContextPool.shared.withContext { body(range, $0) } }
    }

    /// `make(i, context)` for every i in `0..<count`, on every core, in index order; the first
    /// error (by index) is thrown.
    static func mapAll<T>(count: Int, workers: Int = defaultCount,
                          _ make: (Int, GEOSContext) throws(GEOSError) -> T) throws(GEOSError) -> [T] {
        let chunks = map(count: count, workers: workers) { range, c -> Result<[T], GEOSError> in
            var made: [T] = []
            made.reserveCapacity(range.count)
            for i in range {
                do throws(GEOSError) { made.append(try make(i, c)) } catch { return .failure(error) }
            }
            return .success(made)
        }
        var all: [T] = []
        all.reserveCapacity(count)
        for chunk in chunks { all.append(contentsOf: try chunk.get()) }
        return all
    }
}
