/// The ranges a number may take where it enters Estate, one per quantity, so that every reader
/// (dataset CSVs, travel.csv, scenarios) refuses the same absurd values with the same words.
///
/// Why: a finite but absurd value (`children: 1e308`, travel minutes of `1e308`,
/// `coverage_minutes: 1e9`) passed validation and overflowed a sum to infinity later, ending in
/// an encoding error with no file, row or column. The bounds are far above anything real
/// (England has 33,755 areas of ~350 children; the dearest building costs millions a year), so
/// they only stop typos and hostile input, and they keep every sum Estate forms finite.
public enum Plausible {
    /// Children in one area.
    public static let children: ClosedRange<Double> = 0 ... 10_000_000
    /// A site's annual cost, GBP/year; also the budget.
    public static let annualCost: ClosedRange<Double> = 0 ... 1e10
    /// A site's carbon, tCO2e/year; also the carbon cap.
    public static let carbon: ClosedRange<Double> = 0 ... 1e8
    /// A site's capacity or an area's visits, visits/year.
    public static let visits: ClosedRange<Double> = 0 ... 1e10
    /// Travel minutes, coverage and maximum minutes, a travel horizon: at most a day (zero
    /// minutes is valid: only a site in the area itself counts).
    public static let minutes: ClosedRange<Double> = 0 ... 1_440
    /// A need indicator's value (a score, a rate, a percentage).
    public static let indicator: ClosedRange<Double> = -1e12 ... 1e12
    /// Visits per child per year.
    public static let visitsPerChild: ClosedRange<Double> = 0 ... 10_000
    /// A travel speed, km/h.
    public static let speedKmh: ClosedRange<Double> = 0 ... 1_000
    /// A solver time limit, seconds (a year).
    public static let seconds: ClosedRange<Double> = 0 ... 31_536_000

    /// `between 0 and 10,000,000`: the range for a message.
    public static func describe(_ range: ClosedRange<Double>) -> String {
        "between \(format(range.lowerBound)) and \(format(range.upperBound))"
    }

    private static func format(_ value: Double) -> String {
        if abs(value) > 1e9 {
            let exponent = Int(log10(abs(value)).rounded(.down))
            let mantissa = value / pow10(exponent)
            return (mantissa == mantissa.rounded() ? String(Int(mantissa)) : String(mantissa)) + "e\(exponent)"
        }
        let whole = Int(value)
        guard Double(whole) == value else { return String(value) }
        var digits = String(abs(whole)), grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return (whole < 0 ? "-" : "") + digits + grouped
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0 ..< abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }

    private static func log10(_ value: Double) -> Double {
        var exponent = 0.0, rest = value
        while rest >= 10 { rest /= 10; exponent += 1 }
        return exponent
    }
}
