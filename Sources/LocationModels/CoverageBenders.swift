import Optimisation

/// Branch-and-Benders-cut for the covering models (Cordeau, Furini and Ljubic, "Benders
/// decomposition for very large scale partial set covering and maximal covering location
/// problems", EJOR 2019).
///
/// The master keeps the site decisions y_j, one coverage share z_g in [0, 1] per group of clients
/// with the same covering sites, and every other row (site count, budget, coverage floors); the
/// links z_g <= Σ_{j covers g} y_j, one per group, are its Benders cuts: for fixed y the
/// subproblem max Σ w_g z_g is solved by z_g = min(1, Σ y_j), and its dual gives exactly that row.
/// They are handed to GLPK only where an LP solution violates one (``LazyRowGenerator``), on
/// fractional and integral points alike, so the master's LPs hold the links that bind and no more.
/// The planner and ``MaximalCoveringProblem`` both solve through ``solve(master:cuts:incumbent:options:)``.
public struct CoverageCuts: LazyRowGenerator {
    /// Per group: the column of its coverage share z_g.
    public let share: [Int]
    /// Per group: the columns of the sites that cover it (y_j).
    public let covering: [[Int]]

    public init(share: [Int], covering: [[Int]]) {
        precondition(share.count == covering.count, "one covering list per share column")
        self.share = share
        self.covering = covering
    }

    public func violatedRows(at values: [Double]) -> [LazyRow] {
        share.indices.compactMap { g in isViolated(g, at: values) ? row(g) : nil }
    }

    /// Whether z_g exceeds the covering sites' sum at `values`.
    func isViolated(_ g: Int, at values: [Double]) -> Bool {
        let z = values[share[g]]
        guard z > Self.tolerance else { return false }
        var sum = 0.0
        for column in covering[g] {
            sum += values[column]
            if sum >= z { return false }
        }
        return z - sum > Self.tolerance
    }

    /// Group g's link, z_g - Σ y_j <= 0.
    public func row(_ g: Int) -> LazyRow {
        LazyRow(columns: [share[g]] + covering[g], coefficients: [1] + covering[g].map { _ in -1 }, upper: 0)
    }

    /// Violations below this are GLPK's own feasibility tolerance's business.
    static let tolerance = 1e-6
}

public enum CoverageBenders {
    /// Whether `formulation` means Benders for a model of `groups` coverage links over `sites` free sites.
    public static func chosen(_ formulation: CoverageFormulation, groups: Int, sites: Int) -> Bool {
        switch formulation {
        case .benders: true
        case .compact: false
        case .automatic: prefersBenders(groups: groups, sites: sites)
        }
    }

    /// The measured rule (docs/solving.md, release build, generated clustered counties, CPU seconds
    /// of the whole `estate plan`): the compact model was faster at 3,355 area groups (2.8 s against
    /// 3.8 s) and equal on Kent (188 groups, 0.18 s); Benders was faster from 6,958 groups (1.5 s
    /// against 31.7 s) and 12,965 groups (4.3 s against 9.8 s), and at England scale (14,165 groups)
    /// it proved a 3.5% gap in 120 s where GLPK had not finished the compact model's root LP.
    /// What changes with size is the root LP: GLPK's dual simplex over every link at once, against
    /// Kelley's rounds over the links that bind.
    public static func prefersBenders(groups: Int, sites: Int) -> Bool {
        groups >= 5_000
    }

    /// Solves `master` (the covering model without its links) with `cuts` as lazy rows. The master
    /// starts with the links of the groups that `incumbent` (a feasible point of the whole model,
    /// GLPK's first incumbent) leaves uncovered: with every share at 1 those are the links its sites
    /// violate, the cuts Cordeau et al. start from. GLPK's MIP preprocessing and its own primal
    /// heuristics are off with lazy rows (``SolveOptions/lazyRows``); its cuts stay as `options` say.
    /// Returns the solution and the rows of the master handed to GLPK (its starting links included).
    public static func solve(master: LinearModel, cuts: CoverageCuts, incumbent: [Double]?,
                             options: SolveOptions) throws -> (solution: Solution, rows: Int) {
        var model = master
        if let incumbent {
            var open = incumbent
            for column in cuts.share { open[column] = 1 }
            for g in cuts.share.indices where cuts.isViolated(g, at: open) {
                let row = cuts.row(g)
                model.addRow(columns: row.columns, coefficients: row.coefficients, upper: row.upper)
            }
        }
        var solveOptions = options
        solveOptions.lazyRows = cuts
        solveOptions.incumbent = incumbent
        return (try GLPKSolver.solve(model, options: solveOptions), model.rowCount)
    }
}

/// How a covering model is handed to GLPK.
public enum CoverageFormulation: String, Sendable, CaseIterable, Codable {
    /// The rule of ``CoverageBenders/prefersBenders(groups:sites:)``.
    case automatic
    /// Every link written out, GLPK's MIP preprocessing on.
    case compact
    /// Branch-and-Benders-cut (``CoverageBenders``).
    case benders
}
