import LifeCircleNorms

/// The figures behind a check's value, kept as numbers. The sentences that explain them, in English
/// and Chinese, are written from these only when an output asks (`CheckResult.detail`): a city of
/// 100,000 districts has 300,000 checks, and a script that reads the summary reads none of them.
public enum CheckFigures: Hashable, Sendable {
    /// Sentences written when the check was made (territory and planning-unit checks: few of them).
    case sentences(en: String, zh: String)
    /// The rule is for districts of one status and this district's status is unknown.
    case statusUnknown(DistrictStatusFilter)
    case householdsUnknown
    case populationUnknown
    /// Floor area for households, per 100 households, against what the rule requires; `unsized`
    /// names the facilities of unknown size when they alone keep a shortfall from being proved.
    case floorArea(provided: Double, households: Double, per100: Double, required: Double, unsized: [String])
    case noSiteSized
    /// The sized sites serving the district, the smallest, and those below the threshold.
    case sites(count: Int, smallest: Double, threshold: Double, below: [SiteSize])
    /// A quantity (land area, childcare places) for the district's population; `derivedFrom` says
    /// how the population was obtained when it was not given.
    case perPerson(Quantity, provided: Double, population: Double, derivedFrom: String?)
    case noFacilityGives(Quantity)

    public struct SiteSize: Hashable, Sendable {
        public var id: String
        public var floorAreaM2: Double
    }

    /// What a per-person rule counts, with its unit, in both languages.
    public enum Quantity: Hashable, Sendable {
        case landArea, childcarePlaces

        var name: (en: String, zh: String) {
            switch self {
            case .landArea: ("land area", "用地面积")
            case .childcarePlaces: ("childcare places", "托位")
            }
        }

        var unit: (en: String, zh: String) {
            switch self {
            case .landArea: ("m²", "平方米")
            case .childcarePlaces: ("places", "个")
            }
        }
    }

    /// The figures in words: (English, Chinese).
    public var sentences: (en: String, zh: String) {
        switch self {
        case .sentences(let en, let zh):
            return (en, zh)
        case .statusUnknown(let filter):
            return ("the rule is for \(filter.rawValue) districts and this district's status is unknown",
                    "本条适用于\(filter.chinese)居住区，该居住区状态未知")
        case .householdsUnknown:
            return ("households unknown", "户数未知")
        case .populationUnknown:
            return ("population unknown", "人口未知")
        case .floorArea(let provided, let households, let per100, let required, let unsized):
            var en = "\(plain(provided)) m² for \(plain(households)) households = \(plain(per100)) m² per 100 households; required \(plain(required)) m²"
            var zh = "已配建 \(plain(provided)) 平方米 ÷ \(plain(households)) 户 = 每百户 \(plain(per100)) 平方米；应配建 \(plain(required)) 平方米"
            if !unsized.isEmpty {
                en += "; floor area unknown for \(unsized.joined(separator: ", "))"
                zh += "；建筑面积未知：\(unsized.joined(separator: "、"))"
            }
            return (en, zh)
        case .noSiteSized:
            return ("no site has a floor area", "各处设施均无建筑面积")
        case .sites(let count, let smallest, let threshold, let below):
            guard !below.isEmpty else {
                return ("\(count) site(s), the smallest \(plain(smallest)) m²", "共 \(count) 处，最小 \(plain(smallest)) 平方米")
            }
            let listed = below.map { "\($0.id) (\(plain($0.floorAreaM2)) m²)" }
            return ("sites below \(plain(threshold)) m²: " + listed.joined(separator: ", "),
                    "低于 \(plain(threshold)) 平方米的设施：" + listed.joined(separator: "、"))
        case .perPerson(let quantity, let provided, let population, let derivedFrom):
            let (name, unit) = (quantity.name, quantity.unit)
            var en = "\(plain(provided)) \(unit.en) of \(name.en) for \(plain(population)) people"
            var zh = "\(name.zh) \(plain(provided)) \(unit.zh)，人口 \(plain(population)) 人"
            if let derivedFrom {
                en += " (\(derivedFrom))"
                zh += "（由户数推算）"
            }
            return (en, zh)
        case .noFacilityGives(let quantity):
            return ("no facility gives its \(quantity.name.en)", "设施均未给出\(quantity.name.zh)")
        }
    }
}
