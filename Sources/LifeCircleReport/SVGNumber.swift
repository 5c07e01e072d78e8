/// A number for SVG markup: rounded (one decimal in pixel space is finer than any screen or
/// printer resolves, and keeps maps of detailed boundaries small), without trailing zeros.
func svgNumber(_ value: Double, decimals: Int = 1) -> String {
    guard value.isFinite else { return "0" }
    var factor: Int64 = 1
    for _ in 0..<decimals { factor *= 10 }
    let units = Int64((value * Double(factor)).rounded())
    let magnitude = units.magnitude
    var text = String(magnitude / UInt64(factor))
    var fraction = magnitude % UInt64(factor), width = decimals
    if fraction != 0 {
        while fraction % 10 == 0 { fraction /= 10; width -= 1 }
        let digits = String(fraction)
        text += "." + String(repeating: "0", count: width - digits.count) + digits
    }
    return units < 0 ? "-" + text : text
}
