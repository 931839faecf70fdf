import Foundation

extension IndicatorTransform {
    /// The Indices of Deprivation's exponential-transformation constant: the result runs 0 to 100.
    public static let exponentialScale = 23.0

    /// Transforms one indicator column (no `nan`: impute first) so that larger means more need.
    /// See `IndicatorTransform` for the formulas. Plain loops over the array; O(n log n) for the ranks.
    public func apply(to values: [Double], direction: IndicatorDirection) -> [Double] {
        let n = values.count
        if n == 0 { return [] }
        let oriented = direction == .higherIsWorse ? values : values.map { -$0 }
        switch self {
        case .rank:
            let ranks = IndicatorTransform.averageRanks(oriented)
            return ranks.map { $0 / Double(n) }
        case .expRank:
            let ranks = IndicatorTransform.averageRanks(oriented)
            let scale = IndicatorTransform.exponentialScale
            let tail = 1 - exp(-100 / scale)
            return ranks.map { -scale * log(1 - ($0 / Double(n)) * tail) }
        case .zscore:
            var sum = 0.0
            for value in oriented { sum += value }
            let mean = sum / Double(n)
            var squares = 0.0
            for value in oriented { squares += (value - mean) * (value - mean) }
            let deviation = (squares / Double(n)).squareRoot()
            if deviation == 0 { return [Double](repeating: 0, count: n) }
            return oriented.map { ($0 - mean) / deviation }
        case .minmax:
            var low = oriented[0], high = oriented[0]
            for value in oriented {
                low = min(low, value)
                high = max(high, value)
            }
            if high == low { return [Double](repeating: 0, count: n) }
            return oriented.map { ($0 - low) / (high - low) }
        }
    }

    /// Ranks from 1 (smallest) to n (largest); tied values share the mean of the ranks they span.
    public static func averageRanks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let shared = Double(start + end + 2) / 2
            for position in start...end { ranks[order[position]] = shared }
            start = end + 1
        }
        return ranks
    }
}
