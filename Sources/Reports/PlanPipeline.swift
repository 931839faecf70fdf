import Estate
import EstateIO
import Planning

/// The whole of one planning run after the inputs are read: travel times, need scores, the dense
/// instance, the solve. Shared by `estate plan`, batches and comparisons so they all plan alike.
public enum PlanPipeline {
    /// Plans `scenario` on `dataset`. Throws `InputErrors` for inputs the readers could not catch
    /// (e.g. a blank indicator under `missing: error`) and `PlanningError` for contradictory settings.
    /// `solverLog` lets GLPK print its progress (to standard output). `travel` is the scenario's
    /// travel times when the caller already has them (`estate plan` checks them for warnings first).
    public static func run(scenario: Scenario, dataset: Dataset, travel: TravelTimes? = nil,
                           solverLog: Bool = false) throws -> PlanContext {
        let scores = try NeedScores(dataset: dataset, needs: scenario.needs)
        let travel = travel ?? scenario.travelTimes(for: dataset)
        let instance = PlanningInstance(dataset: dataset, scores: scores, travel: travel,
                                        visitsPerChild: scenario.constraints.visitsPerChild)
        let deprived = scenario.constraints.minDeprivedCoverage == nil ? []
            : PlanEquality.mostDeprived(dataset: dataset, needScore: scores.score, share: scenario.constraints.deprivedShare)
        var specification = PlanSpecification(scenario: scenario, deprivedAreas: deprived)
        specification.solverLog = solverLog
        let plan = try Planner.plan(instance, specification, areaIDs: dataset.areas.map(\.id))
        return PlanContext(dataset: dataset, scenario: scenario, instance: instance, specification: specification,
                           needScore: scores.score, plan: plan)
    }
}
