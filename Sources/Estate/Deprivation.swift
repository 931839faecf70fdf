/// How deprived each area is, and which areas are "the most deprived": the one ranking that the
/// planner's `min_deprived_coverage` constraint and the equality-impact tables both use, so that
/// `deprived_share: 0.2` constrains exactly the areas the tables report as deciles 1 and 2.
public struct Deprivation: Sendable, Hashable {
    /// The indicator column used as the deprivation score when the dataset has it.
    public static let column = "imd_score"

    /// Each area's deprivation score (higher = more deprived), in `Dataset.areas` order.
    public var scores: [Double]
    /// Where the scores come from: `imd_score`, or `need_score` (the composite need score).
    public var source: String

    /// `imd_score` when the dataset has it for every area; otherwise the composite need score
    /// ranks areas (it is built from deprivation indicators). A column with blank cells cannot
    /// rank every area, so it falls back to the need score too.
    public init(dataset: Dataset, needScore: [Double]) {
        let indicators = dataset.indicators
        if let index = indicators.index(of: Self.column), !indicators.columns[index].contains(where: \.isNaN) {
            (scores, source) = (indicators.columns[index], Self.column)
        } else {
            (scores, source) = (needScore, "need_score")
        }
    }

    /// Area positions, most deprived first: score descending, ties by area id ascending.
    public static func ranking(scores: [Double], ids: [String]) -> [Int] {
        scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : ids[$0] < ids[$1] }
    }

    /// The most deprived `share` of the areas (rounded up, so at least one when share > 0),
    /// as sorted area positions. `ids` break ties in the ranking.
    public func mostDeprived(share: Double, ids: [String]) -> [Int] {
        let ranked = Self.ranking(scores: scores, ids: ids)
        let count = Int((share * Double(ranked.count)).rounded(.up))
        return Array(ranked.prefix(count)).sorted()
    }
}
