/// Area need scores and optimiser weights, computed from a dataset and a needs framework.
///
/// Steps (all per area `i`, arrays in `Dataset.areas` order):
/// 1. each indicator column is imputed if asked (`MissingValueRule`) and transformed (`IndicatorTransform`);
/// 2. `score_i = Σ_k w_k T_k(i) / Σ_k w_k` — the composite need score;
/// 3. `q_i = (rank_i - 1)/(n - 1)` the composite's rank scaled to 0...1 (ties share their mean
///    rank; 1/2 when n = 1), `raw_i = lo + (hi - lo) q_i` with `lo...hi` the framework's multiplier
///    range, and `multiplier_i = raw_i · Σ_j c_j / Σ_j c_j raw_j`, so that the children-weighted mean
///    multiplier is exactly 1 and the total weight equals the total children;
/// 4. `weight_i = (1 - u) c_i multiplier_i + u v_i Σ_j c_j / Σ_j v_j`, with `u` the usage weight and
///    `v_i` the area's observed visits (usage is rescaled to the same total, so `u` is a share).
/// Without a needs framework: score 0, multiplier 1, weight = children.
public struct NeedScores: Sendable, Hashable {
    /// Indicator columns used, in framework order.
    public let indicatorNames: [String]
    /// Transformed values per indicator (outer: indicator, inner: area).
    public let transformed: [[Double]]
    /// Composite need score per area (unitless; its scale depends on the transforms).
    public let score: [Double]
    /// Need multiplier per area (children-weighted mean 1).
    public let multiplier: [Double]
    /// The weight the optimiser gives each area: need-weighted children (persons).
    public let weight: [Double]
    /// Observed visits per year by residents of each area (from usage.csv; 0 without it).
    public let visits: [Double]
    /// The framework's usage weight `u` (0 without a framework): services apply it to their own
    /// populations and visits (`ServiceNeed`).
    public let usageWeight: Double
    /// How many blank indicator cells were imputed by district median.
    public let imputedCells: Int

    /// Computes scores; throws `InputErrors` when a named column is absent, or a value is blank
    /// under `missing: error` (readers normally catch both with line numbers first).
    public init(dataset: Dataset, needs: NeedsFramework?) throws(InputErrors) {
        let n = dataset.areas.count
        let children = dataset.children
        let visits = dataset.visitsByArea
        self.visits = visits
        usageWeight = needs?.usageWeight ?? 0
        guard let needs else {
            indicatorNames = []
            transformed = []
            score = [Double](repeating: 0, count: n)
            multiplier = [Double](repeating: 1, count: n)
            weight = children
            imputedCells = 0
            return
        }
        var errors = InputErrorCollector(file: "areas.csv")
        var columns: [[Double]] = []
        var imputed = 0
        for indicator in needs.indicators {
            guard var values = dataset.indicators[indicator.column] else {
                errors.add(line: nil, column: indicator.column, value: nil,
                           expected: "a numeric column named by the needs framework (areas.csv has: \(dataset.indicators.names.joined(separator: ", ")))")
                continue
            }
            let blanks = values.indices.filter { values[$0].isNaN }
            if !blanks.isEmpty {
                switch needs.missing {
                case .error:
                    for area in blanks.prefix(InputErrors.limitPerFile) {
                        errors.add(line: nil, column: indicator.column, value: "",
                                   expected: "a number for area \(dataset.areas[area].id) (or `missing: district_median`)")
                    }
                case .districtMedian:
                    values = NeedScores.imputeDistrictMedian(values, dataset: dataset)
                    imputed += blanks.count
                }
            }
            columns.append(indicator.transform.apply(to: values, direction: indicator.direction))
        }
        try errors.throwIfAny()
        indicatorNames = needs.indicators.map(\.column)
        transformed = columns
        imputedCells = imputed

        var totalWeight = 0.0
        for indicator in needs.indicators { totalWeight += indicator.weight }
        var composite = [Double](repeating: 0, count: n)
        for (k, indicator) in needs.indicators.enumerated() where indicator.weight > 0 {
            let share = indicator.weight / totalWeight
            let column = columns[k]
            for area in 0..<n { composite[area] += share * column[area] }
        }
        score = composite

        let ranks = IndicatorTransform.averageRanks(composite)
        let low = needs.multiplierRange.lowerBound, high = needs.multiplierRange.upperBound
        var raw = [Double](repeating: 0, count: n)
        var childTotal = 0.0, weightedRaw = 0.0
        for area in 0..<n {
            let q = n > 1 ? (ranks[area] - 1) / Double(n - 1) : 0.5
            raw[area] = low + (high - low) * q
            childTotal += children[area]
            weightedRaw += children[area] * raw[area]
        }
        let normaliser = weightedRaw > 0 ? childTotal / weightedRaw : 1
        let multipliers = raw.map { $0 * normaliser }
        multiplier = multipliers

        weight = NeedScores.weights(population: children, visits: visits, multiplier: multipliers, usageWeight: needs.usageWeight)
    }

    /// Step 4 for any population: `(1 - u) p_i m_i + u v_i Σ_j p_j / Σ_j v_j`, the visits rescaled
    /// to the population's total so that `u` is a share; without visits (`Σ v = 0`) the weight is
    /// need alone. The v1 weight is this with `children` and all visits; a service's (FORMAT.md
    /// v2, `w_ik`) with its own population column and its own usage rows.
    public static func weights(population: [Double], visits: [Double], multiplier: [Double], usageWeight: Double) -> [Double] {
        var populationTotal = 0.0, visitTotal = 0.0
        for value in population { populationTotal += value }
        for value in visits { visitTotal += value }
        let usageShare = visitTotal > 0 ? usageWeight : 0
        let visitScale = visitTotal > 0 ? populationTotal / visitTotal : 0
        var weights = [Double](repeating: 0, count: population.count)
        for area in population.indices {
            weights[area] = (1 - usageShare) * population[area] * multiplier[area] + usageShare * visits[area] * visitScale
        }
        return weights
    }

    /// Replaces `nan` cells by the median of the known values of the same district (the
    /// county's median when the district has none).
    public static func imputeDistrictMedian(_ values: [Double], dataset: Dataset) -> [Double] {
        let county = values.filter { !$0.isNaN }.median ?? 0
        var result = values
        for areas in dataset.areasByDistrict {
            let known = areas.map { values[$0] }.filter { !$0.isNaN }
            let fill = known.median ?? county
            for area in areas where values[area].isNaN { result[area] = fill }
        }
        return result
    }
}
