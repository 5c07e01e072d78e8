/// One input of a run, as the report lists it.
public struct InputRow: Hashable, Sendable {
    public var file: String
    public var layer: String
    public var encoding: String
    /// What the coordinates were read as, and why.
    public var crs: String
    public var basis: String
    public var features: Int
    public var rejected: Int

    public init(file: String, layer: String, encoding: String, crs: String, basis: String, features: Int, rejected: Int) {
        (self.file, self.layer, self.encoding, self.crs, self.basis) = (file, layer, encoding, crs, basis)
        (self.features, self.rejected) = (features, rejected)
    }
}

extension ReportTable {
    /// Every input of the run: file, layer, text encoding, CRS and why, features used and rejected.
    public static func inputs(_ rows: [InputRow], language: Language) -> ReportTable {
        let t = { (zh: String, en: String) in Localized(zh: zh, en: en)(language) }
        return ReportTable(
            columns: [.text(t("文件", "File")), .text(t("图层", "Layer")), .text(t("编码", "Encoding")),
                      .text(t("坐标系（依据）", "CRS (basis)")), .number(t("采用", "Used")), .number(t("未采用", "Rejected"))],
            rows: rows.map { r in
                Row([r.file, r.layer, r.encoding, "\(r.crs)（\(r.basis)）", "\(r.features)", "\(r.rejected)"],
                    status: r.rejected > 0 ? .insufficient : nil)
            })
    }
}
