import LifeCircleReport
import Testing

@Suite struct NumberFormattingTests {
    @Test func numbersHaveThousandsSeparatorsAndFixedDecimals() {
        #expect(ReportFormat.number(1234.5, decimals: 1) == "1,234.5")
        #expect(ReportFormat.number(1_234_567) == "1,234,567")
        #expect(ReportFormat.number(999.96, decimals: 1) == "1,000.0")
        #expect(ReportFormat.number(-2500.25, decimals: 2) == "-2,500.25")
        #expect(ReportFormat.number(-0.04, decimals: 1) == "0.0")
        #expect(ReportFormat.number(0.05, decimals: 2) == "0.05")
        #expect(ReportFormat.number(123) == "123")
        #expect(ReportFormat.number(.nan) == "—")
    }

    @Test func percentagesAndQuantities() {
        #expect(ReportFormat.percent(0.8734) == "87.3%")
        #expect(ReportFormat.percent(1, decimals: 0) == "100%")
        #expect(ReportFormat.quantity(1234.5, .squareMetres, decimals: 1, in: .zh) == "1,234.5平方米")
        #expect(ReportFormat.quantity(1234.5, .squareMetres, decimals: 1, in: .en) == "1,234.5 m²")
        #expect(ReportFormat.quantity(1200, .households, in: .zh) == "1,200户")
        #expect(ReportFormat.quantity(1, .households, in: .en) == "1 household")
        #expect(ReportFormat.quantity(15, .minutes, in: .en) == "15 min")
    }
}
