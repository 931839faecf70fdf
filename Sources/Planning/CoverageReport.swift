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
    /// Benders with a heuristic plan: the root LP's bound, the links its rounds generated, and the
    /// sites its reduced costs fixed before branch and cut (nil otherwise).
    public var rootBound: Double?
    public var rootGeneratedRows: Int?
    public var sitesFixedByReducedCost: Int?
    /// Benders with a heuristic plan: the objective of the plan the searches (part by part, then
    /// near the root LP) found, when it beat the heuristic's (nil otherwise).
    public var improvedObjective: Double?
    /// Benders with a heuristic plan: kept sites moved from one independent part of the sites to
    /// another before the root (nil otherwise).
    public var sitesMovedBetweenParts: Int?

    /// `offers`: the v2 model, whose links sum the offers `x_jk` of a service within reach of a
    /// group of areas (and services) rather than the sites `y_j`.
    init(formulation: CoverageFormulation, rows: Int, solution: Solution, heuristic: Double?, offers: Bool = false) {
        self.formulation = formulation.rawValue
        let (variables, link) = offers
            ? ("binary y_j per site and x_jk per service k offered at site j, z_g in [0, 1] per group of areas and "
                + "services with the same offers within their coverage time", "z_g <= sum_{x_jk reaches g} x_jk")
            : ("binary y_j per site, z_g in [0, 1] per area group", "z_g <= sum_{j covers g} y_j")
        let name = offers ? "services coverage" : "coverage"
        model = formulation == .benders
            ? "\(name), branch-and-Benders-cut: \(variables); \(link) generated where an LP solution violates it"
            : "\(name), compact: \(variables), \(link)"
        self.rows = rows
        generatedRows = solution.generatedRows
        heuristicObjective = heuristic
    }

    init(benders solved: CoverageSolve, heuristic: Double?) {
        self.init(formulation: .benders, rows: solved.rows, solution: solved.solution, heuristic: heuristic)
        if let bound = solved.rootBound {
            rootBound = bound
            rootGeneratedRows = solved.rootRows
            sitesFixedByReducedCost = solved.fixedColumns
            sitesMovedBetweenParts = solved.sitesMoved
        }
        improvedObjective = solved.improvedObjective
    }

    enum CodingKeys: String, CodingKey {
        case model, formulation, rows, generatedRows = "generated_rows", heuristicObjective = "heuristic_objective"
        case rootBound = "root_bound", rootGeneratedRows = "root_generated_rows"
        case sitesFixedByReducedCost = "sites_fixed_by_reduced_cost", improvedObjective = "improved_objective"
        case sitesMovedBetweenParts = "sites_moved_between_parts"
    }
}
