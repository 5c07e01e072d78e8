import LifeCircleIO
import Testing

@Suite struct FieldAliasesTests {
    let fields = ["编号", "小区名称", "户数", "常住人口", "人口数", "60岁以上人口", "建筑面积", "所属小区", " Type ", "状态"]

    @Test func chineseNamesResolve() throws {
        let mapping = try FieldAliases.standard.resolve(fields: fields, source: "districts.shp")
        #expect(mapping == [
            "id": "编号", "name": "小区名称", "households": "户数", "population": "常住人口",
            "elderly_population": "60岁以上人口", "floor_area_m2": "建筑面积", "district_id": "所属小区",
            "kind": " Type ", "status": "状态",
        ])
    }

    @Test func overrideWins() throws {
        let overrides = try FieldAliases.parseOverrides(["population=人口数", " capacity = 建筑面积 "])
        #expect(overrides == ["population": "人口数", "capacity": "建筑面积"])
        let mapping = try FieldAliases.standard.resolve(fields: fields, overrides: overrides, source: "districts.shp")
        #expect(mapping["population"] == "人口数")
        #expect(mapping["capacity"] == "建筑面积")
        #expect(mapping["name"] == "小区名称")
    }

    @Test func badOverridesNameTheFileAndField() throws {
        let error = try #require(throws: IOError.self) {
            try FieldAliases.standard.resolve(fields: fields, overrides: ["popul": "人口数", "cost": "造价"], source: "districts.shp")
        }
        #expect(error == .fieldMapping(path: "districts.shp", problems: [
            "no field \"造价\" for cost (fields: \(fields.joined(separator: ", ")))",
            "unknown field \"popul\" in the field override popul=人口数 (known: \(FieldAliases.standard.canonicalNames.joined(separator: ", ")))",
        ]))
        #expect(error.description.hasPrefix("districts.shp: no field \"造价\" for cost"))
    }

    @Test func malformedOverrides() throws {
        for argument in ["population", "=人口数", "population=", " = "] {
            let error = try #require(throws: IOError.self) { try FieldAliases.parseOverrides([argument]) }
            #expect(error == .malformedFieldOverride(argument: argument, reason: "expected canonical=source, e.g. population=常住人口"))
        }
        let twice = try #require(throws: IOError.self) { try FieldAliases.parseOverrides(["name=名称", "name=名字"]) }
        #expect(twice.description == "malformed field override \"name=名字\": name is already mapped to 名称")
    }
}
