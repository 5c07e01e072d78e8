import Foundation

/// Point radii for a value such as floor area: the circle's area is proportional to the value,
/// which is how readers compare circles (a radius proportional to it would exaggerate big ones).
public struct SizeScale: Hashable, Sendable {
    /// The value drawn at `maxRadius`, usually the largest in the data.
    public var maxValue: Double
    public var maxRadius: Double
    /// Floor so that the smallest facilities stay visible; below it area is no longer proportional.
    public var minimumRadius: Double

    public init(maxValue: Double, maxRadius: Double = 16, minimumRadius: Double = 1.5) {
        self.maxValue = maxValue
        self.maxRadius = maxRadius
        self.minimumRadius = minimumRadius
    }

    public func radius(for value: Double) -> Double {
        guard maxValue > 0, value > 0 else { return minimumRadius }
        return max(minimumRadius, maxRadius * (value / maxValue).squareRoot())
    }

    /// Three round values for the legend, largest first, about a factor 4–5 apart (e.g. 2,000, 500, 100).
    public var legendValues: [Double] {
        guard maxValue > 0 else { return [] }
        let top = ScaleBar.roundLength(atMost: maxValue)
        let middle = ScaleBar.roundLength(atMost: top / 4)
        return [top, middle, ScaleBar.roundLength(atMost: middle / 4)]
    }

    /// A legend heading and one sized circle per legend value, labelled by `label`.
    public func legendEntries(title: String, style: MapStyle, label: (Double) -> String) -> [LegendEntry] {
        [.heading(title)] + legendValues.map { .point(label($0), style.radius(radius(for: $0))) }
    }
}
