/// Fixed, locale-free number formatting, so the same data always gives byte-identical files
/// (Foundation's formatters depend on the locale and are slow over 35,000 areas).
enum Fixed {
    /// `value` rounded to `decimals` places, trailing zeros (and a bare point) dropped:
    /// 12.30 -> "12.3", 4.0 -> "4", -0.01 at 1 place -> "0".
    static func trimmed(_ value: Double, _ decimals: Int = 1) -> String {
        let text = places(value, decimals)
        guard text.contains(".") else { return text }
        var end = text.endIndex
        while text[text.index(before: end)] == "0" { end = text.index(before: end) }
        if text[text.index(before: end)] == "." { end = text.index(before: end) }
        return String(text[..<end])
    }

    /// `value` rounded half away from zero to exactly `decimals` places: 2.5 at 0 -> "3", 1.005 -> "1.01"
    /// only when the binary value rounds so; no exponent, no locale, "-" only for non-zero results.
    static func places(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        let scaled = (abs(value) * factor).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return String(value) }
        let units = Int64(scaled)
        let negative = value < 0 && units != 0
        let divisor = Int64(factor)
        var text = String(units / divisor)
        if decimals > 0 {
            let fraction = String(units % divisor)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return negative ? "-" + text : text
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
