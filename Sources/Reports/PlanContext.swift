import Estate
import Planning

/// Everything a report about one plan needs, gathered once: the dataset it was planned on, the
/// dense instance and question the planner saw, each area's need score, and the plan.
public struct PlanContext: Sendable {
    public var dataset: Dataset
    public var scenario: Scenario
    public var instance: PlanningInstance
    public var specification: PlanSpecification
    /// Composite need score of each area (the needs framework's, or 0 without one).
    public var needScore: [Double]
    public var plan: Plan

    public init(dataset: Dataset, scenario: Scenario, instance: PlanningInstance, specification: PlanSpecification,
                needScore: [Double], plan: Plan) {
        self.dataset = dataset
        self.scenario = scenario
        self.instance = instance
        self.specification = specification
        self.needScore = needScore
        self.plan = plan
    }
}
