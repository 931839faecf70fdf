/// The result of one solve: status, objective, proven bound, gap, time and values.
public struct Solution: Sendable {
    /// How the solve ended.
    public var status: TerminationStatus
    /// Objective value of ``values`` including ``LinearModel/objectiveConstant``; nil without a solution.
    public var objective: Double?
    /// Best proven bound on the optimum (below it when minimising, above when maximising),
    /// including the objective constant; equals ``objective`` when optimal.
    public var bound: Double?
    /// Relative gap |objective - bound| / max(1e-9, |objective|); 0 when optimal.
    public var gap: Double?
    /// Wall-clock seconds spent in the solve, model loading included.
    public var seconds: Double
    /// One value per variable (integer variables rounded to integers); empty without a solution.
    public var values: [Double]
    /// GLPK's explanation for ``TerminationStatus/error`` and limits, if any.
    public var message: String?
    /// For an optimal LP (no integer variables): each variable's reduced cost, the rate at which
    /// the objective changes as the variable moves off its bound (nonnegative at a lower bound
    /// when minimising). Empty otherwise. Used for reduced-cost fixing.
    public var reducedCosts: [Double] = []
    /// Whether branch and cut stopped at a plan better than the incumbent it was given
    /// (``SolveOptions/stopAtBetterPlanAfter``), not at its end or a limit.
    public var stoppedAtBetterPlan = false
    /// Rows a ``LazyRowGenerator`` added during branch and cut (0 without one).
    public var generatedRows = 0
    /// GLPK's simplex iterations on the model (the relaxation and branch and cut; not those of
    /// its MIP preprocessing's copy): the work the solve took, as a count that does not depend on
    /// how busy the machine was (``SolveOptions/iterationLimit``).
    public var iterations = 0
    /// The optimal basis of the LP (of a MIP's root relaxation), to start a related solve from
    /// (``SolveOptions/startBasis``); nil when the LP was not solved to optimality. An LP with
    /// row generation gives it over the model's rows and then the generated ones, in the order
    /// generated (``SimplexBasis/keepingRows(_:)`` selects those a later model keeps); a MIP with
    /// lazy rows gives none.
    public var basis: SimplexBasis?

    /// Creates a solution record (the solver fills it; tests and heuristics may too).
    public init(status: TerminationStatus, objective: Double? = nil, bound: Double? = nil, gap: Double? = nil,
                seconds: Double = 0, values: [Double] = [], message: String? = nil) {
        self.status = status
        self.objective = objective
        self.bound = bound
        self.gap = gap
        self.seconds = seconds
        self.values = values
        self.message = message
    }

    /// Whether ``values`` holds a feasible point (status optimal or feasible; a model without
    /// variables has an empty one).
    public var hasSolution: Bool { status == .optimal || status == .feasible }

    /// The value of `variable` (0-based); 0 when there is no solution.
    public subscript(variable: Int) -> Double {
        values.indices.contains(variable) ? values[variable] : 0
    }

    /// The relative gap between an objective and a bound, as reported in ``gap``.
    public static func relativeGap(objective: Double, bound: Double) -> Double {
        abs(objective - bound) / max(1e-9, abs(objective))
    }
}
