import Estate
import Foundation
import Planning

/// An upper limit of a scenario that a batch may sweep.
enum UpperLimit: CaseIterable, Sendable {
    /// `constraints.budget` (GBP per year).
    case budget
    /// `constraints.carbon` (tCO2e per year).
    case carbon
    /// `constraints.sites` (its maximum).
    case sites

    /// The scenario key a batch parameter varies for this limit.
    var key: String {
        switch self {
        case .budget: "constraints.budget"
        case .carbon: "constraints.carbon"
        case .sites: "constraints.sites"
        }
    }

    func lift(_ constraints: inout PlanConstraints) {
        switch self {
        case .budget: constraints.budget = nil
        case .carbon: constraints.carbon = nil
        case .sites: constraints.maxSites = nil
        }
    }
}

/// Plans of scenarios with upper limits (budget, carbon cap, most sites) lifted, shared
/// by every scenario of a batch that differs from another only in those limits.
///
/// Why this is exact: lifting limits can only enlarge the set of feasible plans. If the
/// lifted problem's plan (proven optimal, ties broken by the planner's second solve)
/// also keeps within a scenario's limits, no plan of the scenario can beat it on the
/// objective (it would beat the lifted optimum too), nor on the tie-breaker among
/// equally good plans; so it is that scenario's plan, with the same objective, bound
/// and gap. Otherwise the scenario is solved as usual. A budget sweep typically has many
/// budgets that do not bind, each of which then costs no solve at all.
///
/// Which limits are lifted: every limit the batch varies at once, then (with two or
/// more) each one alone, in a fixed order; each lifted problem is solved once per batch.
/// Deterministic whatever the thread count: whether a scenario reuses a lifted plan
/// depends only on that plan, computed once (other threads wait for it), never on which
/// scenario happened to finish first.
final class RelaxedPlans: Sendable {
    private let plans = OnceCache<String, Plan>()

    /// The pipeline's solve step for one scenario of the batch: its plan taken from a lifted
    /// problem when one proves it, else its own solve. `varied` are the limits the batch sweeps.
    func solve(varying varied: [UpperLimit], instanceKey: String) -> PlanPipeline.Solve {
        { instance, specification, areaIDs in
            try self.lifted(specification, varying: varied, instanceKey: instanceKey, instance: instance, areaIDs: areaIDs)
                ?? Planner.plan(instance, specification, areaIDs: areaIDs)
        }
    }

    /// The scenario's plan taken from a lifted problem, or nil when the scenario must be
    /// solved itself.
    private func lifted(_ specification: PlanSpecification, varying varied: [UpperLimit], instanceKey: String,
                        instance: PlanningInstance, areaIDs: [String]) throws -> Plan? {
        let present = varied.filter { limit in
            switch limit {
            case .budget: specification.constraints.budget != nil
            case .carbon: specification.constraints.carbon != nil
            case .sites: specification.constraints.maxSites != nil
            }
        }
        guard !present.isEmpty else { return nil }
        let liftings = present.count > 1 ? [present] + present.map { [$0] } : [present]
        for lifting in liftings {
            var lifted = specification
            for limit in lifting { limit.lift(&lifted.constraints) }
            let key = instanceKey + "|" + String(describing: lifted)
            let plan = try plans.value(for: key) { try Planner.plan(instance, lifted, areaIDs: areaIDs) }
            if plan.status == .optimal, Self.keepsWithin(plan, specification.constraints, instance) { return plan }
        }
        return nil
    }

    /// Whether a plan's kept sites (and, with services, what they offer) respect the budget, carbon
    /// cap and site maximum.
    private static func keepsWithin(_ plan: Plan, _ limits: PlanConstraints, _ instance: PlanningInstance) -> Bool {
        var cost = 0.0, carbon = 0.0, sites = 0
        for site in plan.keep.indices where plan.keep[site] {
            cost += instance.siteCost[site]
            carbon += instance.siteCarbon[site]
            sites += 1
        }
        // v2: the budget bounds buildings, services and outreach together.
        if let services = plan.services { cost = services.evaluation.cost }
        if let budget = limits.budget, cost > budget { return false }
        if let cap = limits.carbon, carbon > cap { return false }
        if let most = limits.maxSites, sites > most { return false }
        return true
    }
}
