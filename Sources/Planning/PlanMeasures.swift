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
    /// A services (v2) plan's coverage service by service; nil for buildings alone.
    public var services: ServiceShares?

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
        if let outcome = plan.services, let rules = specification.services, let services = instance.services {
            self.init(outcome.evaluation, keep: plan.keep, instance: instance, services: services, rules: rules,
                      specification: specification, children: children)
            if let objective = plan.objective { self.objective = objective }
            return
        }
        let evaluation = PlanEvaluation(instance: instance, keep: plan.keep, coverageMinutes: specification.coverageMinutes,
                                        assignment: specification.constraints.capacity == nil ? nil
                                            : plan.areaAssignment.map { $0.map { ($0.site, $0.share) } })
        self.init(evaluation, objective: specification.objective, children: children)
        if let objective = plan.objective { self.objective = objective }
    }

    /// The measures of a v2 plan's `evaluation`: the objective, total cost (buildings, services,
    /// outreach) and weighted coverage share as FORMAT.md defines them for v2, children within
    /// the coverage time of a kept building, and each service's shares.
    public init(_ evaluation: ServiceEvaluation, keep: [Bool], instance: PlanningInstance, services: ServiceInstance,
                rules: ServiceRules, specification: PlanSpecification, children: [Double]) {
        let buildings = PlanEvaluation(instance: instance, keep: keep, coverageMinutes: specification.coverageMinutes, assignment: nil)
        var covered = 0.0, total = 0.0
        for (k, rule) in rules.services.enumerated() {
            covered += rule.weight * evaluation.coveredWeight[k]
            total += rule.weight * evaluation.totalWeight[k]
        }
        self.init(objective: evaluation.objectiveValue(specification.objective, rules: rules), cost: evaluation.cost,
                  carbon: evaluation.carbon, sitesKept: evaluation.sitesKept, coverage: total > 0 ? covered / total : 1,
                  childrenCovered: zip(buildings.areaCoveredShare, children).reduce(0) { $0 + $1.0 * $1.1 })
        self.services = ServiceShares(evaluation, instance: instance, services: services, rules: rules,
                                      deprivedAreas: specification.deprivedAreas)
    }
}

/// A v2 plan's coverage service by service, each share of the service's need-weighted population
/// with outreach counted at its value (what the service's floors bound), and its Family Hubs.
public struct ServiceShares: Sendable, Equatable {
    /// `[k]`: county-wide.
    public var county: [Double]
    /// `[k][d]`: within district `d` (1 where the district has none of the service's population).
    public var district: [[Double]]
    /// `[k]`: over the most deprived areas (1 where there are none).
    public var deprived: [Double]
    /// Kept sites offering every core service.
    public var familyHubs: Int
    /// The fewest Family Hubs in a district able to have one; nil without `family_hubs`.
    public var fewestHubsInADistrict: Int?
    /// Yearly cost of the services at their sites and of outreach (GBP).
    public var serviceCost: Double
    public var outreachCost: Double

    public init(_ evaluation: ServiceEvaluation, instance: PlanningInstance, services: ServiceInstance, rules: ServiceRules,
                deprivedAreas: [Int]) {
        let deprived = Set(deprivedAreas)
        county = []; district = []; self.deprived = []
        for k in 0 ..< services.serviceCount {
            var byDistrict = Array(repeating: (covered: 0.0, total: 0.0), count: instance.districtCount)
            var all = (covered: 0.0, total: 0.0), poorest = (covered: 0.0, total: 0.0)
            for i in 0 ..< instance.areaCount {
                let w = services.areaWeight[k][i]
                let c = w * (evaluation.coveredShare[k][i] + rules.outreachValue * evaluation.outreachShare[k][i])
                all.covered += c; all.total += w
                byDistrict[instance.areaDistrict[i]].covered += c
                byDistrict[instance.areaDistrict[i]].total += w
                if deprived.contains(i) { poorest.covered += c; poorest.total += w }
            }
            func share(_ x: (covered: Double, total: Double)) -> Double { x.total > 0 ? x.covered / x.total : 1 }
            county.append(share(all))
            district.append(byDistrict.map(share))
            self.deprived.append(share(poorest))
        }
        familyHubs = evaluation.familyHub.filter { $0 }.count
        if let core = rules.familyHubCore {
            var hubs: [Int: Int] = [:]
            for j in 0 ..< instance.siteCount where core.allSatisfy({ services.siteHosts[$0][j] }) {
                hubs[instance.siteDistrict[j], default: 0] += evaluation.familyHub[j] ? 1 : 0
            }
            fewestHubsInADistrict = hubs.values.min()
        }
        serviceCost = evaluation.serviceCost.reduce(0, +)
        outreachCost = evaluation.outreachCost.reduce(0, +)
    }
}
