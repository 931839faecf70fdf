/// A knapsack row `sum_k w_k x_k <= Q y` over binary `x_k` with positive weights, and a binary
/// switch `y` (nil: `y` is 1, the row is `sum_k w_k x_k <= Q`). With `y = 0` every `x_k` is 0, so
/// any inequality `sum_k a_k x_k <= r` valid for the knapsack with `y = 1` holds as
/// `sum_k a_k x_k <= r y` for both values of `y`.
public struct KnapsackRow: Sendable, Equatable {
    public var columns: [Int]
    public var weights: [Double]
    public var capacity: Double
    public var switchColumn: Int?

    public init(columns: [Int], weights: [Double], capacity: Double, switchColumn: Int?) {
        self.columns = columns
        self.weights = weights
        self.capacity = capacity
        self.switchColumn = switchColumn
    }
}

/// A lifted cover inequality of one ``KnapsackRow``: `sum_k coefficients[k] x_{items[k]} <= rhs y`
/// (`items` index the row's columns; coefficients are whole numbers, at least 1).
public struct LiftedCover: Sendable, Equatable {
    public var items: [Int]
    public var coefficients: [Double]
    public var rhs: Double
}

/// Lifted cover inequalities of knapsack rows (Balas; Padberg; Gu, Nemhauser and Savelsbergh),
/// separated at an LP point.
///
/// Why: the LP of a capacitated assignment (`sum_i d_i x_ij <= Q_j y_j`) lets a site take
/// fractions of areas up to its capacity, and its bound sits well under the optimum where
/// capacities are tight; a cover (areas that together need more than `Q_j`) can have at most
/// `|C| - 1` of its members at `j`, which the LP point breaks. Each is valid for every integer
/// point, so the rows change the relaxation only, never the optimum or the set of optimal plans.
///
/// Separation, per row whose switch is above 0 at the point: the cover `C` picked greedily by
/// `(y - x_k) / w_k` among the items above 0, made minimal, then every other item lifted in
/// sequence (those above 0 first, then by weight) with the exact lifting coefficient
/// `|C| - 1 - max{sum a_i x_i : sum w_i x_i <= Q - w_k}` over the items lifted so far, by dynamic
/// programming over the (whole-number) coefficient sums. Comparisons of weights with the capacity
/// lean to the safe side: a set counts as a cover only when its weight exceeds `Q` by more than a
/// rounding tolerance, and in lifting a set counts as fitting when within it, which can only
/// lower a coefficient.
public struct LiftedCoverCuts: LazyRowGenerator {
    public var rows: [KnapsackRow]
    /// The least violation (in the row's own units, `sum a x - r y`) worth a row.
    public var minimumViolation: Double

    public init(rows: [KnapsackRow], minimumViolation: Double = 0.02) {
        self.rows = rows
        self.minimumViolation = minimumViolation
    }

    public func violatedRows(at values: [Double]) -> [LazyRow] {
        rows.indices.compactMap { r in violatedCover(of: r, at: values).map { lazyRow(of: r, $0) } }
    }

    /// `cover` of row `r` as a row `sum a x - r y <= 0` (or `sum a x <= r` without a switch).
    public func lazyRow(of r: Int, _ cover: LiftedCover) -> LazyRow {
        let row = rows[r]
        var columns = cover.items.map { row.columns[$0] }, coefficients = cover.coefficients
        if let y = row.switchColumn {
            columns.append(y)
            coefficients.append(-cover.rhs)
            return LazyRow(columns: columns, coefficients: coefficients, upper: 0)
        }
        return LazyRow(columns: columns, coefficients: coefficients, upper: cover.rhs)
    }

    /// A lifted cover of row `r` that `values` violates by at least ``minimumViolation``, if the
    /// separation finds one.
    public func violatedCover(of r: Int, at values: [Double]) -> LiftedCover? {
        let row = rows[r]
        let y = row.switchColumn.map { values[$0] } ?? 1
        guard y > 1e-6 else { return nil }
        let tolerance = 1e-9 * max(1, row.capacity)
        let x = row.columns.map { values[$0] }
        // Only items above 0 can be in a violated cover: each member adds y - x_k to the slack.
        var positive = row.columns.indices.filter { x[$0] > 1e-9 && row.weights[$0] > 0 }
        guard positive.reduce(0, { $0 + row.weights[$1] }) > row.capacity + tolerance else { return nil }
        positive.sort { a, b in
            let ka = max(0, y - x[a]) / row.weights[a], kb = max(0, y - x[b]) / row.weights[b]
            return ka != kb ? ka < kb : row.weights[a] > row.weights[b]
        }
        var cover: [Int] = [], weight = 0.0
        for k in positive where weight <= row.capacity + tolerance {
            cover.append(k)
            weight += row.weights[k]
        }
        // Minimal: drop the members least worth keeping while the rest still overflows.
        for k in cover.sorted(by: { x[$0] < x[$1] }) where weight - row.weights[k] > row.capacity + tolerance {
            cover.removeAll { $0 == k }
            weight -= row.weights[k]
        }
        let rhs = cover.count - 1
        guard rhs >= 1 else { return nil }
        // least[v]: the least weight of items lifted so far whose coefficients sum to at least v.
        var least = [Double](repeating: .infinity, count: rhs + 1)
        least[0] = 0
        for (n, w) in cover.map({ row.weights[$0] }).sorted().enumerated() where n + 1 <= rhs {
            least[n + 1] = least[n] + w
        }
        var items = cover, coefficients = [Double](repeating: 1, count: cover.count)
        let inCover = Set(cover)
        let rest = row.columns.indices.filter { !inCover.contains($0) && row.weights[$0] > 0 }
            .sorted { x[$0] != x[$1] ? x[$0] > x[$1] : row.weights[$0] > row.weights[$1] }
        for k in rest {
            let room = row.capacity - row.weights[k] + tolerance
            guard room >= -tolerance else { continue }
            let fits = (0 ... rhs).last { least[$0] <= room } ?? 0
            let a = rhs - fits
            guard a > 0 else { continue }
            for v in stride(from: rhs, through: 1, by: -1) {
                least[v] = min(least[v], least[max(0, v - a)] + row.weights[k])
            }
            items.append(k)
            coefficients.append(Double(a))
        }
        var activity = 0.0
        for (k, a) in zip(items, coefficients) { activity += a * x[k] }
        guard activity - Double(rhs) * y >= minimumViolation else { return nil }
        return LiftedCover(items: items, coefficients: coefficients, rhs: Double(rhs))
    }
}
