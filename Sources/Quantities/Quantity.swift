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

    /// `value` rounded half away from zero to this quantity's precision.
    public func rounded(_ value: Double) -> Double {
        var scale = 1.0
        for _ in 0 ..< decimals { scale *= 10 }
        let result = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
        return result == 0 ? 0 : result
    }

    /// The value as table text: rounded to this quantity's precision, trailing zeros dropped
    /// ("0.94", "4468500", "12.5"), no exponent, no locale, no "-0"; empty when not finite.
    public func text(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        var scale = 1.0
        for _ in 0 ..< decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return String(rounded(value)) }
        var units = Int64(scaled), digits = decimals
        while digits > 0 && units % 10 == 0 { units /= 10; digits -= 1 }
        var divisor: Int64 = 1
        for _ in 0 ..< digits { divisor *= 10 }
        var out = value < 0 && units != 0 ? "-" : ""
        out += String(units / divisor)
        if digits > 0 {
            let fraction = String(units % divisor)
            out += "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        return out
    }

    /// An optional value as table text; empty when absent.
    public func text(_ value: Double?) -> String {
        value.map { text($0) } ?? ""
    }
}
