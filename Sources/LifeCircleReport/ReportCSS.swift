/// The report's stylesheet. System fonts only (a CJK stack first), so nothing is fetched.
///
/// Kept free of `<` and `&` so the whole page stays well-formed XML as well as HTML.
let reportCSS: String = {
    let statusRules = Status.allCases.map { status in
        "tr.\(status.cssClass) td { background: \(status.tint); }\n"
            + "tr.\(status.cssClass) td:first-child { box-shadow: inset 4px 0 0 \(status.color); }\n"
    }.joined()
    return """

    :root { color: #1a1a1a; background: #ffffff; }
    body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", \
    "Hiragino Sans GB", "Helvetica Neue", Arial, sans-serif; font-size: 15px; line-height: 1.6; \
    max-width: 1000px; margin: 0 auto; padding: 24px; }
    h1 { font-size: 24px; margin: 0 0 4px; }
    h2 { font-size: 19px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #0072B2; }
    h3 { font-size: 16px; margin: 18px 0 6px; }
    .subtitle { color: #555555; margin: 0; }
    dl.kv { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 8px 0; }
    dl.kv dt { color: #555555; }
    dl.kv dd { margin: 0; }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; margin: 8px 0; font-size: 14px; }
    caption { text-align: left; color: #555555; padding-bottom: 4px; }
    th, td { border-bottom: 1px solid #d0d0d0; padding: 4px 10px; text-align: left; vertical-align: top; }
    th { background: #f2f2f2; border-bottom: 2px solid #999999; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tr.summary td { font-weight: bold; border-top: 2px solid #999999; }
    \(statusRules)figure { margin: 12px 0; }
    figure svg { max-width: 100%; height: auto; }
    figcaption { color: #555555; font-size: 13px; }
    ol.notes { font-size: 13px; color: #444444; }
    @page { size: A4; margin: 15mm; }
    @media print {
      body { max-width: none; padding: 0; font-size: 11pt; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      h2, h3 { break-after: avoid; }
      figure, tr, dl.kv { break-inside: avoid; }
      thead { display: table-header-group; }
      .table-wrap { overflow: visible; }
    }

    """
}()
