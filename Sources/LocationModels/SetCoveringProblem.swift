import Optimisation

/// The location set covering problem (Toregas et al. 1971): open the fewest sites such that
/// every client is within `radius` of an open site. An optional ``SiteBudget`` also caps the
/// summed cost of the open sites (which can make it infeasible).
public struct SetCoveringProblem: Sendable {
    /// Costs (distances, travel times) from each client to each allowed site.
    public var costs: ServiceCosts
    /// A client is covered by a site when their cost is at most this (same unit as `costs`).
    public var radius: Double
    /// An optional cap on the summed cost of the open sites.
    public var budget: SiteBudget?

    public init(costs: ServiceCosts, radius: Double, budget: SiteBudget? = nil) {
        self.costs = costs
        self.radius = radius
        self.budget = budget
    }

    /// Throws a ``LocationModelError`` for a bad radius or budget.
    public func validate() throws {
        guard radius >= 0, radius.isFinite else { throw LocationModelError.invalidParameter(name: "radius", value: radius) }
        try budget?.validate(siteCount: costs.siteCount)
    }

    /// Whether `openSites` covers every client, and each client's cheapest covering open site.
    public func evaluate(openSites: [Int]) -> (coversAll: Bool, assignment: [Int]) {
        let result = coverage(costs: costs, radius: radius, weights: Array(repeating: 1, count: costs.clientCount),
                              openSites: openSites)
        return (result.weight == Double(costs.clientCount), result.assignment)
    }

    /// Solves to proven optimality (or to `options`' limits) after the coverage reductions
    /// (duplicate and dominated rows, dominated columns). The objective is the number of open sites.
    public func solve(options: SolveOptions = SolveOptions()) throws -> LocationSolution {
        try validate()
        let start = ContinuousClock.now
        let reduced = CoverageReduction(costs: costs, radius: radius, weights: Array(repeating: 1, count: costs.clientCount),
                                        siteCosts: budget?.siteCosts, dropZeroWeight: false, dropDominatedRows: true)
        if let client = reduced.uncoverable.first {
            var result = LocationSolution(status: .infeasible, message: "client \(client) is within the radius of no site")
            result.seconds = start.secondsElapsed
            return result
        }
        let n = reduced.sites.count
        var model = LinearModel()
        let y = model.addVariables(n, kind: .binary, objective: 1)
        if let budget {
            model.addRow(columns: Array(y), coefficients: reduced.sites.map { budget.siteCosts[$0] }, upper: budget.budget,
                         name: "budget")
        }
        for row in reduced.rows {
            model.addRow(columns: row, coefficients: Array(repeating: 1, count: row.count), lower: 1)
        }
        // The objective counts sites: integral, so an absolute gap below 1 proves optimality.
        let solveOptions = options.relativeGap == 0 ? IntegralObjective.options(options, largest: Double(n)) : options
        let solution = try GLPKSolver.solve(model, options: solveOptions)
        var result = LocationSolution(status: solution.status, solution: solution, modelSize: .init(model))
        if solution.hasSolution {
            result.openSites = (0 ..< n).filter { solution[$0] > 0.5 }.map { reduced.sites[$0] }
            result.objective = Double(result.openSites.count)
            result.assignment = evaluate(openSites: result.openSites).assignment
            if solution.status == .optimal
                && (solution.gap == 0 || IntegralObjective.proves(objective: result.objective!, bound: solution.bound)) {
                result.bound = result.objective
                result.gap = 0
            }
        }
        result.seconds = start.secondsElapsed
        return result
    }
}
