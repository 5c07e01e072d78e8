import Foundation
import LifeCircleNorms
import Testing

@Suite struct LibraryTests {
    @Test func unknownNameListsTheAvailablePacks() throws {
        let library = RulePackLibrary(directory: RulePackLibrary.bundledDirectory)
        let error = #expect(throws: RulePackError.self) { try library.load("yinchuan-2021") }
        #expect(error?.file == RulePackLibrary.bundledDirectory)
        #expect(error?.line == nil)
        #expect(error?.message.contains("no rule pack named \"yinchuan-2021\"") == true)
        #expect(error?.message.contains("available: ankang-2023, gb50180-2018, ningxia-2025, qingyuan-2024, "
                                        + "yinchuan-2020, yunnan-2020") == true)
    }

    @Test func aUserPackLoadsByPath() throws {
        let path = try TestPacks.write(TestPacks.valid)
        let pack = try RulePackLibrary.standard.load(path)
        #expect(pack.id == "test-pack")
        #expect(pack.path == path)
        #expect(pack.rules.first?.threshold == 30)
    }

    @Test func aDirectoryOfUserPacksListsByName() throws {
        let path = try TestPacks.write(TestPacks.valid)
        let library = RulePackLibrary(directory: (path as NSString).deletingLastPathComponent)
        #expect(try library.names() == ["test-pack"])
        #expect(try library.load("test-pack").title == "测试方案")
    }

    @Test func aBadPackInTheDirectoryStopsTheListing() throws {
        let path = try TestPacks.write(TestPacks.valid(replacing: "unit: count", with: "unit: counts"))
        let library = RulePackLibrary(directory: (path as NSString).deletingLastPathComponent)
        let error = #expect(throws: RulePackError.self) { try library.list() }
        #expect(error?.file == path)
    }

    @Test func theBundledDirectoryIsTheRepositorysGeoDataRules() {
        #expect(RulePackLibrary.bundledDirectory.hasSuffix("/GeoData/rules"))
        #expect(FileManager.default.fileExists(atPath: RulePackLibrary.bundledDirectory + "/yinchuan-2020.yaml"))
    }
}
