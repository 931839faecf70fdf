import Estate
import Optimisation
import Planning
import XCTest

/// Explanations of services (v2) plans against exhaustive enumeration: every limit's figures
/// (dropped, a step looser, a step tighter), whether solved or inferred by nesting, equal the
/// optimum `ServiceBruteForce` finds for the scenario changed by hand; every site's plan-fixed
/// figures equal coverage and cost counted here from the travel pairs.
final class ServiceExplainerTests: XCTestCase {
    private func randomServiceInstance(seed: UInt64, areas: Int, sites: Int, services: Int) -> PlanningInstance {
        var instance = randomInstance(seed: seed, areas: areas, sites: sites)
        var rng = SplitMix64(seed: seed &* 7919)
        let multiplier = (0 ..< areas).map { _ in Double(Int.random(in: 5 ... 15, using: &rng)) / 10 }
        var population: [[Double]] = [], hosts: [[Bool]] = []
        for _ in 0 ..< services {
            population.append((0 ..< areas).map { _ in Double(Int.random(in: 0 ... 20, using: &rng)) })
            hosts.append((0 ..< sites).map { _ in Int.random(in: 0 ..< 4, using: &rng) != 0 })
        }
        instance.services = ServiceInstance(
            codes: (0 ..< services).map { "s\($0)" },
            areaWeight: population.map { column in (0 ..< areas).map { column[$0] * multiplier[$0] } },
            areaPopulation: population, areaDemand: population, siteHosts: hosts)
        return instance
    }

    /// A plan context around `instance`: areas and sites named by index, one child per area.
    private func context(_ instance: PlanningInstance, _ spec: PlanSpecification, _ plan: Plan) -> PlanContext {
        let areas = (0 ..< instance.areaCount).map {
            Area(id: "A\($0)", district: instance.areaDistrict[$0], latitude: 51, longitude: 0, children: 1)
        }
        let sites = (0 ..< instance.siteCount).map {
            Site(id: "S\($0)", name: "Site \($0)", kind: "hub", district: instance.siteDistrict[$0], latitude: 51, longitude: 0,
                 annualCost: instance.siteCost[$0], carbon: instance.siteCarbon[$0], status: instance.siteStatus[$0])
        }
        let dataset = Dataset(districts: instance.districtNames, areas: areas, sites: sites)
        return PlanContext(dataset: dataset, scenario: Scenario(), instance: instance, specification: spec,
                           needScore: Array(repeating: 0, count: instance.areaCount),
                           deprivation: Deprivation(dataset: dataset, needScore: Array(repeating: 0, count: instance.areaCount)),
                           plan: plan)
    }

    /// `spec` with one limit set to `value` (nil drops it), written out by hand for each limit.
    private func changed(_ spec: PlanSpecification, _ effect: PlanExplanation.LimitEffect, to value: Double?) -> PlanSpecification {
        var spec = spec
        var rules = spec.services!
        switch (effect.limit, effect.service) {
        case (.budget, nil): spec.constraints.budget = value
        case (.maxSites, nil): spec.constraints.maxSites = value.map { Int($0) }
        case (.minPerDistrict, nil): spec.constraints.minPerDistrict = value.map { Int($0) }
        case (.minCoverage, nil): spec.constraints.minCoverage = value
        case (.minCoverage, let k?): rules.services[k].minCoverage = value
        case (.minDistrictCoverage, let k?): rules.services[k].minDistrictCoverage = value
        case (.familyHubs, nil): rules.familyHubsPerDistrict = value.map { Int($0) } ?? 0
        case (.outreach, nil):
            XCTAssertNil(value, "outreach is only dropped")
            for k in rules.services.indices { rules.services[k].outreach = false }
        default: XCTFail("unexpected limit \(effect.limit) \(String(describing: effect.service))")
        }
        spec.services = rules
        return spec
    }

    func testEveryLimitFigureEqualsBruteForceOfTheScenarioChangedByHand() throws {
        var compared = 0, inferred = 0, limitsSeen = Set<String>()
        for seed in UInt64(40) ... 59 {
            let instance = randomServiceInstance(seed: seed, areas: 6, sites: 4, services: 2)
            let services = [
                ServiceRule(coverageMinutes: 15, minCoverage: 0.2 + 0.05 * Double(seed % 3), weight: 1, costPerSite: 50,
                            outreach: seed % 2 == 0),
                ServiceRule(coverageMinutes: 20, minDistrictCoverage: 0.2, weight: 2, costPerSite: Double(25 * (seed % 3))),
            ]
            let rules = ServiceRules(services: services, familyHubCore: seed % 3 == 0 ? nil : [0, 1], familyHubsPerDistrict: 1,
                                     outreachCostPerPerson: 5, outreachValue: 0.5)
            var spec = PlanSpecification(objective: .maxCoverage, coverageMinutes: 15,
                                         constraints: PlanConstraints(budget: Double(700 + 200 * Int(seed % 4)),
                                                                      maxSites: seed % 4 == 1 ? 3 : nil,
                                                                      minCoverage: seed % 5 == 2 ? 0.3 : nil))
            spec.services = rules
            let plan = try Planner.plan(instance, spec, areaIDs: (0 ..< instance.areaCount).map { "A\($0)" })
            guard plan.status == .optimal else { continue }
            let explanation = try XCTUnwrap(try PlanExplainer.explain(context(instance, spec, plan)))
            XCTAssertTrue(explanation.complete)
            // Answered on one thread alone, the same figures.
            let alone = try XCTUnwrap(try PlanExplainer.explain(context(instance, spec, plan), helpers: 0))
            XCTAssertEqual("\(alone.limits)", "\(explanation.limits)", "seed \(seed)")
            XCTAssertEqual(explanation.baseline.objective, try XCTUnwrap(ServiceBruteForce(instance: instance, spec: spec).optimum()),
                           accuracy: 1e-6)
            for effect in explanation.limits {
                limitsSeen.insert(effect.limit.key(service: effect.service, codes: ["s0", "s1"]))
                var cases = [(effect.without, nil as Double?, "without")]
                if let step = effect.looser { cases.append((step.result, step.value, "looser")) }
                if let step = effect.tighter { cases.append((step.result, step.value, "tighter")) }
                for (result, value, label) in cases {
                    let question = changed(spec, effect, to: value)
                    let expected = try ServiceBruteForce(instance: instance, spec: question).optimum()
                    let what = "seed \(seed) \(effect.limit) \(String(describing: effect.service)) \(label) \(String(describing: value))"
                    if let expected {
                        XCTAssertEqual(result.status, .optimal, what)
                        XCTAssertEqual(result.measures?.objective ?? .nan, expected, accuracy: 1e-6 * max(1, expected), what)
                    } else {
                        XCTAssertEqual(result.status, .infeasible, what)
                    }
                    compared += 1
                    if result.inferred { inferred += 1 }
                }
            }
            try checkSiteFigures(explanation, instance: instance, spec: spec, plan: plan, seed: seed)
        }
        XCTAssertGreaterThan(compared, 60, "\(compared) figures compared")
        XCTAssertGreaterThan(inferred, 5, "figures known by nesting are exercised")
        for key in ["constraints.budget", "services.s0.min_coverage", "services.s1.min_district_coverage",
                    "family_hubs.per_district", "outreach"] {
            XCTAssertTrue(limitsSeen.contains(key), "\(key) explained")
        }
    }

    /// Each decided site's plan-fixed figures: coverage and cost of the plan with that site turned
    /// the other way (a site kept as well offers all it can host), counted from the travel pairs.
    private func checkSiteFigures(_ explanation: PlanExplanation, instance: PlanningInstance, spec: PlanSpecification,
                                  plan: Plan, seed: UInt64) throws {
        let services = instance.services!, rules = spec.services!, outcome = plan.services!
        XCTAssertEqual(explanation.sites.count, instance.siteCount)
        for effect in explanation.sites {
            var keep = plan.keep
            keep[effect.site].toggle()
            var offered = outcome.offered
            if keep[effect.site] { offered[effect.site] = services.siteHosts.map { $0[effect.site] } }
            var objective = 0.0, cost = 0.0
            for j in 0 ..< instance.siteCount where keep[j] {
                cost += instance.siteCost[j]
                for k in 0 ..< services.serviceCount where offered[j][k] { cost += rules.services[k].costPerSite }
            }
            for k in 0 ..< services.serviceCount {
                for i in 0 ..< instance.areaCount {
                    let covered = instance.pairs(of: i).contains {
                        let j = instance.pairSite[$0]
                        return keep[j] && offered[j][k] && instance.pairMinutes[$0] <= rules.services[k].coverageMinutes
                    }
                    let reached = covered || !rules.services[k].outreach ? 0 : outcome.evaluation.outreachShare[k][i]
                    objective += rules.services[k].weight * services.areaWeight[k][i] * ((covered ? 1 : 0) + rules.outreachValue * reached)
                    cost += rules.outreachCostPerPerson * services.areaPopulation[k][i] * reached
                }
            }
            let flipped = try XCTUnwrap(effect.flipped)
            XCTAssertEqual(flipped.objective, objective, accuracy: 1e-6, "seed \(seed) site \(effect.site)")
            XCTAssertEqual(flipped.cost, cost, accuracy: 1e-6, "seed \(seed) site \(effect.site)")
            XCTAssertEqual(flipped.sitesKept, keep.filter { $0 }.count)
        }
    }

    /// An infeasible services plan names the service and district short of its floor, with the
    /// most that floor can reach on its own: the budget and site count held, the other districts'
    /// floors dropped. Each figure is found here by trying every plan within the budget.
    func testAnInfeasibleFloorIsNamedWithItsOwnBest() throws {
        var found = 0
        for seed in UInt64(60) ... 75 {
            let instance = randomServiceInstance(seed: seed, areas: 6, sites: 4, services: 2)
            let services = instance.services!
            var rules = ServiceRules(services: [
                ServiceRule(coverageMinutes: 15, weight: 1, costPerSite: 50),
                ServiceRule(coverageMinutes: 15, weight: 1, costPerSite: 50),
            ])
            var spec = PlanSpecification(objective: .maxCoverage, coverageMinutes: 15,
                                         constraints: PlanConstraints(budget: Double(300 + 100 * Int(seed % 3)), maxSites: 1))
            spec.services = rules
            // s1's covered and total weight per district with `offered` sites offering it.
            func shares(_ offered: [Bool]) -> [(covered: Double, total: Double)] {
                var result = Array(repeating: (covered: 0.0, total: 0.0), count: instance.districtCount)
                for i in 0 ..< instance.areaCount {
                    result[instance.areaDistrict[i]].total += services.areaWeight[1][i]
                    if instance.pairs(of: i).contains(where: { offered[instance.pairSite[$0]] && instance.pairMinutes[$0] <= 15 }) {
                        result[instance.areaDistrict[i]].covered += services.areaWeight[1][i]
                    }
                }
                return result
            }
            // Each district's best share of s1 over every plan within the budget and the site count
            // that offers s1 (offering s0 as well covers no more of s1 and costs more).
            var best = Array(repeating: 0.0, count: instance.districtCount)
            for j in 0 ..< instance.siteCount {
                let keep = (0 ..< instance.siteCount).map { $0 == j }
                let offered = (0 ..< instance.siteCount).map { [false, keep[$0] && services.siteHosts[1][$0]] }
                guard try ServiceBruteForce(instance: instance, spec: spec).value(keep: keep, offered: offered) != nil else { continue }
                for (d, share) in shares(offered.map(\.[1])).enumerated() where share.total > 0 {
                    best[d] = max(best[d], share.covered / share.total)
                }
            }
            guard best[0] > 0.05, best[0] < 0.9 else { continue }
            let floor = min(1, best[0] + 0.05)
            rules.services[1].minDistrictCoverage = floor
            spec.services = rules
            let plan = try Planner.plan(instance, spec, areaIDs: (0 ..< instance.areaCount).map { "A\($0)" })
            XCTAssertEqual(plan.status, .infeasible)
            // A floor beyond reach whatever the plan spends is stated as such, not by its own best.
            guard let conflict = plan.conflicts.first(where: { $0.constraint == .minDistrictCoverage }),
                  !conflict.details.contains(where: { $0.contains("with every site that can host") }) else { continue }
            let d0 = try XCTUnwrap(conflict.floors.first { $0.floor == "s1 in D0" }, "no plan reaches D0's floor, seed \(seed)")
            XCTAssertFalse(d0.reachableAlone)
            for reach in conflict.floors {
                let d = try XCTUnwrap(Int(reach.floor.dropFirst("s1 in D".count)), reach.floor)
                XCTAssertEqual(reach.best, min(floor, best[d]), accuracy: 1e-6, "seed \(seed) \(reach.floor)")
            }
            XCTAssertTrue(conflict.details.contains { $0.hasPrefix("s1 in D0: at most ") }, "\(conflict.details)")
            found += 1
        }
        XCTAssertGreaterThan(found, 0, "some seed has a district floor out of reach")
    }
}
