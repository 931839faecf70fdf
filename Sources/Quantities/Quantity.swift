/// The kinds of figure Estate writes into CSV files and workbooks, each with the one precision
/// at which it means something to a council officer: money to the pound, shares to a tenth of a
/// percent, minutes to a tenth. Every table writer (plan, equality, comparison, batch, frontier)
/// formats through this one rule, so a figure reads the same in every file and `0.93988923731`
/// or `275.40000000000003` never reaches a spreadsheet.
public enum Quantity: Sendable, CaseIterable {
    /// GBP (per year): whole pounds.
    case money
    /// A share between 0 and 1 (coverage, displaced share): 3 decimals, a tenth of a percent.
    case share
    /// Travel minutes: one decimal.
    case minutes
    /// tCO2e (per year): one decimal.
    case carbon
    /// Visits per year, capacities in visits: whole visits.
    case visits
    /// Sites and other counts: whole numbers.
    case count
    /// Children and other head counts (population estimates may be fractional): one decimal.
    case people
    /// Need weight, the optimiser's unit (children x need multiplier): 3 decimals.
    case weight
    /// Composite need score (a rank, z-score or 0-1 scale): 4 decimals.
    case score
    /// An objective value or bound in the objective's own units (weight, GBP, minutes, sites): 3 decimals.
    case objective
    /// A solver's relative gap: 6 decimals, since a proven gap of 0.0004 must not print as 0.
    case gap
    /// Wall-clock seconds: 3 decimals.
    case seconds

    /// Digits after the decimal point.
    public var decimals: Int {
        switch self {
        case .money, .visits, .count: return 0
        case .minutes, .carbon, .people: return 1
        case .share, .weight, .objective, .seconds: return 3
        case .score: return 4
        case .gap: return 6
        }
    }

    /// The spreadsheet number format (Excel's format codes) that shows this quantity at its
    /// precision: pounds with separators, shares as percentages to a tenth, and so on.
    public var spreadsheetFormat: String {
        switch self {
        case .money: return "\"£\"#,##0"
        case .share: return "0.0%"
        case .minutes, .carbon, .people: return "#,##0.0"
        case .visits, .count: return "#,##0"
        case .weight, .objective: return "#,##0.000"
        case .score: return "0.0000"
        case .gap: return "0.000000"
        case .seconds: return "0.000"
        }
    }

    /// `value` rounded half away from zero to this quantity's precision.
    public func rounded(_ value: Double) -> Double {
        var scale = 1.0
        for _ in 0 ..< decimals(for: value) { scale *= 10 }
        let result = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
        return result == 0 ? 0 : result
    }

    /// The decimals `value` is written with: this quantity's, except that a share strictly
    /// between 0 and 1 keeps up to 6 decimals when fewer would write it as 0 or 1, so outreach
    /// reaching a few areas (0.0004) is not written as none, nor 0.9997 coverage as everyone.
    func decimals(for value: Double) -> Int {
        guard self == .share, value > 0, value < 1 else { return decimals }
        var places = decimals, scale = 1000.0
        while places < 6 {
            let units = (value * scale).rounded(.toNearestOrAwayFromZero)
            if units > 0 && units < scale { break }
            places += 1; scale *= 10
        }
        return places
    }

    /// The value as table text: rounded to this quantity's precision, trailing zeros dropped
    /// ("0.94", "4468500", "12.5"), no exponent, no locale, no "-0"; empty when not finite.
    public func text(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        return DecimalText.trimmed(value, decimals: decimals(for: value)) ?? String(rounded(value))
    }

    /// The value as people read it on the terminal, the map, the report and in comparisons: the
    /// same precision as `text` with every decimal shown, so a column of minutes reads "8.0"
    /// beside "8.4", and thousands separated; money in pounds ("£5,700,000"), shares as
    /// percentages to a tenth ("97.3%"), a relative gap to a hundredth of a percent. A share
    /// strictly between 0 and 1 never reads as either end: outreach reaching a few areas is
    /// "<0.1%", not "0.0%", and coverage short of everyone is ">99.9%", not "100.0%".
    /// "-" when not finite.
    public func display(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        switch self {
        case .money:
            let pounds = DecimalText.fixed(abs(value), decimals: 0, grouped: true) ?? String(abs(value))
            return (value <= -0.5 ? "-£" : "£") + pounds
        case .share:
            return Self.percent(value, decimals: 1)
        case .gap:
            return Self.percent(value, decimals: 2)
        default:
            return DecimalText.fixed(value, decimals: decimals, grouped: true) ?? String(rounded(value))
        }
    }

    /// An optional value as people read it; "-" when absent.
    public func display(_ value: Double?) -> String {
        value.map { display($0) } ?? "-"
    }

    /// `share` as a percentage with `decimals` decimals, never rounding a share strictly between
    /// 0 and 1 to either end ("<0.1%", ">99.9%").
    private static func percent(_ share: Double, decimals: Int) -> String {
        var step = 1.0
        for _ in 0 ..< decimals { step /= 10 }
        let percent = share * 100
        let text = { (value: Double) in DecimalText.fixed(value, decimals: decimals, grouped: true) ?? String(value) }
        if percent > 0 && percent < step / 2 { return "<" + text(step) + "%" }
        if share < 1 && percent >= 100 - step / 2 { return ">" + text(100 - step) + "%" }
        return text(percent) + "%"
    }

    /// An optional value as table text; empty when absent.
    public func text(_ value: Double?) -> String {
        value.map { text($0) } ?? ""
    }
}
