import Quantities

/// Short names for the figures the reports' sentences and tables print. The rules themselves
/// (precision, separators, percentages) live once in `Quantity.display` and `DecimalText`.
enum NumberFormat {
    /// A setting or model figure with at most `decimals` decimals, trailing zeros removed
    /// ("20" minutes, "0.25"); "" when not finite. Measured figures go through `Quantity.display`.
    static func decimal(_ value: Double, _ decimals: Int = 6) -> String {
        DecimalText.trimmed(value, decimals: decimals) ?? ""
    }

    /// An optional value, blank when absent.
    static func decimal(_ value: Double?, _ decimals: Int = 6) -> String {
        value.map { decimal($0, decimals) } ?? ""
    }

    /// Pounds to the pound with thousands separators ("£8,123,400").
    static func pounds(_ value: Double) -> String { Quantity.money.display(value) }

    /// A whole number with thousands separators ("12,345").
    static func grouped(_ value: Double) -> String { Quantity.count.display(value) }

    /// A share as a percentage to a tenth ("95.3%", "<0.1%").
    static func percent(_ share: Double) -> String { Quantity.share.display(share) }

    /// A solver's relative gap as a percentage to a hundredth ("1.25%", "<0.01%").
    static func gap(_ gap: Double) -> String { Quantity.gap.display(gap) }

    /// Minutes to a tenth, the decimal always shown ("8.0"), "-" when absent.
    static func minutes(_ value: Double?) -> String { Quantity.minutes.display(value) }

    /// An objective value or bound in the objective's own units, thousands separated ("2,868,140.677").
    static func objective(_ value: Double) -> String { Quantity.objective.display(value) }

    /// Tonnes of CO2e a year to a tenth ("1,228.6").
    static func carbon(_ value: Double) -> String { Quantity.carbon.display(value) }
}
