import Optimisation

/// The result of solving a location problem: which sites open, who they serve, and how
/// sure the solver is.
public struct LocationSolution: Sendable {
    /// How the MILP solve ended (``TerminationStatus/optimal`` means proven within the gap).
    public var status: TerminationStatus
    /// Open sites in ascending order; empty without a solution.
    public var openSites: [Int]
    /// Per client, the open site serving it (p-median: its cheapest open site; covering
    /// models: its cheapest covering open site), or -1 when none; empty without a solution.
    public var assignment: [Int]
    /// The objective recomputed from ``openSites``: total weighted cost (p-median), covered
    /// weight (MCLP) or number of open sites (LSCP); nil without a solution.
    public var objective: Double?
    /// The best proven bound on the optimum in the same units; equals ``objective`` when optimal.
    public var bound: Double?
    /// Relative gap |objective - bound| / max(1e-9, |objective|).
    public var gap: Double?
    /// Wall-clock seconds: reductions, heuristic, model building and the MILP solve.
    public var seconds: Double
    /// The objective of our own heuristic's solution (offered to GLPK), if it ran and found one.
    public var heuristicObjective: Double?
    /// Of ``seconds``, those the heuristic took (greedy and interchange; 0 when it did not run).
    public var heuristicSeconds = 0.0
    /// The size of the MILP actually solved after reductions.
    public var modelSize: ModelSize
    /// The solver's message for errors and limits.
    public var message: String?
    /// How many MILPs were solved (the incremental radius formulation may widen and re-solve).
    public var rounds: Int = 1
    /// Sites removed by reduced-cost fixing before the MILP (they cannot be in a better solution).
    public var fixedSites: Int = 0
    /// The p-median formulation that was solved (nil for the covering models).
    public var formulation: PMedianFormulation?
    /// The covering formulation that was solved (nil for the p-median).
    public var coverageFormulation: CoverageFormulation?
    /// Rows added during branch and cut by Benders row generation (0 for the other formulations).
    public var generatedRows: Int = 0
    /// GLPK's simplex iterations behind the result (the relaxation that fixed sites by reduced
    /// cost, and every MILP solved): a measure of the proof's work that, unlike seconds, does not
    /// depend on how busy the machine is (a planner's tie-break is allowed a share of it).
    public var iterations = 0

    /// The size of a MILP, for reports and for comparing formulations.
    public struct ModelSize: Sendable, Equatable {
        public var variables: Int
        public var rows: Int
        public var coefficients: Int
        public init(variables: Int = 0, rows: Int = 0, coefficients: Int = 0) {
            self.variables = variables
            self.rows = rows
            self.coefficients = coefficients
        }
        init(_ model: LinearModel) {
            self.init(variables: model.variableCount, rows: model.rowCount, coefficients: model.coefficientCount)
        }
    }

    init(status: TerminationStatus, solution: Solution? = nil, modelSize: ModelSize = ModelSize(),
         message: String? = nil) {
        self.status = status
        openSites = []
        assignment = []
        objective = nil
        bound = solution?.bound
        gap = solution?.gap
        seconds = 0
        heuristicObjective = nil
        self.modelSize = modelSize
        self.message = message ?? solution?.message
        iterations = solution?.iterations ?? 0
    }
}

extension ContinuousClock.Instant {
    /// Seconds elapsed since this instant.
    var secondsElapsed: Double {
        let elapsed = ContinuousClock.now - self
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}
