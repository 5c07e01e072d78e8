/// The outcome a report shows for a district, unit or facility.
///
/// Colours are from the Okabe–Ito palette, which stays distinct under the common colour-vision
/// deficiencies; reports also spell the status out in text, never relying on colour alone.
public enum Status: String, Hashable, Sendable, CaseIterable {
    case pass
    case fail
    case insufficient

    /// The CSS class of a table row with this status.
    public var cssClass: String { rawValue }

    /// Strong colour: map fills, markers, row stripes.
    public var color: String {
        switch self {
        case .pass: "#0072B2"
        case .fail: "#D55E00"
        case .insufficient: "#999999"
        }
    }

    /// Light tint of `color`: table row backgrounds.
    public var tint: String {
        switch self {
        case .pass: "#E3F0F8"
        case .fail: "#FBE9DE"
        case .insufficient: "#EFEFEF"
        }
    }

    /// The default wording; a report may use its own (e.g. covered / not covered).
    public var label: Localized {
        switch self {
        case .pass: Localized(zh: "达标", en: "Meets the norm")
        case .fail: Localized(zh: "未达标", en: "Below the norm")
        case .insufficient: Localized(zh: "数据不足", en: "Insufficient data")
        }
    }
}
