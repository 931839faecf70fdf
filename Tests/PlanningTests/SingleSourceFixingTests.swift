import XCTest
@testable import Planning

/// The Lagrangian relaxation's fixing tests against enumeration of every single-source plan:
/// whatever it says about plans at least as good as a given objective (a pair or a site absent
/// from all of them, a site kept by all of them) must hold for each such plan, at the optimum
/// itself (ties) and above it.
final class SingleSourceFixingTests: XCTestCase {
    /// Every plan: the kept sites and each area's site, with its cost.
    private func everyPlan(_ search: SingleSourceHeuristic) -> [(keep: [Bool], areaSite: [Int], cost: Double)] {
        var plans: [(keep: [Bool], areaSite: [Int], cost: Double)] = []
        for mask in 0 ..< (1 << search.siteCount) {
            let keep = (0 ..< search.siteCount).map { mask & (1 << $0) != 0 }
            let count = keep.filter { $0 }.count
            guard count >= search.minOpen, count <= search.maxOpen,
                  (0 ..< search.siteCount).allSatisfy({ keep[$0] || !search.fixedOpen[$0] }) else { continue }
            let siteCost = (0 ..< search.siteCount).reduce(0.0) { keep[$1] ? $0 + search.siteCost[$1] : $0 }
            var areaSite = [Int](repeating: -1, count: search.areaCount)
            var residual = search.capacity
            func visit(_ i: Int, _ cost: Double) {
                guard i < search.areaCount else { plans.append((keep, areaSite, cost)); return }
                for option in search.options[i] where keep[option.site] && residual[option.site] >= search.demand[i] {
                    residual[option.site] -= search.demand[i]
                    areaSite[i] = option.site
                    visit(i + 1, cost + option.cost)
                    residual[option.site] += search.demand[i]
                }
            }
            visit(0, siteCost)
        }
        return plans
    }

    func testLagrangianFixingKeepsEveryPlanAsGoodAsTheBound() throws {
        var rng = SplitMix64(seed: 1616)
        var keptSomewhere = 0, closedSomewhere = 0, pairsSomewhere = 0, cases = 0
        for _ in 0 ..< 60 {
            let areas = 6, sites = 5
            let p = Int.random(in: 1 ... 3, using: &rng)
            let exactly = Bool.random(using: &rng)
            let demand = (0 ..< areas).map { _ in Double(Int.random(in: 1 ... 9, using: &rng)) }
            let capacity = (0 ..< sites).map { _ in Double(Int.random(in: 10 ... 25, using: &rng)) }
            let options = (0 ..< areas).map { _ in
                (0 ..< sites).filter { _ in Int.random(in: 0 ..< 5, using: &rng) > 0 }
                    .map { (site: $0, cost: Double(Int.random(in: 0 ... 30, using: &rng))) }
            }
            let siteCost = (0 ..< sites).map { _ in Double(Int.random(in: 0 ... 20, using: &rng)) }
            let fixedOpen = (0 ..< sites).map { _ in Int.random(in: 0 ..< 8, using: &rng) == 0 }
            let search = SingleSourceHeuristic(
                demand: demand, options: options, mustServe: true, capacity: capacity, siteCost: siteCost,
                fixedOpen: fixedOpen, free: fixedOpen.map { !$0 }, minOpen: exactly ? p : 0, maxOpen: p + (exactly ? 0 : 1))
            let plans = everyPlan(search)
            guard let optimum = plans.map(\.cost).min() else { continue }
            cases += 1
            let relaxation = SingleSourceLagrangian(search)
            let start = [Double](repeating: 10, count: areas)
            let result = relaxation.maximise(start: start, upper: optimum, deadline: .now + .seconds(1)) { _, _ in optimum }
            XCTAssertLessThanOrEqual(result.bound, optimum + 1e-6, "a true bound")
            for upper in [optimum, optimum + 3] {
                let proven = relaxation.provenAbsent(result.multipliers, upper: upper)
                keptSomewhere += proven.kept.count
                closedSomewhere += proven.sites.count
                pairsSomewhere += proven.pairs.count
                for plan in plans where plan.cost <= upper + 1e-9 {
                    for j in proven.kept { XCTAssertTrue(plan.keep[j], "site \(j) proven kept, plan \(plan)") }
                    for j in proven.sites { XCTAssertFalse(plan.keep[j], "site \(j) proven closed, plan \(plan)") }
                    for (i, j) in plan.areaSite.enumerated() {
                        XCTAssertFalse(proven.pairs.contains(SingleSourceLagrangian.Pair(area: i, site: j)),
                                       "pair \(i)-\(j) proven absent, plan \(plan)")
                    }
                }
            }
        }
        XCTAssertGreaterThanOrEqual(cases, 30, "most instances have a plan")
        XCTAssertGreaterThan(keptSomewhere, 0, "sites were proven kept on some instance")
        XCTAssertGreaterThan(closedSomewhere, 0, "sites were proven closed on some instance")
        XCTAssertGreaterThan(pairsSomewhere, 0, "pairs were proven absent on some instance")
    }
}
