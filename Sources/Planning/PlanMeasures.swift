import Estate

/// What a set of decisions achieves, in the measures an explanation sets side by side: the
/// objective and the figures a cabinet paper quotes. Always computed from the decisions and the
/// data (never from a solver's objective), so two plans compare on the same footing.
public struct PlanMeasures: Sendable, Equatable {
    /// The plan's objective in its own unit (need weight covered, GBP, tCO2e, sites, weighted minutes).
    public var objective: Double
    /// Annual running cost of the kept sites (GBP per year).
    public var cost: Double
    /// Carbon of the kept sites (tCO2e per year).
    public var carbon: Double
    public var sitesKept: Int
    /// Share (0...1) of the need weight covered within the coverage time.
    public var coverage: Double
    /// Children (persons) in covered areas, each area counted by its covered share.
    public var childrenCovered: Double

    public init(objective: Double, cost: Double, carbon: Double, sitesKept: Int, coverage: Double, childrenCovered: Double) {
        self.objective = objective
        self.cost = cost
        self.carbon = carbon
        self.sitesKept = sitesKept
        self.coverage = coverage
        self.childrenCovered = childrenCovered
    }

    /// The measures of `evaluation` under `objective`; `children` per area, in instance order.
    public init(_ evaluation: PlanEvaluation, objective: Objective, children: [Double]) {
        self.init(objective: evaluation.objectiveValue(objective), cost: evaluation.cost, carbon: evaluation.carbon,
                  sitesKept: evaluation.sitesKept, coverage: evaluation.coverage,
                  childrenCovered: zip(evaluation.areaCoveredShare, children).reduce(0) { $0 + $1.0 * $1.1 })
    }

    /// The measures of a plan with decisions (its own evaluation, as the planner reported it).
    public init(_ plan: Plan, instance: PlanningInstance, specification: PlanSpecification, children: [Double]) {
        let evaluation = PlanEvaluation(instance: instance, keep: plan.keep, coverageMinutes: specification.coverageMinutes,
                                        assignment: specification.constraints.capacity == nil ? nil
                                            : plan.areaAssignment.map { $0.map { ($0.site, $0.share) } })
        self.init(evaluation, objective: specification.objective, children: children)
        if let objective = plan.objective { self.objective = objective }
    }
}
