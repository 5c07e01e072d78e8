import Foundation

/// A scale bar of a round length: 1, 2 or 5 × 10ⁿ metres.
public struct ScaleBar: Hashable, Sendable {
    public let metres: Double
    public let pixels: Double

    /// The longest round length not longer than `maxPixels` at this scale.
    public init(pixelsPerMetre: Double, maxPixels: Double) {
        metres = ScaleBar.roundLength(atMost: maxPixels / pixelsPerMetre)
        pixels = metres * pixelsPerMetre
    }

    /// E.g. "500 m", "1 km", "20 km".
    public var label: String {
        if metres >= 1000 { return ReportFormat.number(metres / 1000, decimals: 0) + " km" }
        let decimals = metres >= 1 ? 0 : Int((-log10(metres)).rounded(.up))
        return ReportFormat.number(metres, decimals: decimals) + " m"
    }

    /// The largest 1-2-5 × 10ⁿ not above `length`.
    static func roundLength(atMost length: Double) -> Double {
        guard length.isFinite, length > 0 else { return 1 }
        var power = pow(10, floor(log10(length)))
        // log10 of an exact power of ten may come out a hair low or high.
        if power * 10 <= length { power *= 10 }
        if power > length { power /= 10 }
        let mantissa = length / power
        return (mantissa >= 5 ? 5 : mantissa >= 2 ? 2 : 1) * power
    }
}
