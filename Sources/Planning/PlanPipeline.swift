import Estate

/// What a scenario plans on once its dataset is read: need scores, the dense instance and the
/// deprivation scores. Scenarios that share a dataset, needs framework, travel settings and
/// visits per child share these, so a batch or a frontier derives them once.
public struct PlanningInputs: Sendable {
    /// Need scores under the scenario's needs framework.
    public var scores: NeedScores
    /// The dense planning instance (weights, demand, travel pairs).
    public var instance: PlanningInstance
    /// Deprivation scores, which rank the "most deprived areas" of `min_deprived_coverage`.
    public var deprivation: Deprivation
    /// The dataset's area ids in instance order (name areas in explanations, break ranking ties).
    public var areaIDs: [String]

    /// Derives the inputs of `scenario` on `dataset`. `scores` and `travel`, when given, must be
    /// those of this scenario's needs framework and travel settings (a cache's copies). Throws
    /// `InputErrors` for inputs the readers could not catch (e.g. a blank indicator under
    /// `missing: error`).
    public init(scenario: Scenario, dataset: Dataset, scores: NeedScores? = nil, travel: TravelTimes? = nil) throws {
        let scores = try scores ?? NeedScores(dataset: dataset, needs: scenario.needs)
        self.scores = scores
        instance = PlanningInstance(dataset: dataset, scores: scores, travel: travel ?? scenario.travelTimes(for: dataset),
                                    visitsPerChild: scenario.constraints.visitsPerChild)
        if !scenario.services.isEmpty {
            instance.services = try ServiceInstance(services: scenario.services, dataset: dataset, scores: scores,
                                                    visitsPerChild: scenario.constraints.visitsPerChild)
        }
        deprivation = Deprivation(dataset: dataset, needScore: scores.score)
        areaIDs = dataset.areas.map(\.id)
    }
}

/// Everything a report about one plan needs, gathered once: the dataset it was planned on, the
/// dense instance and question the planner saw, each area's need score, and the plan.
public struct PlanContext: Sendable {
    public var dataset: Dataset
    public var scenario: Scenario
    public var instance: PlanningInstance
    public var specification: PlanSpecification
    /// Composite need score of each area (the needs framework's, or 0 without one).
    public var needScore: [Double]
    /// Deprivation scores of the areas (the equality tables' deciles).
    public var deprivation: Deprivation
    public var plan: Plan
    /// Why the plan is what it is (`PlanExplainer`), when it was asked for and applies.
    public var explanation: PlanExplanation? = nil

    public init(dataset: Dataset, scenario: Scenario, instance: PlanningInstance, specification: PlanSpecification,
                needScore: [Double], deprivation: Deprivation, plan: Plan, explanation: PlanExplanation? = nil) {
        self.dataset = dataset
        self.scenario = scenario
        self.instance = instance
        self.specification = specification
        self.needScore = needScore
        self.deprivation = deprivation
        self.plan = plan
        self.explanation = explanation
    }
}

/// The one way a scenario becomes a plan: scenario + dataset (+ inputs already derived) ->
/// specification -> model -> solve -> plan. `estate plan`, `compare` (scenario options), every
/// row of `batch` and every point of `frontier` go through `run`, and `specification(for:inputs:)`
/// is the only place a scenario's settings become a `PlanSpecification`; so no command can
/// answer a scenario differently from `estate plan` (a batch once dropped the equality duty).
public enum PlanPipeline {
    /// Solves a specification: `Planner.plan` unless a caller supplies an exact shortcut (a
    /// batch reuses plans of lifted limits that it has proven equal; `RelaxedPlans`).
    /// Sendable, since the explanations' re-solves run on several threads (`ResolveAhead`).
    public typealias Solve = @Sendable (_ instance: PlanningInstance, _ specification: PlanSpecification, _ areaIDs: [String]) throws -> Plan

    /// The planning question `scenario` asks of `inputs`.
    public static func specification(for scenario: Scenario, inputs: PlanningInputs) -> PlanSpecification {
        let c = scenario.constraints
        let deprived = c.minDeprivedCoverage == nil ? []
            : inputs.deprivation.mostDeprived(share: c.deprivedShare, ids: inputs.areaIDs)
        if !scenario.services.isEmpty {
            var specification = PlanSpecification(
                objective: scenario.objective,
                coverageMinutes: scenario.coverageMinutes,
                constraints: PlanConstraints(
                    budget: c.budget, carbon: c.carbon, maxSites: c.sites?.maximum, minSites: c.sites?.minimum,
                    minPerDistrict: c.minPerDistrict, minCoverage: c.minWeightedCoverage, capacity: c.capacity),
                deprivedAreas: deprived,
                timeLimit: scenario.solver.timeLimitSeconds,
                relativeGap: scenario.solver.mipGap)
            specification.services = serviceRules(for: scenario)
            return specification
        }
        return PlanSpecification(
            objective: scenario.objective,
            coverageMinutes: scenario.coverageMinutes,
            constraints: PlanConstraints(
                budget: c.budget, carbon: c.carbon, maxSites: c.sites?.maximum, minSites: c.sites?.minimum,
                minPerDistrict: c.minPerDistrict, minCoverage: c.minCoverage, minDistrictCoverage: c.minDistrictCoverage,
                minDeprivedCoverage: c.minDeprivedCoverage, maxMinutes: c.maxMinutes, capacity: c.capacity),
            deprivedAreas: deprived,
            timeLimit: scenario.solver.timeLimitSeconds,
            relativeGap: scenario.solver.mipGap)
    }

    /// `scenario`'s question answered with decisions given rather than solved (today's estate:
    /// every building kept), evaluated as any plan is, with status `feasible` and no bound: what
    /// the decisions achieve, whether or not they meet the scenario's limits. With services, each
    /// kept building offers every service it can host, and nothing is reached by outreach.
    public static func evaluate(scenario: Scenario, dataset: Dataset, inputs: PlanningInputs, keep: [Bool]) -> PlanContext {
        let specification = specification(for: scenario, inputs: inputs)
        let instance = inputs.instance
        let evaluation = PlanEvaluation(instance: instance, keep: keep, coverageMinutes: specification.coverageMinutes,
                                        assignment: nil)
        var services: ServiceOutcome?
        var objective = evaluation.objectiveValue(specification.objective)
        if let rules = specification.services, let offers = instance.services {
            let offered = (0 ..< instance.siteCount).map { j in (0 ..< offers.serviceCount).map { keep[j] && offers.siteHosts[$0][j] } }
            let none = offers.codes.map { _ in Array(repeating: 0.0, count: instance.areaCount) }
            let result = ServiceEvaluation(instance: instance, services: offers, rules: rules, keep: keep, offered: offered,
                                           outreach: none, assignment: nil)
            services = ServiceOutcome(codes: offers.codes, offered: offered, evaluation: result, assignment: nil)
            objective = result.objectiveValue(specification.objective, rules: rules)
        }
        var plan = Plan(status: .feasible, objective: objective, bound: nil, gap: nil,
                        seconds: 0, keep: keep, areaSite: evaluation.areaSite, areaMinutes: evaluation.areaMinutes,
                        areaCoveredShare: evaluation.areaCoveredShare, areaAssignment: [], conflicts: [],
                        reductions: ReductionReport(), message: "decisions given, not solved")
        plan.services = services
        return PlanContext(dataset: dataset, scenario: scenario, instance: inputs.instance, specification: specification,
                           needScore: inputs.scores.score, deprivation: inputs.deprivation, plan: plan)
    }

    /// The v2 rules of `scenario`: each service's own value, else the top-level one (FORMAT.md).
    static func serviceRules(for scenario: Scenario) -> ServiceRules {
        let c = scenario.constraints
        let codes = scenario.services.map(\.code)
        let rules = scenario.services.map { service in
            ServiceRule(
                coverageMinutes: service.coverageMinutes ?? scenario.coverageMinutes,
                minCoverage: service.minCoverage ?? c.minCoverage,
                minDistrictCoverage: service.minDistrictCoverage ?? c.minDistrictCoverage,
                minDeprivedCoverage: c.minDeprivedCoverage,
                maxMinutes: service.maxMinutes ?? c.maxMinutes,
                weight: service.weight, costPerSite: service.costPerSite,
                outreach: scenario.outreach?.delivers(service.code) ?? false)
        }
        return ServiceRules(
            services: rules,
            familyHubCore: scenario.familyHubs.map { $0.core.compactMap { codes.firstIndex(of: $0) } },
            familyHubsPerDistrict: scenario.familyHubs?.perDistrict ?? 1,
            outreachCostPerPerson: scenario.outreach?.costPerPerson ?? 0,
            outreachValue: scenario.outreach?.value ?? 1)
    }

    /// Plans `scenario` on `dataset`, deriving its inputs unless given. Throws `InputErrors` for
    /// inputs the readers could not catch and `PlanningError` for contradictory settings.
    /// `solverLog` lets GLPK print its progress (to standard output).
    public static func run(scenario: Scenario, dataset: Dataset, inputs: PlanningInputs? = nil, solverLog: Bool = false,
                           solve: Solve = Planner.plan) throws -> PlanContext {
        let inputs = try inputs ?? PlanningInputs(scenario: scenario, dataset: dataset)
        var specification = specification(for: scenario, inputs: inputs)
        specification.solverLog = solverLog
        let plan = try solve(inputs.instance, specification, inputs.areaIDs)
        return PlanContext(dataset: dataset, scenario: scenario, instance: inputs.instance, specification: specification,
                           needScore: inputs.scores.score, deprivation: inputs.deprivation, plan: plan)
    }
}
