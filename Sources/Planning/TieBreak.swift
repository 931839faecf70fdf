import Optimisation

/// Among the plans with the primary's optimal objective, the best on the tie-breaker
/// (``Planner/tieBreaker(for:)``), so that the plan reported is not an arbitrary one of many: the
/// one second solve behind both planners' tie-breaks (`Planner` for buildings, `ServicePlanner`
/// for services), which differ only in their model and in which columns the tie-breaker prices.
///
/// The proof is about the primary objective, so the plan returned keeps the primary's status,
/// objective, bound and gap; only the decisions change. Without a proven optimum, or when the
/// second solve finds no plan, the primary plan stands.
enum TieBreak {
    /// The simplex iterations a tie-break may take (``SolveOptions/iterationLimit``, the run's
    /// time limit a backstop only): choosing among optima is a courtesy, not the question, so
    /// `share` of the `proof`'s iterations (as many as it took, unless the caller says less), and
    /// at least ``minimumIterations``. A count, not seconds, so that the optimum reported does not
    /// depend on how busy the machine is: allowed as long as the proof took (at least a second),
    /// the Kent Family Hub Network without its budget (an explanation's re-solve) reported the
    /// heuristic's £10,027,020 plan on a loaded machine, where the cheapest optimum is £8,507,620.
    static func iterations(proof: Int, share: Double = 1) -> Int {
        max(minimumIterations, Int((share * Double(proof)).rounded(.up)))
    }

    /// About 0.7 s of simplex on the Kent models (4,150 iterations of their relaxation took 0.3 s of CPU).
    static let minimumIterations = 10_000

    /// The second solve: `lp` (the model the primary was solved on, or its Benders master with the
    /// links as `lazyRows`) with its objective held at `optimum` as a row and `tieBreaker`'s
    /// columns and costs as the objective, minimised. It starts from the primary's plan as GLPK's
    /// first incumbent, so it only has to improve on it, never find a plan again, and keeps its
    /// best plan when stopped at ``iterations(proof:share:)`` (with equal costs and "at most p" sites,
    /// finding the fewest sites that keep the optimum is a set-covering problem of its own: a
    /// 5,000 x 500 MCLP took 60 s there against 2.6 s). Its relaxation starts from the primary's
    /// optimal basis, primal feasible here (the primary optimum meets the held row), and is
    /// re-optimised in a few iterations instead of from scratch (about 4,200 on the Kent Family
    /// Hub Network). Nil when no plan was found.
    static func solve(_ lp: LinearModel, optimum: Double, tieBreaker: [(column: Int, cost: Double)], primary: Solution,
                      lazyRows: (any LazyRowGenerator)? = nil, options: SolveOptions) throws -> Solution? {
        var model = lp
        model.holdObjective(at: optimum)
        for j in 0 ..< model.variableCount { model.setObjectiveCoefficient(j, 0) }
        for term in tieBreaker { model.setObjectiveCoefficient(term.column, term.cost) }
        model.sense = .minimise
        model.objectiveConstant = 0
        var tieOptions = options
        tieOptions.incumbent = primary.values
        tieOptions.startBasis = primary.basis
        tieOptions.iterationLimit = iterations(proof: primary.iterations)
        tieOptions.lazyRows = lazyRows
        let second = try GLPKSolver.solve(model, options: tieOptions)
        return second.hasSolution ? second : nil
    }

    /// The held row's tolerance lets the continuous columns (outreach, a split assignment) give up a
    /// sliver of the primary objective: `full` (the primary's model) with `decisions` (its binary
    /// columns) fixed at the tie-break's values and the rest re-optimised for the primary, a
    /// plain LP. From `basis` where it fits (the primary's, which stays dual feasible: only
    /// bounds changed) by the dual simplex: on Kent no iteration at all, against 2,200 from
    /// scratch; else GLPK's LP presolver shrinks it. Nil when it has no optimum.
    static func reoptimised(_ full: LinearModel, fixing decisions: [Int], at second: Solution, basis: SimplexBasis?,
                            options: SolveOptions) throws -> Solution? {
        var fixed = full
        for column in decisions {
            let value = second[column].rounded()
            fixed.setBounds(column, lower: value, upper: value)
        }
        let relaxed = fixed.relaxed()
        var restOptions = options
        if let basis, basis.fits(relaxed) {
            restOptions.startBasis = basis
            restOptions.simplex = .dual
        }
        let rest = try GLPKSolver.solve(relaxed, options: restOptions)
        return rest.hasSolution ? rest : nil
    }

    /// `second`'s decisions with `primary`'s proof (status, objective, bound and gap).
    static func withProof(of primary: Solution, decisions second: Solution) -> Solution {
        var result = second
        result.status = primary.status
        result.objective = primary.objective
        result.bound = primary.bound
        result.gap = primary.gap
        return result
    }
}

extension LinearModel {
    /// Adds a row holding the objective at `optimum` (within a relative 1e-7), so that a second
    /// solve can choose among the optimal plans (``TieBreak``).
    fileprivate mutating func holdObjective(at optimum: Double) {
        var columns: [Int] = [], coefficients: [Double] = []
        for j in 0 ..< variableCount where objectiveCoefficient(of: j) != 0 {
            columns.append(j)
            coefficients.append(objectiveCoefficient(of: j))
        }
        let target = optimum - objectiveConstant
        let tolerance = 1e-7 * max(1, abs(target))
        if sense == .maximise {
            addRow(columns: columns, coefficients: coefficients, lower: target - tolerance)
        } else {
            addRow(columns: columns, coefficients: coefficients, upper: target + tolerance)
        }
    }
}
