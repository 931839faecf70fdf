import Batch
import Estate
import Foundation
import Planning
import Reports

/// One plan on (or beside) a frontier: how its solve ended and what it achieves.
public struct FrontierPlan: Sendable, Equatable {
    /// How the solve ended; frontier points are solved with a zero MIP gap, so
    /// anything but `optimal` means a limit stopped it.
    public var status: PlanStatus
    /// The optimised objective as FORMAT.md defines it.
    public var objective: Double?
    /// The solver's proven bound on it.
    public var bound: Double?
    /// Relative gap between objective and bound (0 when proven optimal).
    public var gap: Double?
    /// The plan's totals (cost, carbon, coverage, travel).
    public var totals: PlanTotals
    /// Ids of the kept sites, sorted.
    public var keptSites: [String]
}

/// Why a frontier could not be traced.
public enum FrontierError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pair of criteria cannot be traced (x cannot be bounded, or x = y).
    case unsupported(x: FrontierCriterion, y: FrontierCriterion)
    /// Not even the loosest bound has a plan: the scenario's other constraints conflict.
    case noPlan(objective: Objective, status: PlanStatus, message: String?)

    /// What went wrong and what to do.
    public var description: String {
        switch self {
        case let .unsupported(x, y):
            if x == y { return "--x and --y are both \(x.rawValue); choose two different criteria" }
            return "--x \(x.rawValue) cannot be bounded by a scenario constraint; choose --x among "
                + FrontierCriterion.allCases.filter(\.canConstrain).map(\.rawValue).joined(separator: ", ")
                + " (y: \(y.rawValue))"
        case let .noPlan(objective, status, message):
            return "no plan for \(objective.rawValue) under the scenario's other constraints (\(status.rawValue)"
                + (message.map { ": \($0)" } ?? "") + ")"
        }
    }
}

/// The Pareto frontier between two criteria of a scenario, traced with the planner by
/// the epsilon-constraint method: optimise y with x bounded by epsilon, for epsilons
/// chosen adaptively by `ParetoTracer` between x's best achievable value and its value
/// at y's optimum. Every other constraint of the scenario is kept; the scenario's own
/// bounds on x and y are lifted. Each point is solved with a zero MIP gap, and ties in y
/// are broken by the planner's second solve (cheapest plan).
public struct PlanFrontier: Sendable {
    /// The constrained criterion.
    public var x: FrontierCriterion
    /// The optimised criterion.
    public var y: FrontierCriterion
    /// The swept epsilon range, in x's units.
    public var range: ClosedRange<Double>
    /// The non-dominated points, x ascending.
    public var points: [FrontierPoint<FrontierPlan>]
    /// Solves made along the sweep (the two ends of the range are found by two more).
    public var solves: Int
    /// Bounds under which no plan exists, in the order tried.
    public var infeasibleEpsilons: [Double]
    /// The knee of the frontier, when it has at least three points.
    public var knee: FrontierPoint<FrontierPlan>?
    /// The scenario as written (its own objective and bounds), for comparison; nil
    /// when it has no plan.
    public var scenarioPoint: FrontierPoint<FrontierPlan>?
    /// Today's estate: every building kept, evaluated (not solved) under the scenario's
    /// coverage standard (with services, each building offering all it can host).
    public var today: FrontierPoint<FrontierPlan>?
    /// Whether today's coverage is the ceiling no plan can pass: not when outreach may reach
    /// what no building does.
    public var todayIsCeiling = true

    /// Traces the frontier of `scenario` on `dataset` in at most `maxSolves` solves along
    /// the sweep (plus two to find its ends and one for the scenario's own point).
    public static func trace(scenario: Scenario, dataset: Dataset, x: FrontierCriterion, y: FrontierCriterion,
                             maxSolves: Int) throws -> PlanFrontier {
        guard x.canConstrain, x != y else { throw FrontierError.unsupported(x: x, y: y) }
        let points = try FrontierPoints(scenario: scenario, dataset: dataset, x: x, y: y)
        func end(_ objective: Objective) throws -> FrontierPlan {
            let (plan, point) = try points.solve(objective: objective, epsilon: nil)
            guard let point else { throw FrontierError.noPlan(objective: objective, status: plan.status, message: plan.message) }
            return point
        }
        func point(_ epsilon: Double, _ plan: FrontierPlan) -> FrontierPoint<FrontierPlan> {
            FrontierPoint(epsilon: epsilon, x: x.value(plan.totals), y: y.value(plan.totals), payload: plan)
        }

        let xBest = x.value(try end(x.objective).totals)
        let yBest = try end(y.objective)
        let xLoose = x.value(yBest.totals)
        let range = min(xBest, xLoose) ... max(xBest, xLoose)
        var frontier = [point(xLoose, yBest)], solves = 0, infeasible: [Double] = []
        // Without a range there is no trade-off: y's optimum already achieves x's best.
        if range.upperBound - range.lowerBound > (x.resolution ?? 0) {
            let tracer = ParetoTracer(x: x.sense, y: y.sense, range: range, maxSolves: maxSolves, resolution: x.resolution)
            let traced = try tracer.trace { epsilon -> (x: Double, y: Double, payload: FrontierPlan)? in
                let (plan, found) = try points.solve(objective: y.objective, epsilon: epsilon)
                if plan.status == .infeasible { return nil }
                guard let found else {
                    throw FrontierError.noPlan(objective: y.objective, status: plan.status, message: plan.message)
                }
                return (x.value(found.totals), y.value(found.totals), found)
            }
            (frontier, solves, infeasible) = (traced.points, traced.solves, traced.infeasibleEpsilons)
        }
        let own = try points.solve(points.scenario).point
        var result = PlanFrontier(x: x, y: y, range: range, points: frontier, solves: solves, infeasibleEpsilons: infeasible,
                                  knee: ParetoFilter.knee(frontier), scenarioPoint: own.map { point(.nan, $0) },
                                  today: points.everyBuildingKept().map { point(.nan, $0) })
        result.todayIsCeiling = scenario.services.isEmpty || scenario.outreach == nil
        return result
    }

    /// Whether the scenario's own point is on or beyond the frontier (no frontier point
    /// is at least as good in both criteria and better in one), so it belongs on the plot.
    public var scenarioIsNondominated: Bool {
        guard let own = scenarioPoint else { return false }
        let u = x.sense == .minimize ? 1.0 : -1.0, v = y.sense == .maximize ? 1.0 : -1.0
        return !points.contains { p in
            u * p.x <= u * own.x && v * p.y >= v * own.y && (u * p.x < u * own.x || v * p.y > v * own.y)
        }
    }
}

/// The plans of one frontier: each is the scenario with y as objective, x bounded by an
/// epsilon, the scenario's own bounds on x and y lifted and a zero MIP gap, planned through
/// `PlanPipeline` on inputs derived once, exactly as `estate plan` would plan that scenario.
struct FrontierPoints {
    let scenario: Scenario
    let dataset: Dataset
    let x: FrontierCriterion
    let y: FrontierCriterion
    let inputs: PlanningInputs

    init(scenario: Scenario, dataset: Dataset, x: FrontierCriterion, y: FrontierCriterion) throws {
        (self.scenario, self.dataset, self.x, self.y) = (scenario, dataset, x, y)
        inputs = try PlanningInputs(scenario: scenario, dataset: dataset)
    }

    /// The scenario solved for `objective` with x bounded by `epsilon` (unbounded when nil).
    func scenario(objective: Objective, epsilon: Double?) -> Scenario {
        var point = scenario
        point.objective = objective
        point.solver.mipGap = 0
        x.release(&point)
        y.release(&point)
        if let epsilon { x.constrain(&point, to: epsilon) }
        return point
    }

    /// Today's estate: every building kept, evaluated through the planning path's own
    /// evaluation (no solve), under the scenario's coverage standard; with `services:`, each
    /// building offering every service it can host and no outreach.
    func everyBuildingKept() -> FrontierPlan? {
        let context = PlanPipeline.evaluate(scenario: scenario, dataset: dataset, inputs: inputs,
                                            keep: Array(repeating: true, count: dataset.sites.count))
        return FrontierPlan(status: context.plan.status, objective: context.plan.objective, bound: nil, gap: nil,
                            totals: PlanTables(context).totals, keptSites: dataset.sites.map(\.id).sorted())
    }

    /// Plans the frontier scenario for `objective` at `epsilon`.
    func solve(objective: Objective, epsilon: Double?) throws -> (plan: Plan, point: FrontierPlan?) {
        try solve(scenario(objective: objective, epsilon: epsilon))
    }

    /// Plans `scenario` (one of this frontier's) and summarises it as a frontier plan.
    func solve(_ scenario: Scenario) throws -> (plan: Plan, point: FrontierPlan?) {
        let context = try PlanPipeline.run(scenario: scenario, dataset: dataset, inputs: inputs)
        let plan = context.plan
        guard plan.status.hasPlan else { return (plan, nil) }
        let kept = plan.keep.indices.filter { plan.keep[$0] }.map { dataset.sites[$0].id }.sorted()
        return (plan, FrontierPlan(status: plan.status, objective: plan.objective, bound: plan.bound, gap: plan.gap,
                                   totals: PlanTables(context).totals, keptSites: kept))
    }
}
