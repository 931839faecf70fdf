import Estate
import Foundation

/// Finds a plan's `PlanExplanation` by re-solving its scenario through the same solve the plan
/// came from (`PlanPipeline.Solve`, `Planner.plan` by default): no second model answers "what
/// if". Explanations need a proven optimum (a plan stopped at a limit cannot be compared with its
/// alternatives) and cover building plans (v1); services plans are not explained yet.
public enum PlanExplainer {
    /// Whether `context`'s plan can be explained.
    public static func applies(to context: PlanContext) -> Bool {
        context.plan.status == .optimal && context.specification.services == nil
    }

    /// The sites whose decision a plan made (status `candidate`), which `explain` can re-solve.
    public static func decidedSites(_ context: PlanContext) -> [Int] {
        context.instance.siteStatus.indices.filter { context.instance.siteStatus[$0] == .candidate }
    }

    /// The explanation of `context`'s plan, or nil when it does not apply. `resolving` names the
    /// sites to re-solve forced the other way, beyond the quick plan-fixed figures every site
    /// gets: one solve each, so a caller bounds them (`estate plan --explain` re-solves every
    /// decided site: on the bundled Kent plan, 100 sites, about twenty times the default's time).
    public static func explain(_ context: PlanContext, resolving: [Int] = [],
                               solve: PlanPipeline.Solve = Planner.plan) throws -> PlanExplanation? {
        guard applies(to: context) else { return nil }
        let clock = ContinuousClock.now
        let instance = context.instance, spec = context.specification, plan = context.plan
        let areaIDs = context.dataset.areas.map(\.id)
        let children = context.dataset.areas.map(\.children)
        let baseline = PlanMeasures(plan, instance: instance, specification: spec, children: children)

        func resolve(_ changed: PlanSpecification, instance changedInstance: PlanningInstance? = nil) throws -> PlanExplanation.Resolve? {
            var question = changed
            question.solverLog = false
            let result: Plan
            do {
                result = try solve(changedInstance ?? instance, question, areaIDs)
            } catch is PlanningError {
                return nil // the changed limit contradicts another (e.g. fewer sites than the minimum)
            }
            guard result.status.hasPlan else { return .init(status: result.status, measures: nil, sameDecisions: false) }
            return .init(status: result.status,
                         measures: PlanMeasures(result, instance: changedInstance ?? instance, specification: question, children: children),
                         sameDecisions: result.keep == plan.keep)
        }

        var limits: [PlanExplanation.LimitEffect] = []
        for limit in ScenarioLimit.present(in: spec) {
            let value = limit.value(in: spec.constraints)!
            func moved(_ newValue: Double?) throws -> PlanExplanation.Resolve? {
                var changed = spec
                changed.constraints = limit.setting(newValue, in: spec.constraints)
                if limit == .minDeprivedCoverage && newValue == nil { changed.deprivedAreas = [] }
                return try resolve(changed)
            }
            guard let without = try moved(nil) else { continue }
            func step(_ direction: Double) throws -> PlanExplanation.Step? {
                guard limit != .capacity, let newValue = limit.stepped(value, direction: direction),
                      let result = try moved(newValue) else { return nil }
                return .init(value: newValue, result: result)
            }
            limits.append(.init(limit: limit, value: value, without: without, looser: try step(1), tighter: try step(-1)))
        }

        let evaluate = { (keep: [Bool]) in
            PlanMeasures(PlanEvaluation(instance: instance, keep: keep, coverageMinutes: spec.coverageMinutes, assignment: nil),
                         objective: spec.objective, children: children)
        }
        let everySiteKept = evaluate(instance.siteStatus.map { $0 != .close })
        var sites: [PlanExplanation.SiteEffect] = []
        let resolving = Set(resolving)
        for j in decidedSites(context) {
            var flipped: PlanMeasures?
            if spec.constraints.capacity == nil {
                var keep = plan.keep
                keep[j].toggle()
                flipped = evaluate(keep)
            }
            var resolved: PlanExplanation.Resolve?
            if resolving.contains(j) {
                var forced = instance
                forced.siteStatus[j] = plan.keep[j] ? .close : .keep
                resolved = try resolve(spec, instance: forced)
            }
            guard flipped != nil || resolved != nil else { continue }
            sites.append(.init(site: j, kept: plan.keep[j], flipped: flipped, resolved: resolved))
        }
        let elapsed = ContinuousClock.now - clock
        return PlanExplanation(
            baseline: baseline, everySiteKept: everySiteKept, limits: limits, sites: sites,
            siteMethod: resolving.isEmpty ? .planFixed : .resolve,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
}
