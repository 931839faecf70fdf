import Quantities

/// The map's number text (SVG coordinates, hover tables, legends), so the same data always gives
/// byte-identical files; the digits come from `DecimalText`, the one place numbers become text.
enum Fixed {
    /// `value` rounded to `decimals` places, trailing zeros (and a bare point) dropped:
    /// 12.30 -> "12.3", 4.0 -> "4", -0.04 at 1 place -> "0".
    static func trimmed(_ value: Double, _ decimals: Int = 1) -> String {
        DecimalText.trimmed(value, decimals: decimals) ?? places(value, decimals)
    }

    /// `value` rounded half away from zero to exactly `decimals` places: 2.5 at 0 -> "3";
    /// no exponent, no locale, "-" only for non-zero results.
    static func places(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
        return DecimalText.fixed(value, decimals: decimals) ?? String(value)
    }

    /// Whole number with thousands separators: 8912000 -> "8,912,000".
    static func grouped(_ value: Double) -> String {
        DecimalText.fixed(value, decimals: 0, grouped: true) ?? places(value, 0)
    }
}
