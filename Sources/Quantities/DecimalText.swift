/// The one place numbers become decimal text: rounded half away from zero, no exponent, no
/// locale, no "-0". Table cells (`Quantity.text`), people's text (`Quantity.display`), map
/// coordinates and dataset files all write their digits here. Foundation's formatters are not
/// used because they depend on the locale and are slow over 35,000 areas.
public enum DecimalText {
    /// `value` with exactly `decimals` digits after the point (12.30 at 2 -> "12.30"), thousands
    /// separated by commas when `grouped`; nil when the value is not finite or too large to
    /// round exactly in the integers a Double holds.
    public static func fixed(_ value: Double, decimals: Int, grouped: Bool = false) -> String? {
        guard let (units, negative) = scaled(value, decimals) else { return nil }
        return text(units, decimals, negative, grouped: grouped)
    }

    /// `value` rounded to `decimals` places with trailing zeros (and a bare point) dropped:
    /// 12.30 -> "12.3", 4.0 -> "4", -0.04 at 1 place -> "0"; nil as for `fixed`.
    public static func trimmed(_ value: Double, decimals: Int) -> String? {
        guard var (units, negative) = scaled(value, decimals) else { return nil }
        var digits = decimals
        while digits > 0 && units % 10 == 0 { units /= 10; digits -= 1 }
        negative = negative && units != 0
        return text(units, digits, negative, grouped: false)
    }

    /// |value| x 10^decimals rounded to an integer, and whether the result is negative and non-zero.
    private static func scaled(_ value: Double, _ decimals: Int) -> (Int64, Bool)? {
        guard value.isFinite else { return nil }
        var factor = 1.0
        for _ in 0 ..< decimals { factor *= 10 }
        let scaled = (abs(value) * factor).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return nil }
        let units = Int64(scaled)
        return (units, value < 0 && units != 0)
    }

    private static func text(_ units: Int64, _ decimals: Int, _ negative: Bool, grouped: Bool) -> String {
        var divisor: Int64 = 1
        for _ in 0 ..< decimals { divisor *= 10 }
        var whole = String(units / divisor)
        if grouped {
            var separated = ""
            for (k, digit) in whole.enumerated() {
                if k > 0 && (whole.count - k) % 3 == 0 { separated.append(",") }
                separated.append(digit)
            }
            whole = separated
        }
        var out = (negative ? "-" : "") + whole
        if decimals > 0 {
            let fraction = String(units % divisor)
            out += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return out
    }
}
