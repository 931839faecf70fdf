import LocationModels
import Optimisation

/// How a model with coverage links (`max_coverage`, coverage shares) was solved, for `summary.json`
/// `formulation` (as ``PMedianReport`` is for `min_travel`): written out whole, or by
/// branch-and-Benders-cut (``CoverageBenders``), and what row generation did.
public struct CoverageReport: Sendable, Codable, Equatable {
    /// The formulation, in words.
    public var model: String
    /// Its name: `compact` or `benders`.
    public var formulation: String
    /// Rows of the MILP handed to GLPK, and the links row generation added during its search.
    public var rows: Int
    public var generatedRows: Int
    /// The objective of the heuristic plan (GLPK's first incumbent with Benders; nil: none).
    public var heuristicObjective: Double?

    init(formulation: CoverageFormulation, rows: Int, solution: Solution, heuristic: Double?) {
        self.formulation = formulation.rawValue
        model = formulation == .benders
            ? "coverage, branch-and-Benders-cut: binary y_j per site, z_g in [0, 1] per area group; "
                + "z_g <= sum_{j covers g} y_j generated where an LP solution violates it"
            : "coverage, compact: binary y_j per site, z_g in [0, 1] per area group, z_g <= sum_{j covers g} y_j"
        self.rows = rows
        generatedRows = solution.generatedRows
        heuristicObjective = heuristic
    }

    enum CodingKeys: String, CodingKey {
        case model, formulation, rows, generatedRows = "generated_rows", heuristicObjective = "heuristic_objective"
    }
}
