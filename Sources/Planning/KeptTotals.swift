/// The running totals of the buildings a greedy keeps, and whether more fits the budget, the
/// carbon cap and the site maximum: one rule for the buildings-only (`PlanHeuristic`) and the
/// services (`ServiceHeuristic`) greedies, whose moves differ but whose building totals and
/// limits do not.
struct KeptTotals {
    private(set) var count = 0
    /// What counts against the budget: the kept buildings, plus what the caller charges on top
    /// (the services greedy adds each paid offer's cost).
    var cost = 0.0
    private(set) var carbon = 0.0
    /// Room at the kept buildings (infinite where one has no stated capacity).
    private(set) var capacity = 0.0
    private(set) var inDistrict: [Int]

    init(districtCount: Int) { inDistrict = Array(repeating: 0, count: districtCount) }

    mutating func keep(_ site: Int, of instance: PlanningInstance) {
        count += 1
        cost += instance.siteCost[site]
        carbon += instance.siteCarbon[site]
        inDistrict[instance.siteDistrict[site]] += 1
        capacity += instance.siteCapacity[site] ?? .infinity
    }

    mutating func release(_ site: Int, of instance: PlanningInstance) {
        count -= 1
        cost -= instance.siteCost[site]
        carbon -= instance.siteCarbon[site]
        inDistrict[instance.siteDistrict[site]] -= 1
        capacity -= instance.siteCapacity[site] ?? .infinity
    }

    /// Whether `extraCost` more, and keeping `opening` too when given, stays within the limits.
    /// The relative and absolute slack let a plan that spends the budget exactly (up to
    /// rounding) through, as the MILP's own tolerance does.
    func allow(extraCost: Double, opening site: Int?, _ constraints: PlanConstraints, _ instance: PlanningInstance) -> Bool {
        if let budget = constraints.budget, cost + extraCost > budget * (1 + 1e-12) + 1e-9 { return false }
        guard let site else { return true }
        if let cap = constraints.carbon, carbon + instance.siteCarbon[site] > cap * (1 + 1e-12) + 1e-9 { return false }
        if let most = constraints.maxSites, count + 1 > most { return false }
        return true
    }
}
