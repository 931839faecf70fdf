import LocationModels

/// How a `min_travel` plan solved as the location library's p-median (``TravelMedian``) was solved,
/// for `summary.json` `formulation` (as ``SingleSourceReport`` is for `capacity: single`): which
/// formulation the automatic choice took and what fixing, the heuristic and row generation did.
public struct PMedianReport: Sendable, Codable, Equatable {
    /// The formulation, in words.
    public var model: String
    /// Its name: `benders` (branch-and-Benders-cut) or `incremental_radius`.
    public var formulation: String
    /// Rows of the MILP handed to GLPK, and rows Benders row generation added during its search.
    public var rows: Int
    public var generatedRows: Int
    /// Candidate sites closed by reduced-cost fixing against the heuristic's plan.
    public var sitesFixedByReducedCost: Int
    /// The objective of the heuristic plan given to GLPK as its first incumbent (nil: none).
    public var heuristicObjective: Double?

    init(_ solution: LocationSolution) {
        let chosen = solution.formulation ?? .incrementalRadius
        formulation = chosen == .incrementalRadius ? "incremental_radius" : chosen.rawValue
        model = Self.words[chosen] ?? "p-median, \(formulation)"
        rows = solution.modelSize.rows
        generatedRows = solution.generatedRows
        sitesFixedByReducedCost = solution.fixedSites
        heuristicObjective = solution.heuristicObjective
    }

    static let words: [PMedianFormulation: String] = [
        .benders: "p-median, branch-and-Benders-cut: binary y_j per site, theta_i per area >= its nearest minutes; "
            + "theta_i + sum_{d_ij < D} (D - d_ij) y_j >= D generated where an LP solution violates it",
        .incrementalRadius: "p-median, incremental radius: z_ik = 1 when no kept site lies within the area's k-th "
            + "distinct minutes, levels widened until no area is served beyond them",
        .radius: "p-median, radius: z_ik = 1 when no kept site lies within the area's k-th distinct minutes",
        .assignment: "p-median, assignment: x_ij <= y_j, sum_j x_ij = 1",
    ]

    enum CodingKeys: String, CodingKey {
        case model, formulation, rows, generatedRows = "generated_rows"
        case sitesFixedByReducedCost = "sites_fixed_by_reduced_cost", heuristicObjective = "heuristic_objective"
    }
}
