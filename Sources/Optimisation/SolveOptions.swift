/// How ``GLPKSolver`` should solve a ``LinearModel``.
public struct SolveOptions: Sendable {
    /// Wall-clock limit in seconds for the whole solve (LP relaxation included); nil = none.
    public var timeLimit: Double?
    /// Simplex iterations (the relaxation's and branch and cut's together, ``Solution/iterations``)
    /// at which the solve stops as it does at ``timeLimit``, with the best solution found; nil =
    /// none. A count, not seconds, so where it stops does not depend on how busy the machine is.
    public var iterationLimit: Int?
    /// Relative MIP gap |objective - bound| / |objective| at which the search stops and the
    /// incumbent counts as optimal; 0 (the default) means prove optimality.
    public var relativeGap: Double
    /// GLPK's LP presolver for an LP and for a MIP's root relaxation. (Branch and cut itself
    /// always runs on the original problem, with GLPK's MIP preprocessing: that is what lets it
    /// take our ``incumbent``.)
    public var presolve: Bool
    /// GLPK's cutting planes (Gomory mixed-integer, MIR, cover and clique cuts).
    public var cuts: Bool
    /// Which cut families `cuts` turns on; every family by default.
    public var cutFamilies: CutFamilies = .all
    /// GLPK's primal heuristics beyond simple rounding (feasibility pump and proximity search).
    /// Off by default: on the location models they cost more time than they save.
    public var heuristics: Bool
    /// Let GLPK print its log to standard output; off by default (GLPK prints nothing).
    public var verbose: Bool
    /// A feasible solution (one value per variable) from our own heuristic, offered to
    /// GLPK's branch-and-cut as its first incumbent. It is checked first (GLPK does not
    /// check rows); an infeasible one is a ``ModelError/incumbentInfeasible(reason:)``.
    public var incumbent: [Double]?
    /// Rows given to branch and cut (or the LP's cutting-plane loop) only where a solution violates
    /// them (Benders cuts). They turn GLPK's MIP preprocessing and its own primal heuristics off,
    /// since those accept points without asking the generator.
    public var lazyRows: (any LazyRowGenerator)?
    /// GLPK's MIP preprocessing inside branch and cut (`glp_iocp.presolve`). Off by default: it
    /// cannot take an ``incumbent`` (ignored when one is given, as after a ``startBasis`` that
    /// fits) and GLPK 5.0 was seen to fail in
    /// it on some small covering models (reported as ``TerminationStatus/error``), so a caller
    /// that turns it on should retry without it on error. It pays on large planning models
    /// (a 5,000 x 500 maximal covering model: 52 s without it, 4 s with it, both proven optimal).
    public var mipPresolve = false
    /// A basis to start the LP (or the MIP's root relaxation) from: an earlier solve's
    /// ``Solution/basis`` of a model with the same columns and first rows. GLPK's LP presolver and
    /// its MIP preprocessing, which would discard it (the preprocessing solves the relaxation
    /// again from scratch), are then off for that solve. Ignored when it does not fit the model.
    /// A start changes how fast the optimum is found, never its value.
    public var startBasis: SimplexBasis?
    /// The simplex variant for LPs and the MIP's root relaxation.
    public var simplex: SimplexMethod = .dual
    /// GLPK's long-step ("flip") ratio test in the dual simplex of an LP (or a MIP's root
    /// relaxation), which lets a boxed column cross to its other bound within one step. On the
    /// coverage models' 0..1 columns it cut the Benders root's rounds at England scale from 34.5
    /// to 27.2 CPU s (docs/solving.md). Off by default: it changes which vertex a tie lands on,
    /// and GLPK's branch and cut re-solves its nodes with its own settings either way.
    public var longStepRatioTest = false
    /// How branch and cut picks the variable to branch on.
    public var branching: BranchingRule = .driebeckTomlin
    /// Integer columns that branch and cut branches on before any other: the fractional one
    /// nearest 0.5, and ``branching`` only once all of them are integral. Why: where a few
    /// columns decide the rest (which sites are kept), branching on them splits the search into
    /// halves that each change the relaxation, where a branch on an assignment column barely does.
    /// Ignored with GLPK's MIP preprocessing (``mipPresolve`` without an incumbent), whose tree
    /// holds a problem with other columns.
    public var branchFirst: [Int] = []

    /// The spacing of the objective's values (``LinearModel/objectiveStep``), given when the
    /// caller wants branch and cut to use it: a node whose bound is within less than a step of the
    /// incumbent is pruned, since it holds no strictly better solution. Only ties are lost (the
    /// incumbent is kept), so it never changes the optimum, only how fast it is proven. Nil
    /// (the default): GLPK's own tolerance.
    public var objectiveStep: Double?

    /// Seconds into the solve from which branch and cut stops at its first incumbent strictly
    /// better than ``incumbent`` (status feasible, that plan, message "stopped at a better plan"),
    /// or runs on to its end or ``timeLimit``; nil (the default), or no ``incumbent``: never.
    /// Why: a caller that reduces the model against a better plan (fixing by reduced costs)
    /// restarts on the smaller model as soon as there is one, and otherwise loses nothing of the
    /// search, where a time slice would stop it and start again on the same model.
    public var stopAtBetterPlanAfter: Double?

    /// Options with defaults: no time limit, prove optimality, presolve and cuts on,
    /// heuristics and output off, no incumbent.
    public init(timeLimit: Double? = nil, relativeGap: Double = 0, presolve: Bool = true,
                cuts: Bool = true, heuristics: Bool = false, verbose: Bool = false,
                incumbent: [Double]? = nil) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.presolve = presolve
        self.cuts = cuts
        self.heuristics = heuristics
        self.verbose = verbose
        self.incumbent = incumbent
    }

    /// Which simplex method solves an LP (or a MIP's root relaxation).
    public enum SimplexMethod: String, Sendable, CaseIterable {
        /// Primal simplex: GLPK's own default.
        case primal
        /// Dual simplex, falling back to primal if it fails. Starting from the all-slack basis,
        /// it is dual feasible whenever all costs are nonnegative (every location model), and
        /// was measured many times faster on them than primal.
        case dual
    }

    /// GLPK's branching variable choice.
    public enum BranchingRule: String, Sendable, CaseIterable {
        /// Driebeck and Tomlin's heuristic: GLPK's default.
        case driebeckTomlin
        /// Hybrid pseudocost branching.
        case pseudocost
        /// The most fractional variable.
        case mostFractional
    }

    func validate(variableCount: Int) throws {
        if let timeLimit, !(timeLimit >= 0 && timeLimit.isFinite) {
            throw ModelError.invalidOption(name: "timeLimit", value: timeLimit)
        }
        if !(relativeGap >= 0 && relativeGap < 1) {
            throw ModelError.invalidOption(name: "relativeGap", value: relativeGap)
        }
        if let stopAtBetterPlanAfter, !(stopAtBetterPlanAfter >= 0 && stopAtBetterPlanAfter.isFinite) {
            throw ModelError.invalidOption(name: "stopAtBetterPlanAfter", value: stopAtBetterPlanAfter)
        }
        if let incumbent, incumbent.count != variableCount {
            throw ModelError.incumbentLengthMismatch(expected: variableCount, actual: incumbent.count)
        }
    }
}
