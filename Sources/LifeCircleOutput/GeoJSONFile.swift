import LifeCircleCRS
import LifeCircleGeometry
import LifeCircleIO
import LifeCircleWorkers

/// Writes a table as an RFC 7946 GeoJSON FeatureCollection: WGS 84 longitude/latitude with 7
/// decimals (about 1 cm), exterior rings counter-clockwise, one feature per line. Chunks of features
/// are transformed and serialised on every core, each worker with its own PROJ transformer.
public enum GeoJSONFile {
    public static func write(_ table: FeatureTable, layerName: String, to path: String) throws {
        let workers = min(Workers.defaultCount, max(1, table.count / 256))
        let transformers = try table.epsg.flatMap { epsg in
            epsg == 4326 ? nil : try (0..<workers).map { _ in try Transformer(fromEPSG: epsg, toEPSG: 4326) }
        }
        let keys = table.fields.map { field -> TextBuffer in
            var key = TextBuffer()
            key.appendJSONString(field.name)
            key.append(byte: UInt8(ascii: ":"))
            return key
        }
        var head = TextBuffer()
        head.append("{\"type\":\"FeatureCollection\",\"name\":")
        head.appendJSONString(layerName)
        head.append(",\"features\":[\n")
        let chunks = Workers.split(count: table.count, workers: workers) { range, worker -> Result<TextBuffer, any Error> in
            var text = TextBuffer(capacity: range.count * 256)
            do {
                for i in range {
                    if i > 0 { text.append(",\n") }
                    text.append("{\"type\":\"Feature\",\"properties\":{")
                    for (f, value) in table.values(i).enumerated() {
                        if f > 0 { text.append(byte: UInt8(ascii: ",")) }
                        text.append(keys[f])
                        text.appendJSON(value)
                    }
                    text.append("},\"geometry\":")
                    if var geometry = table.geometry(i) {
                        if let transformers {
                            do { geometry = try transformers[worker].transform(geometry) } catch {
                                throw IOError.writeFailed(path: path, message: "feature \(i): \(error)")
                            }
                        }
                        text.appendGeoJSON(geometry)
                    } else {
                        text.append("null")
                    }
                    text.append(byte: UInt8(ascii: "}"))
                }
            } catch { return .failure(error) }
            return .success(text)
        }
        var tail = TextBuffer()
        tail.append("\n]}\n")
        try OutputFile.write([head] + chunks.map { try $0.get() } + [tail], to: path)
    }
}

extension TextBuffer {
    /// An attribute as a JSON value.
    mutating func appendJSON(_ value: AttributeValue) {
        switch value {
        case .null: append("null")
        case .int(let n): append(n)
        case .double(let x): appendJSONNumber(x)
        case .string(let s): appendJSONString(s)
        }
    }

    /// A geometry object in longitude/latitude degrees.
    mutating func appendGeoJSON(_ geometry: Geometry) {
        append("{\"type\":\"")
        append(geometry.typeName)
        if case .geometryCollection(let members) = geometry {
            append("\",\"geometries\":[")
            for (i, member) in members.enumerated() {
                if i > 0 { append(byte: UInt8(ascii: ",")) }
                appendGeoJSON(member)
            }
            return append("]}")
        }
        append("\",\"coordinates\":")
        switch geometry {
        case .point(let p): appendPosition(p.coordinate)
        case .lineString(let l): appendPositions(l.coordinates)
        case .polygon(let p): appendRings(p)
        case .multiPoint(let points): appendList(points) { $0.appendPosition($1.coordinate) }
        case .multiLineString(let lines): appendList(lines) { $0.appendPositions($1.coordinates) }
        case .multiPolygon(let polygons): appendList(polygons) { $0.appendRings($1) }
        case .geometryCollection: break
        }
        append(byte: UInt8(ascii: "}"))
    }

    private mutating func appendList<T>(_ items: [T], _ each: (inout TextBuffer, T) -> Void) {
        append(byte: UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { append(byte: UInt8(ascii: ",")) }
            each(&self, item)
        }
        append(byte: UInt8(ascii: "]"))
    }

    private mutating func appendPosition(_ c: Coordinate) {
        append(byte: UInt8(ascii: "["))
        append(c.x, decimals: 7)
        append(byte: UInt8(ascii: ","))
        append(c.y, decimals: 7)
        append(byte: UInt8(ascii: "]"))
    }

    private mutating func appendPositions(_ coordinates: [Coordinate]) {
        appendList(coordinates) { $0.appendPosition($1) }
    }

    /// RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise.
    private mutating func appendRings(_ polygon: Polygon) {
        append(byte: UInt8(ascii: "["))
        appendPositions(Self.oriented(polygon.exterior, counterClockwise: true))
        for hole in polygon.interiors {
            append(byte: UInt8(ascii: ","))
            appendPositions(Self.oriented(hole, counterClockwise: false))
        }
        append(byte: UInt8(ascii: "]"))
    }

    private static func oriented(_ ring: LinearRing, counterClockwise: Bool) -> LinearRing {
        var twiceArea = 0.0
        for (a, b) in zip(ring, ring.dropFirst()) { twiceArea += a.x * b.y - b.x * a.y }
        return (twiceArea > 0) == counterClockwise || twiceArea == 0 ? ring : ring.reversed()
    }
}
