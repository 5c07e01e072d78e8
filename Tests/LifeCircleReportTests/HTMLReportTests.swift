import LifeCircleGeometry
import LifeCircleReport
import Testing

private func sampleReport(_ language: Language) -> HTMLReport {
    let name = "<script>alert(1)</script> & Co"
    let table = ReportTable(columns: [.text("District"), .number("Area (m²)"), .text("Status")], rows: [
        ReportTable.Row([name, "1,234.5", Status.fail.label(language)], status: .fail),
        ReportTable.Row(["Total", "1,234.5", ""], isSummary: true),
    ])
    let map = SVGMap(crsName: "EPSG:4544", language: language, layers: [
        MapLayer(name: "d", features: [MapFeature(.point(Point(x: 0, y: 0)), style: MapStyle(fill: "#000000"), title: name)]),
    ])
    return HTMLReport(title: name, subtitle: "sub", language: language, sections: [
        ReportSection("Project", [.paragraph(name), .keyValues([KeyValue("Persons per household", "3.0")]),
                                  .bulletList([name]), .subheading("Map"), .svg(map.render(), caption: name)]),
        ReportSection("Districts", [.table(table)]),
    ], footnotes: [name])
}

@Suite struct HTMLReportTests {
    @Test(arguments: Language.allCases)
    func reportIsSelfContainedAndDeclaresCharsetAndLanguage(language: Language) throws {
        let html = sampleReport(language).render()
        for external in ["http://", "https://", "src=", "href=", "url(", "@import", "<link", "<script", "<img"] {
            #expect(!html.contains(external), "found \(external)")
        }
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta charset=\"utf-8\"/>"))
        #expect(html.contains("<html lang=\"\(language == .zh ? "zh-CN" : "en")\">"))
        #expect(html.contains("@media print"))
        #expect(ParsedXML(html) != nil, "the page is well-formed XML too")
    }

    @Test func userTextIsEscapedEverywhere() throws {
        let html = sampleReport(.zh).render()
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"))
        let page = try #require(ParsedXML(html))
        for element in ["h1", "p", "li", "td", "figcaption", "title"] {
            #expect(page.all(element).contains { $0.text == "<script>alert(1)</script> & Co" }, "in <\(element)>")
        }
    }

    @Test func tableMarksNumbersStatusesAndTotals() throws {
        let page = try #require(ParsedXML(sampleReport(.en).render()))
        #expect(page.all("th").map { $0.attributes["class"] } == [nil, "num", nil])
        #expect(page.all("tr").compactMap { $0.attributes["class"] } == ["fail", "summary"])
        #expect(page.all("td").contains { $0.text == "Below the norm" }, "the status is written out, not only coloured")
        #expect(page.all("h2").last?.text == "Notes")
    }

    @Test func chineseIsTheDefault() {
        let report = HTMLReport(title: "报告", footnotes: ["注释"])
        #expect(report.language == .zh)
        #expect(report.render().contains("<h2>注</h2>"))
        #expect(Localized(zh: "缺口", en: "Shortfall")(.en) == "Shortfall")
    }
}
