import LifeCircleGeometry

extension InspectionReport {
    /// The report as a planner reads it in a terminal.
    public var text: String {
        var out = "\(file)\n"
        for layer in layers { out += layer.text }
        return out
    }
}

extension LayerInspection {
    var text: String {
        var lines: [String] = []
        lines.append("layer \(name): \(featureCount) features, \(geometryType)")
        let found = geometryTypes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        if !found.isEmpty { lines.append("  geometries: \(found)") }
        lines.append("  encoding: \(encoding)")
        lines.append("  declared CRS: \(declaredCRS ?? "none")")
        if let resolvedCRS { lines.append("  read as: \(resolvedCRS) (\(resolvedBasis ?? ""))") }
        if let metricCRS { lines.append("  metric CRS: \(metricCRS)") }
        for issue in crsIssues { lines.append("  CRS problem: \(issue)") }
        if let e = extent { lines.append("  extent: x \(e.minX) … \(e.maxX), y \(e.minY) … \(e.maxY)") }
        lines.append("  fields (\(fields.count)):")
        for f in fields { lines.append("    \(f.name) [\(f.type)]\(f.canonical.map { " → \($0)" } ?? "")") }
        lines.append("  invalid geometries: \(invalid.count)")
        for i in invalid {
            lines.append("    feature \(i.index)\(i.id.map { " (id \($0))" } ?? ""): \(i.reason); make-valid: \(i.makeValid)")
        }
        lines.append("  rejected: \(rejected.count)")
        for r in rejected { lines.append("    \(r)") }
        for w in warnings { lines.append("  GDAL warning: \(w)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
