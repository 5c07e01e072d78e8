import Foundation
import LifeCircleGeometry

// Numbers as they appear in messages to planners.

/// `value` with a fixed number of decimals.
func fixed(_ value: Double, _ decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
}

/// E.g. "114.05°E 22.54°N".
func degreesText(_ lonLat: Coordinate) -> String {
    fixed(abs(lonLat.x), 2) + (lonLat.x < 0 ? "°W " : "°E ") + fixed(abs(lonLat.y), 2) + (lonLat.y < 0 ? "°S" : "°N")
}

/// A coordinate range as read from the data, e.g. "38505637 to 38510002" or "22.5431"; whole
/// numbers for metres, four decimals for values that may be degrees.
func rangeText(_ low: Double, _ high: Double) -> String {
    let decimals = max(abs(low), abs(high)) >= 1000 ? 0 : 4
    return low == high ? fixed(low, decimals) : "\(fixed(low, decimals)) to \(fixed(high, decimals))"
}
