import Estate
import Foundation

/// Finds a plan's `PlanExplanation` by re-solving its scenario through the same solve the plan
/// came from (`PlanPipeline.Solve`, `Planner.plan` by default): no second model answers "what
/// if". Explanations need a proven optimum (a plan stopped at a limit cannot be compared with its
/// alternatives); they cover building plans (v1) and services plans (v2) alike.
///
/// Some answers follow from nesting without a solve, and are marked `inferred`: when a scenario
/// that allows more (limits dropped) has an optimum no better than this plan's, this plan is
/// optimal for every scenario in between (the limit loosened by a step, dropped alone); when this
/// plan already meets a limit tightened by a step, it stays optimal under it. Several floors are
/// dropped together first, so that one solve settles every floor that holds nothing back.
public enum PlanExplainer {
    /// Whether `context`'s plan can be explained.
    public static func applies(to context: PlanContext) -> Bool {
        context.plan.status == .optimal
    }

    /// The sites whose decision a plan made (status `candidate`), which `explain` can re-solve.
    public static func decidedSites(_ context: PlanContext) -> [Int] {
        context.instance.siteStatus.indices.filter { context.instance.siteStatus[$0] == .candidate }
    }

    /// The re-solves the commands allow by default: the most telling ones (what one more step of
    /// the budget, carbon or sites buys; whether the floors hold anything back, all in one solve;
    /// what dropping the budget gains). A count, not seconds, so that the same inputs give the
    /// same explanations on a loaded machine as on an idle one; `--explain-resolves` allows more.
    public static let defaultResolves = 3

    /// Threads that answer re-solves ahead of the explanation (``ResolveAhead``): one per core
    /// beyond the explanation's own. The explanation is the same with any number.
    public static var helperThreads: Int { max(0, ProcessInfo.processInfo.activeProcessorCount - 1) }

    /// One re-solve: the scenario changed, and the building whose decision it forces the other way.
    struct Question: Equatable, Sendable {
        var specification: PlanSpecification
        var forcedSite: Int?
    }

    /// The explanation of `context`'s plan, or nil when it does not apply. `resolving` names the
    /// sites to re-solve forced the other way, beyond the quick plan-fixed figures every site
    /// gets: one solve each, so a caller bounds them (`estate plan --explain` re-solves every
    /// decided site: on the bundled Kent plan, 100 sites, about twenty times the default's time).
    /// `resolves` bounds how many re-solves run (nil: no bound): the most telling first (what one
    /// more step of the budget buys), and those left when it runs out are counted in `skipped`.
    /// Each re-solve runs within the scenario's own time limit and nothing else, so the figures
    /// depend on the inputs only, never on how busy the machine is. `helpers` threads answer the
    /// re-solves the explanation is sure to ask ahead of it (``ResolveAhead``), which changes how
    /// long it takes, never what it says.
    public static func explain(_ context: PlanContext, resolving: [Int] = [], resolves allowed: Int? = nil,
                               helpers: Int = helperThreads, solve: @escaping PlanPipeline.Solve = Planner.plan) throws -> PlanExplanation? {
        guard applies(to: context) else { return nil }
        let clock = ContinuousClock.now
        func elapsed() -> Double {
            let duration = ContinuousClock.now - clock
            return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        }
        let instance = context.instance, spec = context.specification, plan = context.plan
        let areaIDs = context.dataset.areas.map(\.id)
        let children = context.dataset.areas.map(\.children)
        let baseline = PlanMeasures(plan, instance: instance, specification: spec, children: children)
        let unchanged = PlanExplanation.Resolve(status: .optimal, measures: baseline, sameDecisions: true, inferred: true)
        var skipped = 0, ran = 0

        /// The re-solve of `changed` (with `site`'s decision forced the other way).
        func question(_ changed: PlanSpecification, forcing site: Int? = nil) -> Question {
            var specification = changed
            specification.solverLog = false
            // A neighbour of the plan explained: its relaxation starts from the plan's.
            specification.warmStart = plan.relaxationBasis
            return Question(specification: specification, forcedSite: site)
        }
        let keep = plan.keep
        @Sendable func instanceSolved(_ question: Question) -> PlanningInstance {
            guard let j = question.forcedSite else { return instance }
            var forced = instance
            forced.siteStatus[j] = keep[j] ? .close : .keep
            return forced
        }
        var ahead: ResolveAhead<Question>?
        defer { ahead?.finish() }
        func resolve(_ question: Question) throws -> PlanExplanation.Resolve? {
            if let allowed, ran >= allowed {
                skipped += 1
                return .skipped
            }
            ran += 1
            let result: Plan
            do {
                result = try ahead?.answer(question) ?? solve(instanceSolved(question), question.specification, areaIDs)
            } catch is PlanningError {
                return nil // the changed limit contradicts another (e.g. fewer sites than the minimum)
            }
            guard result.status.hasPlan else { return .init(status: result.status, measures: nil, sameDecisions: false) }
            return .init(status: result.status,
                         measures: PlanMeasures(result, instance: instanceSolved(question), specification: question.specification,
                                                children: children),
                         sameDecisions: result.keep == plan.keep && result.services?.offered == plan.services?.offered)
        }
        /// Whether a relaxed scenario's optimum is no better than the plan's: then the plan is
        /// optimal for it and for every scenario between the two.
        func holdsNothingBack(_ result: PlanExplanation.Resolve?) -> Bool {
            guard let result, result.status == .optimal, let m = result.measures else { return false }
            return !PlanExplanation.improves(m.objective, on: baseline.objective, objective: spec.objective)
        }

        // Each limit the scenario sets, with its figures filled in by the passes below.
        struct Entry {
            var limit: ScenarioLimit
            var service: Int?
            var value: Double
            var without: PlanExplanation.Resolve?
            var looser: PlanExplanation.Step?
            var tighter: PlanExplanation.Step?
            /// The re-solve failed as a question (the changed limit contradicts another).
            var refused = false
        }
        var entries = ScenarioLimit.present(in: spec).map { Entry(limit: $0.limit, service: $0.service, value: $0.limit.value(in: spec, service: $0.service)!) }
        func changed(_ entry: Entry, _ value: Double?, in base: PlanSpecification = spec) -> PlanSpecification {
            entry.limit.setting(value, in: base, service: entry.service)
        }
        func step(_ index: Int, _ direction: Double) throws -> PlanExplanation.Step? {
            let entry = entries[index]
            guard let value = entry.limit.stepped(entry.value, direction: direction) else { return nil }
            if direction < 0, meets(entry.limit, service: entry.service, value, baseline) == true { return .init(value: value, result: unchanged) }
            if direction > 0, holdsNothingBack(entry.without) { return .init(value: value, result: unchanged) }
            guard let result = try resolve(question(changed(entry, value))) else { return nil }
            return .init(value: value, result: result)
        }
        let resources: Set<ScenarioLimit> = [.budget, .carbon, .maxSites]
        let floors = entries.indices.filter { !resources.contains(entries[$0].limit) && entries[$0].limit != .outreach }
        let outreachUnused = plan.services?.evaluation.outreachWeight.allSatisfy({ $0 == 0 }) == true

        // The re-solves the passes below are sure to ask, in their order (the answers decide the
        // rest), answered ahead by the helpers: the resources a step looser, the floors dropped
        // together, each limit dropped that no answer can settle (the resources; the floors when
        // they are not dropped together; outreach when the plan uses it), each limit a step
        // tighter that the plan does not meet, then the buildings. No more than the allowance.
        var sure: [Question] = []
        for entry in entries where resources.contains(entry.limit) {
            if let value = entry.limit.stepped(entry.value, direction: 1) { sure.append(question(changed(entry, value))) }
        }
        if floors.count > 1 { sure.append(question(floors.reduce(spec) { changed(entries[$1], nil, in: $0) })) }
        for (index, entry) in entries.enumerated()
        where resources.contains(entry.limit) || (floors.count <= 1 && floors.contains(index)) || (entry.limit == .outreach && !outreachUnused) {
            sure.append(question(changed(entry, nil)))
        }
        for entry in entries where entry.limit != .capacity {
            if let value = entry.limit.stepped(entry.value, direction: -1),
               meets(entry.limit, service: entry.service, value, baseline) != true {
                sure.append(question(changed(entry, value)))
            }
        }
        let resolvingSet = Set(resolving)
        sure += decidedSites(context).filter(resolvingSet.contains).map { question(spec, forcing: $0) }
        if helpers > 0 {
            let instanceOf = instanceSolved
            ahead = ResolveAhead(Array(sure.prefix(allowed ?? sure.count)), helpers: helpers) { question in
                try solve(instanceOf(question), question.specification, areaIDs)
            }
        }

        // 1. What one more step of money, carbon or sites buys: the marginal values.
        for index in entries.indices where resources.contains(entries[index].limit) {
            entries[index].looser = try step(index, 1)
        }
        // 2. The other limits that only restrict dropped together: when that gains nothing, the
        // plan stays optimal without each of them (dropping outreach takes an option away, so it
        // is not among them).
        if floors.count > 1 {
            let relaxed = floors.reduce(spec) { changed(entries[$1], nil, in: $0) }
            if holdsNothingBack(try resolve(question(relaxed))) {
                for index in floors { entries[index].without = unchanged }
            }
        }
        // 3. Each limit dropped alone; outreach dropped changes nothing when the plan uses none.
        for index in entries.indices where entries[index].without == nil {
            if entries[index].limit == .outreach, outreachUnused {
                entries[index].without = unchanged
                continue
            }
            guard let result = try resolve(question(changed(entries[index], nil))) else {
                entries[index].refused = true
                continue
            }
            entries[index].without = result
        }
        // 4. The other limits loosened by a step, then 5. every limit tightened by one.
        for index in entries.indices where entries[index].limit != .capacity && !resources.contains(entries[index].limit) {
            entries[index].looser = try step(index, 1)
        }
        for index in entries.indices where entries[index].limit != .capacity {
            entries[index].tighter = try step(index, -1)
        }
        let limits = entries.compactMap { entry -> PlanExplanation.LimitEffect? in
            guard !entry.refused, let without = entry.without else { return nil }
            return .init(limit: entry.limit, service: entry.service, value: entry.value, without: without,
                         looser: entry.looser, tighter: entry.tighter)
        }

        let everySiteKept = allowedMost(context, children: children)
        var sites: [PlanExplanation.SiteEffect] = []
        for j in decidedSites(context) {
            let flipped = spec.constraints.capacity == nil ? flippedMeasures(context, site: j, children: children) : nil
            var resolved: PlanExplanation.Resolve?
            if resolvingSet.contains(j) {
                resolved = try resolve(question(spec, forcing: j))
            }
            guard flipped != nil || resolved != nil else { continue }
            sites.append(.init(site: j, kept: plan.keep[j], flipped: flipped, resolved: resolved))
        }
        var explanation = PlanExplanation(
            baseline: baseline, everySiteKept: everySiteKept, limits: limits, sites: sites,
            siteMethod: resolvingSet.isEmpty ? .planFixed : .resolve, seconds: elapsed())
        explanation.allowedResolves = allowed
        explanation.resolves = ran
        explanation.skipped = skipped
        return explanation
    }

    /// Whether `baseline` (the plan explained) already meets `limit` (`service`'s own) at `value`; nil when
    /// the measures cannot tell (then a re-solve answers).
    public static func meets(_ limit: ScenarioLimit, service: Int?, _ value: Double, _ baseline: PlanMeasures) -> Bool? {
        let tolerance = 1e-9
        let services = baseline.services
        switch (limit, service) {
        case (.budget, _): return baseline.cost <= value + 1e-6
        case (.carbon, _): return baseline.carbon <= value + 1e-6
        case (.maxSites, _): return Double(baseline.sitesKept) <= value
        case (.minSites, _): return Double(baseline.sitesKept) >= value
        case (.minCoverage, nil): return baseline.coverage >= value - tolerance
        case (.minCoverage, let k?): return services.map { $0.county[k] >= value - tolerance }
        case (.minDistrictCoverage, let k?): return services.map { $0.district[k].allSatisfy { $0 >= value - tolerance } }
        case (.minDeprivedCoverage, let k?): return services.map { $0.deprived[k] >= value - tolerance }
        case (.familyHubs, _): return services?.fewestHubsInADistrict.map { Double($0) >= value }
        default: return nil
        }
    }

    /// The plan with only site `j`'s decision turned the other way (no solve). In a v2 plan, a
    /// site kept as well offers every service it can host; outreach stays where the plan sends
    /// it (areas a kept building now covers need none).
    static func flippedMeasures(_ context: PlanContext, site j: Int, children: [Double]) -> PlanMeasures {
        let instance = context.instance, spec = context.specification, plan = context.plan
        var keep = plan.keep
        keep[j].toggle()
        guard let outcome = plan.services, let rules = spec.services, let services = instance.services else {
            return PlanMeasures(PlanEvaluation(instance: instance, keep: keep, coverageMinutes: spec.coverageMinutes, assignment: nil),
                                objective: spec.objective, children: children)
        }
        var offered = outcome.offered
        if keep[j] { offered[j] = (0 ..< services.serviceCount).map { services.siteHosts[$0][j] } }
        let evaluation = ServiceEvaluation(instance: instance, services: services, rules: rules, keep: keep, offered: offered,
                                           outreach: outcome.evaluation.outreachShare, assignment: nil)
        return PlanMeasures(evaluation, keep: keep, instance: instance, services: services, rules: rules,
                            specification: spec, children: children)
    }

    /// Every site kept that is not marked close (today's estate), offering everything it can
    /// host, with outreach everywhere it may go: the most the data allows.
    static func allowedMost(_ context: PlanContext, children: [Double]) -> PlanMeasures {
        let instance = context.instance, spec = context.specification
        let keep = instance.siteStatus.map { $0 != .close }
        guard let rules = spec.services, let services = instance.services else {
            return PlanMeasures(PlanEvaluation(instance: instance, keep: keep, coverageMinutes: spec.coverageMinutes, assignment: nil),
                                objective: spec.objective, children: children)
        }
        let offered = (0 ..< instance.siteCount).map { j in (0 ..< services.serviceCount).map { services.siteHosts[$0][j] } }
        let outreach = (0 ..< services.serviceCount).map { _ in Array(repeating: 1.0, count: instance.areaCount) }
        let evaluation = ServiceEvaluation(instance: instance, services: services, rules: rules, keep: keep, offered: offered,
                                           outreach: outreach, assignment: nil)
        return PlanMeasures(evaluation, keep: keep, instance: instance, services: services, rules: rules,
                            specification: spec, children: children)
    }
}
