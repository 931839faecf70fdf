import Optimisation

/// Lifted cover cuts (``LiftedCoverCuts``) on the capacity rows `sum_i d_i x_ij <= Q_j y_j` of a
/// single-sourcing model, separated in the LP's cutting-plane loop and kept in the instance's
/// terms (site, areas), so that every model reduced from it by fixing starts branch and cut with
/// them: there GLPK's node LPs are bounded by the stronger relaxation.
///
/// Why not separated at every node of branch and cut too: it was measured (pmedcap, 30 s limit,
/// same run) slower to the proof than the root's cuts alone with branching on sites first
/// (pmedcap10 4.4 CPU s against 1.7, pmedcap17 not proven against 5.4): rows added at a node
/// make the LP larger at every node of its subtree.
///
/// (GLPK calls the generator on the solving thread only, one call at a time.)
final class SingleSourceCovers: LazyRowGenerator, @unchecked Sendable {
    /// One cut: `sum coefficient x_{area, site} <= rhs y_site`.
    struct Cut {
        var site: Int
        var areas: [(area: Int, coefficient: Double)]
        var rhs: Double
    }

    private let separation: LiftedCoverCuts
    /// The site of each knapsack row, and the area of each of its items.
    private let sites: [Int]
    private let areas: [[Int]]
    private let deadline: ContinuousClock.Instant
    /// Separation rounds at most: the bound's last rounds gain little (cuts barely violated).
    private static let maximumRounds = 50
    private var rounds = 0
    /// Every cut handed to GLPK so far.
    private(set) var recorded: [Cut] = []

    /// Cuts on `model`'s capacity rows; none after `maximumRounds` separations or after
    /// `deadline` (the LP then ends at the relaxation reached, which is still a bound).
    init(model: PlanningModel, deadline: ContinuousClock.Instant) {
        let instance = model.instance
        var items: [[(area: Int, column: Int)]] = Array(repeating: [], count: instance.siteCount)
        for (i, pairs) in model.assignment.enumerated() {
            for pair in pairs where instance.areaDemand[i] > 0 { items[pair.site].append((i, pair.column)) }
        }
        var rows: [KnapsackRow] = [], sites: [Int] = [], areas: [[Int]] = []
        for j in 0 ..< instance.siteCount {
            guard let capacity = instance.siteCapacity[j], !items[j].isEmpty else { continue }
            rows.append(KnapsackRow(columns: items[j].map(\.column), weights: items[j].map { instance.areaDemand[$0.area] },
                                    capacity: capacity, switchColumn: model.siteColumn[j]))
            sites.append(j)
            areas.append(items[j].map(\.area))
        }
        separation = LiftedCoverCuts(rows: rows)
        self.sites = sites
        self.areas = areas
        self.deadline = deadline
    }

    func violatedRows(at values: [Double]) -> [LazyRow] {
        rounds += 1
        guard rounds <= Self.maximumRounds, ContinuousClock.now < deadline else { return [] }
        var rows: [LazyRow] = []
        for r in sites.indices {
            guard let cover = separation.violatedCover(of: r, at: values) else { continue }
            recorded.append(Cut(site: sites[r], areas: zip(cover.items, cover.coefficients).map { (areas[r][$0], $1) },
                                rhs: cover.rhs))
            rows.append(separation.lazyRow(of: r, cover))
        }
        return rows
    }

    /// `linear` (a linear model of `model`) with the recorded cuts as rows. A pair `model` has no
    /// column for is 0 in all its plans, so leaving it out keeps the cut valid; a cut on a site
    /// `model` has closed says nothing and is left out.
    func adding(to linear: LinearModel, of model: PlanningModel) -> LinearModel {
        var linear = linear
        for cut in recorded {
            var columns: [Int] = [], coefficients: [Double] = []
            for (area, coefficient) in cut.areas {
                guard let pair = model.assignment[area].first(where: { $0.site == cut.site }) else { continue }
                columns.append(pair.column)
                coefficients.append(coefficient)
            }
            guard !columns.isEmpty else { continue }
            if let y = model.siteColumn[cut.site] {
                linear.addRow(columns: columns + [y], coefficients: coefficients + [-cut.rhs], upper: 0)
            } else if model.siteFixedOpen[cut.site] {
                linear.addRow(columns: columns, coefficients: coefficients, upper: cut.rhs)
            }
        }
        return linear
    }
}
