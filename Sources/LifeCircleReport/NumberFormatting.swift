/// Numbers as planners read them in a report: thousands separators, fixed decimals, units.
public enum ReportFormat {
    /// E.g. `number(1234.5, decimals: 1)` → "1,234.5"; "—" for NaN and infinities.
    public static func number(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return "—" }
        let factor = pow10(decimals)
        let scaled = (abs(value) * factor).rounded()
        // Beyond 2^53 the digits are not exact anyway; keep the plain description.
        guard scaled < 9.0e15 else { return value.description }
        let units = Int64(scaled)
        let whole = units / Int64(factor), fraction = units % Int64(factor)
        var text = grouped(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return units != 0 && value < 0 ? "-" + text : text
    }

    /// A ratio as a percentage, e.g. `percent(0.8734, decimals: 1)` → "87.3%".
    public static func percent(_ ratio: Double, decimals: Int = 1) -> String {
        ratio.isFinite ? number(ratio * 100, decimals: decimals) + "%" : "—"
    }

    /// A number with its unit, e.g. "1,234.5平方米" or "1,234.5 m²".
    public static func quantity(_ value: Double, _ unit: ReportUnit, decimals: Int = 0, in language: Language) -> String {
        let label = unit.label(in: language, singular: value == 1)
        // Chinese sets a unit in characters against the number; English spaces it.
        return number(value, decimals: decimals) + (language == .zh ? "" : " ") + label
    }

    private static func grouped(_ whole: Int64) -> String {
        let digits = Array(String(whole))
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }

    private static func pow10(_ n: Int) -> Double {
        (0..<max(0, n)).reduce(1) { acc, _ in acc * 10 }
    }
}

/// Units that report tables and legends label.
public enum ReportUnit: Hashable, Sendable {
    case squareMetres
    case households
    case persons
    case metres
    case minutes

    public func label(in language: Language, singular: Bool = false) -> String {
        switch (self, language) {
        case (.squareMetres, .zh): "平方米"
        case (.squareMetres, .en): "m²"
        case (.households, .zh): "户"
        case (.households, .en): singular ? "household" : "households"
        case (.persons, .zh): "人"
        case (.persons, .en): singular ? "person" : "persons"
        case (.metres, .zh): "米"
        case (.metres, .en): "m"
        case (.minutes, .zh): "分钟"
        case (.minutes, .en): "min"
        }
    }
}
