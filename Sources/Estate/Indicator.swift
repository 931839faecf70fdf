/// Whether a larger indicator value means more need or less.
public enum IndicatorDirection: String, Sendable, Hashable, CaseIterable {
    /// e.g. `imd_score`, `cin_rate`: larger values mean more need.
    case higherIsWorse = "higher_is_worse"
    /// e.g. a school-readiness rate: larger values mean less need.
    case higherIsBetter = "higher_is_better"
}

/// How an indicator's raw values are made comparable before weighting. Every transform is
/// oriented so that a larger result means more need. Formulas (n areas with a value, x the
/// value with its sign flipped for `higher_is_better`):
/// - `rank`: `r / n`, with r the rank from 1 (least need) to n (most), ties sharing their mean rank;
/// - `zscore`: `(x - mean) / sd`, population standard deviation (0 when sd = 0);
/// - `minmax`: `(x - min) / (max - min)` (0 when max = min);
/// - `expRank`: `-23 ln(1 - (r/n)(1 - e^(-100/23)))`, the English Indices of Deprivation's
///   exponential transformation of the rank, from near 0 (least need) to 100 (most).
public enum IndicatorTransform: String, Sendable, Hashable, CaseIterable {
    case rank
    case zscore
    case minmax
    case expRank = "exp_rank"
}

/// One indicator of the needs framework (`needs.indicators` in a scenario).
public struct Indicator: Sendable, Hashable {
    /// Column of `areas.csv` holding the raw values.
    public var column: String
    /// Relative weight (>= 0); weights are normalised to sum to 1 over the indicators.
    public var weight: Double
    /// Whether larger raw values mean more need.
    public var direction: IndicatorDirection
    /// How raw values are made comparable.
    public var transform: IndicatorTransform

    /// An indicator; by default higher values mean more need and the transform is `rank`.
    public init(column: String, weight: Double, direction: IndicatorDirection = .higherIsWorse,
                transform: IndicatorTransform = .rank) {
        self.column = column
        self.weight = weight
        self.direction = direction
        self.transform = transform
    }
}
