import Batch
import Estate
import EstateIO
import Foundation
import Planning
import Reports

/// The planner as a batch's `ScenarioSolver`: decodes an expanded scenario, plans it
/// on the batch's shared inputs, and summarises the plan as a result row.
///
/// Each call runs wholly on the calling thread (GLPK's environment is thread-local),
/// and calls may run on several threads at once: everything shared lives in
/// `SharedInputs`, which is thread-safe.
public struct BatchPlanSolver: Sendable {
    /// The batch's shared, once-computed inputs.
    public let inputs: SharedInputs
    /// Recorded in `summary.json` of the plan folders.
    public let engineVersion: String
    /// When set, each scenario's full plan folder is written to `plansFolder/<id>/`.
    public let plansFolder: URL?
    /// Plans with the upper limits lifted, reused by scenarios they satisfy.
    private let relaxed = RelaxedPlans()

    /// A solver for the scenarios of `scenarioFile`, reading travel times through `travelCache` when given.
    public init(scenarioFile: URL, engineVersion: String, plansFolder: URL? = nil, travelCache: TravelCache? = nil) {
        self.inputs = SharedInputs(scenarioFile: scenarioFile, travelCache: travelCache)
        self.engineVersion = engineVersion
        self.plansFolder = plansFolder
    }

    /// The solver closure for `BatchJob.run` / `BatchRunner.run`.
    public var closure: ScenarioSolver {
        let solver = self
        return { scenario in try solver.solve(scenario) }
    }

    /// Plans one expanded scenario. Bad input throws (the runner stores an `error` row
    /// with the message); every solver outcome, infeasible included, is a result.
    public func solve(_ expanded: ExpandedScenario) throws -> BatchResult {
        let scenario = try inputs.scenario(expanded)
        let prepared: PreparedScenario
        let context: PlanContext
        do {
            prepared = try inputs.prepare(scenario)
            context = try PlanPipeline.run(
                scenario: scenario, dataset: prepared.dataset, inputs: prepared.inputs,
                solve: relaxed.solve(varying: Self.variedLimits(expanded), instanceKey: prepared.instanceKey))
        } catch let errors as InputErrors {
            throw inputs.attribute(errors, to: expanded.overrides)
        }
        if let plansFolder {
            let files = try PlanFiles.make(context, engineVersion: engineVersion)
            try OutputFolder(url: plansFolder.appendingPathComponent(expanded.id), kind: .plan, version: engineVersion)
                .replace(with: files)
        }
        return Self.result(context, inputHashes: prepared.inputHashes)
    }

    /// The upper limits the batch varies (from the scenario's batch parameters): only
    /// those are worth lifting, since a lifted problem is shared by the scenarios that
    /// differ in them; lifting anything else would cost an extra solve per scenario.
    static func variedLimits(_ scenario: ExpandedScenario) -> [UpperLimit] {
        UpperLimit.allCases.filter { limit in scenario.parameters.contains { $0.key.hasPrefix(limit.key) } }
    }

    /// The result row of a planned scenario: status, objective, bound, gap, totals and kept sites.
    static func result(_ context: PlanContext, inputHashes: [String: String]) -> BatchResult {
        let plan = context.plan
        var result = BatchResult(status: plan.status, objective: plan.objective, bound: plan.bound,
                                 gap: plan.gap, inputHashes: inputHashes, message: plan.message)
        if plan.status.hasPlan {
            let totals = PlanTables(context).totals
            result.totals = BatchTotals(sitesKept: totals.sitesKept, cost: totals.cost, saving: totals.saving,
                                        carbon: totals.carbon, coverage: totals.coverage)
            result.keptSites = plan.keep.indices.filter { plan.keep[$0] }.map { context.dataset.sites[$0].id }.sorted()
        }
        if plan.status == .infeasible, !plan.conflicts.isEmpty {
            result.message = "constraints in conflict: "
                + plan.conflicts.map(\.constraint.rawValue).joined(separator: ", ")
        }
        return result
    }
}
