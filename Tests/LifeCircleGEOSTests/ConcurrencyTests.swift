import LifeCircleGEOS
import LifeCircleGeometry
import Testing

@Suite struct ConcurrencyTests {
    @Test func manyTasksShareThePoolSafely() async throws {
        let districts = try loadFeatures("china/yinchuan_districts_gcj02.geojson").compactMap(\.geometry)
        let natives = try districts.map { try NativeGeometry($0) }
        let serial = try natives.map { try $0.area() }
        let parallel = try await withThrowingTaskGroup(of: (Int, Double).self) { group in
            for round in 0..<8 {
                for (i, g) in natives.enumerated() {
                    group.addTask { (i, try g.buffer(Double(round) * 1e-4, style: .init(quadrantSegments: 8)).area()) }
                }
            }
            var areas: [Int: [Double]] = [:]
            for try await (i, a) in group { areas[i, default: []].append(a) }
            return areas
        }
        for (i, areas) in parallel {
            #expect(areas.count == 8)
            #expect(areas.min()! >= serial[i] * (1 - 1e-12))
        }
    }
}
