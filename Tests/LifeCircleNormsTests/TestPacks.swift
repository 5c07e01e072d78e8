import Foundation
import LifeCircleNorms

/// A small valid pack that the refusal tests break one way at a time.
enum TestPacks {
    static let valid = """
        id: test-pack
        title: 测试方案
        jurisdiction: 测试市
        document: {title: 测试市人民政府办公室《测试方案》, number: 测政办〔2024〕1号, issued: 2024-01-31}
        persons_per_household: {value: 3.0, basis: test}
        facility_kinds:
          comprehensive_center: [综合养老服务中心]
        rules:
          - id: T-NEW
            applies_to: districts
            district_status: new
            metric: floor_area_per_100_households
            at_least: 30
            unit: m2_per_100_households
            summary: 新建居住区每百户不少于30平方米
            source: {phrase: 每百户不少于30平方米, confidence: S}
          - id: T-CTR
            applies_to: units
            unit_level: street
            metric: facilities_per_unit
            facility_kind: comprehensive_center
            at_least: 1
            unit: count
            summary: 每个街道至少有1个综合养老服务中心
            source: {paraphrase: 每个街道建有综合养老服务中心, confidence: S}

        """

    /// `valid` with `old` replaced by `new` (which must occur exactly once).
    static func valid(replacing old: String, with new: String) -> String {
        precondition(valid.components(separatedBy: old).count == 2, "\(old) must occur once")
        return valid.replacingOccurrences(of: old, with: new)
    }

    /// The 1-based line of the first line containing `text`.
    static func line(of text: String, in yaml: String) -> Int {
        let lines = yaml.components(separatedBy: "\n")
        return lines.firstIndex { $0.contains(text) }! + 1
    }

    /// Writes `yaml` as `name.yaml` in a new folder and returns its path.
    static func write(_ yaml: String, name: String = "test-pack") throws -> String {
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("\(name).yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func scratchFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lifecircle-norms-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Loads `yaml` from a file, expecting a refusal; nil (and a test failure upstream) if it loads.
    static func refusal(_ yaml: String, name: String = "test-pack") throws -> (RulePackError, path: String)? {
        let path = try write(yaml, name: name)
        do {
            _ = try RulePack(contentsOfFile: path)
            return nil
        } catch let error as RulePackError {
            return (error, path)
        }
    }
}
