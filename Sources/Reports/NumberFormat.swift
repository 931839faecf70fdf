import EstateIO
import Foundation

/// Fixed, locale-free number formatting, so the same plan always writes byte-identical files.
enum NumberFormat {
    /// `value` with at most `decimals` decimals, trailing zeros removed ("12", "0.25", "-3.5").
    static func decimal(_ value: Double, _ decimals: Int = 6) -> String {
        guard value.isFinite else { return "" }
        var text = CSVWriter.format(value, decimals: decimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// An optional value, blank when absent.
    static func decimal(_ value: Double?, _ decimals: Int = 6) -> String {
        value.map { decimal($0, decimals) } ?? ""
    }

    /// Pounds with thousands separators for people ("£8,123,400").
    static func pounds(_ value: Double) -> String {
        "£" + grouped(value.rounded())
    }

    /// A whole number with thousands separators ("12,345").
    static func grouped(_ value: Double) -> String {
        let negative = value < 0
        var digits = String(Int(abs(value).rounded()))
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return (negative ? "-" : "") + groups.joined(separator: ",")
    }

    /// A share as a percentage with one decimal ("95.3%").
    static func percent(_ share: Double) -> String {
        String(format: "%.1f%%", share * 100)
    }
}
