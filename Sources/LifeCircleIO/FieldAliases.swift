import Foundation

/// Canonical field names LifeCircle works with, and the names planners' files use for them.
/// Names match case-insensitively after trimming; the first alias found in a file wins.
public struct FieldAliases: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var canonical: String
        public var aliases: [String]

        public init(canonical: String, aliases: [String]) {
            self.canonical = canonical
            self.aliases = aliases
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    public static let standard = FieldAliases(entries: [
        Entry(canonical: "id", aliases: ["id", "编号", "代码", "code", "fid", "adcode", "行政区划代码", "osm_id"]),
        Entry(canonical: "name", aliases: ["name", "名称", "名字", "小区名称", "设施名称"]),
        Entry(canonical: "households", aliases: ["households", "户数", "户", "住户数", "套数"]),
        Entry(canonical: "population", aliases: ["population", "pop", "人口", "常住人口", "人口数"]),
        Entry(canonical: "elderly_population", aliases: ["elderly_population", "老年人口", "60岁以上人口", "65岁以上人口", "elderly"]),
        Entry(canonical: "floor_area_m2", aliases: ["floor_area_m2", "floor_area", "建筑面积", "建筑面积_m2"]),
        Entry(canonical: "land_area_m2", aliases: ["land_area_m2", "land_area", "用地面积", "占地面积"]),
        Entry(canonical: "status", aliases: ["status", "状态", "建设状态"]),
        Entry(canonical: "kind", aliases: ["kind", "type", "类型", "类别", "设施类型"]),
        Entry(canonical: "district_id", aliases: ["district_id", "所属小区", "小区编号"]),
        Entry(canonical: "level", aliases: ["level", "级别", "层级"]),
        Entry(canonical: "capacity", aliases: ["capacity", "床位", "床位数", "容量"]),
        Entry(canonical: "cost", aliases: ["cost", "成本", "造价"]),
        Entry(canonical: "childcare_places", aliases: ["childcare_places", "托位", "托位数"]),
        Entry(canonical: "planning_unit", aliases: ["planning_unit", "规划单元", "控规单元", "单元编号"]),
    ])

    public var canonicalNames: [String] { entries.map(\.canonical) }

    /// The source field for each canonical name found among `fields`.
    ///
    /// `overrides` (canonical → source field, from `--field`) win over aliases. An override naming an
    /// unknown canonical field or a field the file lacks is an error naming `source` (the file) and the field.
    public func resolve(fields: [String], overrides: [String: String] = [:], source: String) throws -> [String: String] {
        var mapping: [String: String] = [:]
        var problems: [String] = []
        for (canonical, wanted) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let entry = entries.first(where: { Self.normalized($0.canonical) == Self.normalized(canonical) }) else {
                problems.append("unknown field \"\(canonical)\" in the field override \(canonical)=\(wanted) "
                                + "(known: \(canonicalNames.joined(separator: ", ")))")
                continue
            }
            guard let field = Self.match(wanted, in: fields) else {
                problems.append("no field \"\(wanted)\" for \(entry.canonical) (fields: \(fields.joined(separator: ", ")))")
                continue
            }
            mapping[entry.canonical] = field
        }
        if !problems.isEmpty { throw IOError.fieldMapping(path: source, problems: problems) }
        for entry in entries where mapping[entry.canonical] == nil {
            mapping[entry.canonical] = field(for: entry.canonical, in: fields)
        }
        return mapping
    }

    /// The other fields among `fields` that also stand for `canonical` (a file that names one
    /// attribute two ways: `floor_area_m2` on some features, `建筑面积` on others), in alias order.
    public func alternatives(for canonical: String, in fields: [String], besides primary: String) -> [String] {
        let matched = entries.first { $0.canonical == canonical }?.aliases.compactMap { Self.match($0, in: fields) } ?? []
        var seen: Set<String> = [primary]
        return matched.filter { seen.insert($0).inserted }
    }

    /// The field among `fields` standing for `canonical`, by its aliases.
    func field(for canonical: String, in fields: [String]) -> String? {
        entries.first { $0.canonical == canonical }?.aliases.lazy.compactMap { Self.match($0, in: fields) }.first
    }

    /// Parses `--field canonical=source` arguments into overrides for `resolve`.
    public static func parseOverrides(_ arguments: [String]) throws -> [String: String] {
        var overrides: [String: String] = [:]
        for argument in arguments {
            let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let canonical = parts.count == 2 ? normalized(String(parts[0])) : ""
            let field = parts.count == 2 ? String(parts[1]).trimmingCharacters(in: .whitespacesAndNewlines) : ""
            guard !canonical.isEmpty, !field.isEmpty else {
                throw IOError.malformedFieldOverride(argument: argument, reason: "expected canonical=source, e.g. population=常住人口")
            }
            if let earlier = overrides[canonical], earlier != field {
                throw IOError.malformedFieldOverride(argument: argument, reason: "\(canonical) is already mapped to \(earlier)")
            }
            overrides[canonical] = field
        }
        return overrides
    }

    /// `name` among `fields`: exactly if present, else case-insensitively after trimming, else
    /// without a unit in brackets after it (`建筑面积（㎡）`, `建筑面积(m2)`, `Floor area [m²]`).
    static func match(_ name: String, in fields: [String]) -> String? {
        if fields.contains(name) { return name }
        let wanted = normalized(name)
        return fields.first { normalized($0) == wanted } ?? fields.first { normalized(withoutUnit($0)) == wanted }
    }

    /// The name without a trailing bracketed unit, in ASCII or full-width brackets.
    static func withoutUnit(_ name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let closers: [Character: Character] = [")": "(", "）": "（", "]": "[", "】": "【"]
        guard let last = trimmed.last, let opener = closers[last], let start = trimmed.lastIndex(of: opener),
              start > trimmed.startIndex else { return name }
        return String(trimmed[..<start])
    }

    private static func normalized(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
