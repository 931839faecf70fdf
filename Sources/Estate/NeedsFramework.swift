/// The needs framework of a scenario: how area need is measured and turned into the weight the
/// optimiser gives each area.
public struct NeedsFramework: Sendable, Hashable {
    /// The indicators combined into the composite need score.
    public var indicators: [Indicator]
    /// Share (0...1) of the area weight that comes from observed usage rather than need.
    public var usageWeight: Double
    /// What to do with blank indicator cells.
    public var missing: MissingValueRule
    /// Need multipliers before normalisation run linearly in the composite's rank from the lower
    /// bound (least need) to the upper bound (most need); see `NeedScores`.
    public var multiplierRange: ClosedRange<Double>

    /// The default multiplier range: the neediest area counts four times the least needy.
    public static let defaultMultiplierRange: ClosedRange<Double> = 0.5...2.0

    /// A framework; defaults: no usage weight, blank cells are errors, multipliers 0.5...2.0.
    public init(indicators: [Indicator], usageWeight: Double = 0, missing: MissingValueRule = .error,
                multiplierRange: ClosedRange<Double> = NeedsFramework.defaultMultiplierRange) {
        self.indicators = indicators
        self.usageWeight = usageWeight
        self.missing = missing
        self.multiplierRange = multiplierRange
    }
}
