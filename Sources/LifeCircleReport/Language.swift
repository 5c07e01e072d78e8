/// The language a report is written in. Chinese is the default: the readers are planners in China.
public enum Language: String, Hashable, Sendable, CaseIterable {
    case zh
    case en

    /// The value of `<html lang>`.
    public var htmlLang: String {
        switch self {
        case .zh: "zh-CN"
        case .en: "en"
        }
    }
}

/// A text in both report languages.
///
/// Report builders keep their strings as keys of this type, so one builder renders both reports:
///
///     extension Localized { static let shortfall = Localized(zh: "缺口", en: "Shortfall") }
///     Localized.shortfall(language)
public struct Localized: Hashable, Sendable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public func callAsFunction(_ language: Language) -> String {
        switch language {
        case .zh: zh
        case .en: en
        }
    }
}

// The module's own words.
extension Localized {
    static let legend = Localized(zh: "图例", en: "Legend")
    static let crs = Localized(zh: "坐标系：", en: "CRS: ")
    static let notes = Localized(zh: "注", en: "Notes")
}
