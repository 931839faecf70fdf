/// How a `capacity: single` plan was solved, for `summary.json` `formulation`: the model, what
/// its exact reductions removed and what the heuristic and the LP bound contributed, so that a
/// reviewer can see why a proof took the time it did.
public struct SingleSourceReport: Sendable, Codable, Equatable {
    /// The formulation, in words.
    public var model = "single-source assignment: binary x_ij per area and site within reach; x_ij <= y_j; "
        + "sum_j x_ij = 1 where every area must be served (<= 1 otherwise); sum_i d_i x_ij <= Q_j y_j"
    /// Binary assignment columns in the model that was solved.
    public var assignmentColumns = 0
    /// Pairs within reach whose area alone needs more than the site's capacity (no column).
    public var pairsOverCapacity = 0
    /// Pairs removed by reduced-cost fixing: their LP reduced cost exceeds the gap between the
    /// heuristic's plan and the LP bound, so no plan as good as the heuristic's uses them.
    public var pairsFixedByReducedCost = 0
    /// Candidate sites closed by reduced-cost fixing, for the same reason.
    public var sitesFixedByReducedCost = 0
    /// Candidate sites kept by reduced-cost fixing: closing them (in the LP, or in the Lagrangian
    /// relaxation) costs more than that gap, so every plan as good as the heuristic's keeps them.
    public var sitesKeptByReducedCost = 0
    /// The LP relaxation's bound on the objective (nil when it was not solved).
    public var lpBound: Double?
    /// The Lagrangian bound (assignment rows relaxed, one integer knapsack per site), where every
    /// area must be served; nil otherwise.
    public var lagrangianBound: Double?
    /// The objective of the plan given to GLPK as its first incumbent: the heuristic's, or a better
    /// one found from the Lagrangian relaxation's steps (nil: none found).
    public var heuristicObjective: Double?
    /// Whether the Lagrangian relaxation ran before the LP, to fix pairs in a model too large for
    /// the LP to be solved first (``Planner/lagrangianFirstColumns``).
    public var lagrangianBeforeLP = false
    /// The spacing of plans' objectives (1 when every cost is a whole number, as on OR-Library's
    /// pmedcap), used to fix more and to round bounds up; nil when the costs are not whole.
    public var objectiveStep: Double?
    /// Lifted cover cuts on the capacity rows found in the LP relaxation's cutting-plane loop
    /// (each is in the LP bound and in every round's model).
    public var coverCuts = 0
    /// Rounds of branch and cut (each after fixing against the best plan so far).
    public var rounds = 0
    /// Seconds spent in the LP relaxation and in the heuristic.
    public var lpSeconds = 0.0
    public var heuristicSeconds = 0.0
    public var lagrangianSeconds = 0.0

    public init() {}

    enum CodingKeys: String, CodingKey {
        case model, assignmentColumns = "assignment_columns", pairsOverCapacity = "pairs_over_capacity"
        case pairsFixedByReducedCost = "pairs_fixed_by_reduced_cost", sitesFixedByReducedCost = "sites_fixed_by_reduced_cost"
        case sitesKeptByReducedCost = "sites_kept_by_reduced_cost"
        case rounds, coverCuts = "cover_cuts", lpBound = "lp_bound", lagrangianBound = "lagrangian_bound", heuristicObjective = "heuristic_objective", lpSeconds = "lp_seconds"
        case heuristicSeconds = "heuristic_seconds", lagrangianSeconds = "lagrangian_seconds"
        case lagrangianBeforeLP = "lagrangian_before_lp", objectiveStep = "objective_step"
    }
}
