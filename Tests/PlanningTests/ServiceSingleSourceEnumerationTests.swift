import Estate
import Planning
import XCTest

/// `capacity: single` with services against a reference that shares nothing with the planner:
/// no model, no LP, no solver. `SingleSourceEnumeration` tries every set of kept sites, every
/// choice of the services they offer and every whole assignment of each area's demand for each
/// service (to one kept site offering it, or to none), checks each against FORMAT.md's
/// definitions and scores it. `ServiceBruteForce` solves the assignment of each choice as a small
/// MILP with GLPK; this one does not, so a fault GLPK and the model share cannot hide here.
final class ServiceSingleSourceEnumerationTests: XCTestCase {
    func testSingleSourcedServicesMatchEnumeration() throws {
        var feasible = 0, infeasible = 0, capacityBinds = 0
        for seed in UInt64(80) ... 89 {
            var instance = randomServiceInstance(seed: seed, areas: 4, sites: 3, services: 2, capacities: true)
            // Less room, so that capacity decides.
            instance.siteCapacity = instance.siteCapacity.map { $0.map { ($0 * 2 / 3).rounded() } }
            for objective in Objective.allCases {
                let countyMinimum: Double? = seed % 2 == 0 ? 0.3 : nil
                let districtMinimum: Double? = seed % 3 == 0 ? 0.3 : nil
                let maxMinutes: Double? = seed % 5 == 1 ? 40 : nil
                let services: [ServiceRule] = [
                    ServiceRule(coverageMinutes: 25, minCoverage: countyMinimum, maxMinutes: maxMinutes, weight: 1, costPerSite: 0),
                    ServiceRule(coverageMinutes: 35, minDistrictCoverage: districtMinimum, weight: 2, costPerSite: 60),
                ]
                let rules = ServiceRules(services: services, familyHubCore: seed % 3 == 1 ? [0, 1] : nil)
                var constraints = PlanConstraints(capacity: .single)
                if objective == .maxCoverage { constraints.budget = Double(700 + 200 * Int(seed % 3)) }
                let spec = PlanSpecification(objective: objective, coverageMinutes: 15, constraints: constraints, services: rules)
                let reference = SingleSourceEnumeration(instance: instance, spec: spec)
                let expected = reference.optimum()
                let plan = try Planner.plan(instance, spec, areaIDs: (0 ..< 4).map { "A\($0)" })
                let context = "seed \(seed) \(objective.rawValue)"
                guard let expected else {
                    infeasible += 1
                    XCTAssertEqual(plan.status, .infeasible, context)
                    continue
                }
                feasible += 1
                XCTAssertEqual(plan.status, .optimal, context)
                XCTAssertEqual(plan.objective ?? .nan, expected, accuracy: 1e-6 * max(1, abs(expected)), context)
                XCTAssertEqual(plan.gap ?? .nan, 0, accuracy: 1e-9, context)
                if objective == .maxCoverage, reference.optimum(ignoringCapacity: true).map({ $0 > expected + 1e-6 }) == true {
                    capacityBinds += 1
                }
            }
        }
        XCTAssertGreaterThan(feasible, 25)
        XCTAssertGreaterThan(infeasible, 0)
        XCTAssertGreaterThan(capacityBinds, 2, "capacity lowers the best coverage on some of these instances")
    }
}

/// Every plan of a small v2 instance under `capacity: single`, from FORMAT.md's definitions: kept
/// sites, the services each offers, and for each (area, service) one kept site offering it or
/// none, assigned only where `travel` has the pair (and within `max_minutes` where set). An
/// (area, service) is covered when its site is within the service's coverage minutes. Checked:
/// site statuses, Family Hubs per district, capacity (the demand of every service assigned to a
/// building), county and district coverage minimums, `max_minutes` and `min_travel`'s
/// assignment of every area that some site could serve, and the budget. No outreach (which would
/// make the rest continuous).
struct SingleSourceEnumeration {
    let instance: PlanningInstance
    let spec: PlanSpecification
    var rules: ServiceRules { spec.services! }
    var services: ServiceInstance { instance.services! }

    /// The best objective, or nil when no plan satisfies every constraint; `ignoringCapacity`
    /// drops the capacity check only.
    func optimum(ignoringCapacity: Bool = false) -> Double? {
        let m = instance.siteCount, s = services.serviceCount, n = instance.areaCount
        var best: Double?
        for mask in 0 ..< (1 << m) {
            let keep = (0 ..< m).map { mask & (1 << $0) != 0 }
            guard sitesAllowed(keep) else { continue }
            let slots = (0 ..< m).flatMap { j in (0 ..< s).compactMap { k in keep[j] && services.siteHosts[k][j] ? (j, k) : nil } }
            for offerMask in 0 ..< (1 << slots.count) {
                var offered = Array(repeating: Array(repeating: false, count: s), count: m)
                for (bit, slot) in slots.enumerated() where offerMask & (1 << bit) != 0 { offered[slot.0][slot.1] = true }
                guard hubsAllowed(keep, offered) else { continue }
                var cost = 0.0
                for j in 0 ..< m where keep[j] {
                    cost += instance.siteCost[j]
                    for k in 0 ..< s where offered[j][k] { cost += rules.services[k].costPerSite }
                }
                if let budget = spec.constraints.budget, cost > budget + 1e-6 { continue }
                // Each (area, service): its choices (site, minutes), none first where it may stay unassigned.
                var items: [(area: Int, service: Int, choices: [(site: Int?, minutes: Double)])] = []
                var impossible = false
                for k in 0 ..< s {
                    let rule = rules.services[k]
                    for i in 0 ..< n {
                        let pairs = instance.pairs(of: i).map { (site: instance.pairSite[$0], minutes: instance.pairMinutes[$0]) }
                        var choices: [(site: Int?, minutes: Double)] = pairs.filter {
                            keep[$0.site] && offered[$0.site][k] && $0.minutes <= (rule.maxMinutes ?? .infinity)
                        }.map { ($0.site, $0.minutes) }
                        let mustServe = rule.maxMinutes != nil
                            || spec.objective == .minTravel && pairs.contains { services.siteHosts[k][$0.site] }
                        if !mustServe { choices.insert((nil, 0), at: 0) }
                        if choices.isEmpty { impossible = true }
                        items.append((i, k, choices))
                    }
                }
                guard !impossible else { continue }
                var load = Array(repeating: 0.0, count: m)
                var chosen = Array(repeating: (site: Int?.none, minutes: 0.0), count: items.count)
                func visit(_ q: Int) {
                    if q == items.count {
                        guard let value = score(items: items, chosen: chosen, keep: keep, cost: cost) else { return }
                        if best == nil || better(value, than: best!) { best = value }
                        return
                    }
                    let item = items[q], demand = services.areaDemand[item.service][item.area]
                    for choice in item.choices {
                        if let j = choice.site {
                            if !ignoringCapacity, let capacity = instance.siteCapacity[j], load[j] + demand > capacity + 1e-9 { continue }
                            load[j] += demand
                        }
                        chosen[q] = choice
                        visit(q + 1)
                        if let j = choice.site { load[j] -= demand }
                    }
                }
                visit(0)
            }
        }
        return best
    }

    private func better(_ a: Double, than b: Double) -> Bool {
        spec.objective == .maxCoverage ? a > b + 1e-9 : a < b - 1e-9
    }

    private func sitesAllowed(_ keep: [Bool]) -> Bool {
        for j in keep.indices {
            if instance.siteStatus[j] == .keep && !keep[j] || instance.siteStatus[j] == .close && keep[j] { return false }
        }
        let count = keep.filter { $0 }.count
        if let most = spec.constraints.maxSites, count > most { return false }
        if let least = spec.constraints.minSites, count < least { return false }
        return true
    }

    private func hubsAllowed(_ keep: [Bool], _ offered: [[Bool]]) -> Bool {
        guard let core = rules.familyHubCore else { return true }
        for d in 0 ..< instance.districtCount {
            let capable = (0 ..< instance.siteCount).filter { j in
                instance.siteDistrict[j] == d && core.allSatisfy { services.siteHosts[$0][j] }
            }
            let hubs = capable.filter { j in keep[j] && core.allSatisfy { offered[j][$0] } }
            if !capable.isEmpty && hubs.count < rules.familyHubsPerDistrict { return false }
        }
        return true
    }

    /// The objective of one whole assignment, or nil when a coverage minimum is not met.
    private func score(items: [(area: Int, service: Int, choices: [(site: Int?, minutes: Double)])],
                       chosen: [(site: Int?, minutes: Double)], keep: [Bool], cost: Double) -> Double? {
        let s = services.serviceCount, districts = instance.districtCount
        var covered = Array(repeating: 0.0, count: s), total = Array(repeating: 0.0, count: s)
        var coveredIn = Array(repeating: Array(repeating: 0.0, count: districts), count: s)
        var totalIn = coveredIn
        var travel = 0.0
        for (q, item) in items.enumerated() {
            let k = item.service, i = item.area, w = services.areaWeight[k][i], d = instance.areaDistrict[i]
            total[k] += w
            totalIn[k][d] += w
            guard chosen[q].site != nil else { continue }
            travel += w * chosen[q].minutes
            if chosen[q].minutes <= rules.services[k].coverageMinutes {
                covered[k] += w
                coveredIn[k][d] += w
            }
        }
        for (k, rule) in rules.services.enumerated() {
            if let share = rule.minCoverage, covered[k] < share * total[k] - 1e-7 { return nil }
            if let share = rule.minDistrictCoverage {
                for d in 0 ..< districts where totalIn[k][d] > 0 && coveredIn[k][d] < share * totalIn[k][d] - 1e-7 { return nil }
            }
        }
        switch spec.objective {
        case .maxCoverage: return zip(rules.services, covered).reduce(0) { $0 + $1.0.weight * $1.1 }
        case .minCost: return cost
        case .minCarbon: return (0 ..< instance.siteCount).reduce(0) { keep[$1] ? $0 + instance.siteCarbon[$1] : $0 }
        case .minSites: return Double(keep.filter { $0 }.count)
        case .minTravel: return travel
        }
    }
}
