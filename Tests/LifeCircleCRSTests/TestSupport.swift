import Foundation
import LifeCircleGeometry

/// Ground distance in metres between two lon/lat points (equirectangular: exact enough below 1 km).
func metres(_ a: Coordinate, _ b: Coordinate) -> Double {
    let latRadians = (a.y + b.y) / 2 * .pi / 180
    let dx = (a.x - b.x) * 111_320 * cos(latRadians)
    let dy = (a.y - b.y) * 110_574
    return (dx * dx + dy * dy).squareRoot()
}

/// A tiny envelope around one point.
func envelope(around c: Coordinate, halfSize: Double = 0.01) -> Envelope {
    Envelope(minX: c.x - halfSize, minY: c.y - halfSize, maxX: c.x + halfSize, maxY: c.y + halfSize)
}

enum Place {
    static let shenzhen = Coordinate(114.0548, 22.5431)
    static let yinchuan = Coordinate(106.23, 38.49)
    static let beijing = Coordinate(116.32, 40.0)
    static let kashgar = Coordinate(75.99, 39.47)
    static let qingyuan = Coordinate(113.05, 23.68)
    static let kunming = Coordinate(102.7, 25.0)
    static let helsinki = Coordinate(24.94, 60.17)
}
