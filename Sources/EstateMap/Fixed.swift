/// Fixed, locale-free number formatting, so the same data always gives byte-identical files
/// (Foundation's formatters depend on the locale and are slow over 35,000 areas).
enum Fixed {
    /// `value` rounded to `decimals` places, trailing zeros (and a bare point) dropped:
    /// 12.30 -> "12.3", 4.0 -> "4", -0.04 at 1 place -> "0".
    static func trimmed(_ value: Double, _ decimals: Int = 1) -> String {
        guard let (scaledUnits, negative) = scaled(value, decimals) else { return places(value, decimals) }
        var units = scaledUnits, digits = decimals
        while digits > 0 && units % 10 == 0 { units /= 10; digits -= 1 }
        return text(units, digits, negative)
    }

    /// `value` rounded half away from zero to exactly `decimals` places: 2.5 at 0 -> "3";
    /// no exponent, no locale, "-" only for non-zero results.
    static func places(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
        guard let (units, negative) = scaled(value, decimals) else { return String(value) }
        return text(units, decimals, negative)
    }

    /// |value| x 10^decimals rounded to an integer, and whether the result is negative and non-zero;
    /// nil when it does not fit exactly in the integers a Double holds.
    private static func scaled(_ value: Double, _ decimals: Int) -> (Int64, Bool)? {
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        let scaled = (abs(value) * factor).rounded(.toNearestOrAwayFromZero)
        guard scaled.isFinite, scaled < 9e15 else { return nil }
        let units = Int64(scaled)
        return (units, value < 0 && units != 0)
    }

    private static func text(_ units: Int64, _ decimals: Int, _ negative: Bool) -> String {
        var divisor: Int64 = 1
        for _ in 0..<decimals { divisor *= 10 }
        var out = negative ? "-" : ""
        out += String(units / divisor)
        if decimals > 0 {
            let fraction = String(units % divisor)
            out += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return out
    }

    /// Whole number with thousands separators: 8912000 -> "8,912,000".
    static func grouped(_ value: Double) -> String {
        let digits = places(value, 0)
        let negative = digits.hasPrefix("-")
        let body = Array(negative ? digits.dropFirst() : Substring(digits))
        var out = ""
        for (i, c) in body.enumerated() {
            if i > 0 && (body.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return negative ? "-" + out : out
    }
}
