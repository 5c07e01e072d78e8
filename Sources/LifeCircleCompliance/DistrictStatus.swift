import Foundation
import LifeCircleNorms

/// Whether a residential district is new (planned, under construction) or existing.
public enum DistrictStatus: String, Hashable, Sendable, Codable {
    case new, existing

    /// Reads a `status` attribute: English or Chinese as planning offices write it.
    /// 旧城区 (old town) and 老旧小区 (old estates) count as existing, as the norms treat them.
    public init?(label: String) {
        // Most labels arrive clean: look them up as they are before trimming and folding.
        if Self.newLabels.contains(label) { self = .new; return }
        if Self.existingLabels.contains(label) { self = .existing; return }
        let folded = label.trimmingCharacters(in: .whitespaces).lowercased()
        if Self.newLabels.contains(folded) {
            self = .new
        } else if Self.existingLabels.contains(folded) {
            self = .existing
        } else {
            return nil
        }
    }

    static let newLabels: Set<String> = ["new", "planned", "新建", "规划", "拟建", "在建", "新建居住区"]
    static let existingLabels: Set<String> = ["existing", "built", "old", "已建", "现状", "建成", "旧城区", "老旧小区", "已建住宅小区"]

    public func matches(_ filter: DistrictStatusFilter) -> Bool {
        switch filter {
        case .any: true
        case .new: self == .new
        case .existing: self == .existing
        }
    }
}
