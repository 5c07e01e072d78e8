import LifeCircleGeometry

/// Roads reduced to what the graph builder needs: each road line as the sequence of locations its
/// vertices sit at, where one location shared by several vertices is one place in the network.
///
/// Sources decide what "the same location" means: identical source coordinates for OSM
/// (`ExactLocations`), a snapping tolerance for centreline layers (`ToleranceLocations`).
struct RoadTopology {
    /// Location positions, in the metric CRS once the source has projected them.
    var locations: [Coordinate] = []
    /// Per road line, its vertices' locations, without consecutive repeats.
    var lines: [[Int32]] = []
    var lineClass: [UInt8] = []
    var lineWay: [Int32] = []
    var classNames: [String] = []
    var wayIDs: [String] = []
    private var classCodes: [String: UInt8] = [:]

    /// Registers a source feature (an OSM way, a centreline feature); its lines refer to it.
    mutating func addWay(_ id: String) -> Int32 {
        wayIDs.append(id)
        return Int32(wayIDs.count - 1)
    }

    /// Adds one line; a line that stays at one location (all vertices coincide) is no street and is
    /// left out, which it returns false for.
    mutating func addLine(_ locationsOfVertices: [Int32], roadClass: String, way: Int32) throws -> Bool {
        var line: [Int32] = []
        line.reserveCapacity(locationsOfVertices.count)
        for l in locationsOfVertices where line.last != l { line.append(l) }
        guard line.count >= 2 else { return false }
        lines.append(line)
        lineClass.append(try code(of: roadClass))
        lineWay.append(way)
        return true
    }

    private mutating func code(of roadClass: String) throws -> UInt8 {
        if let code = classCodes[roadClass] { return code }
        guard classNames.count <= Int(UInt8.max) else { throw NetworkError.tooManyRoadClasses(limit: Int(UInt8.max) + 1) }
        classNames.append(roadClass)
        classCodes[roadClass] = UInt8(classNames.count - 1)
        return UInt8(classNames.count - 1)
    }
}
