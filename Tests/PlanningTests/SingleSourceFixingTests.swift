import Optimisation
@testable import Planning
import XCTest

/// The Lagrangian relaxation and the heuristic's kicks against enumeration of every single-source
/// plan. Fixing: whatever it says about plans at least as good as a given objective (a pair or a site absent
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

    /// Five sites of capacity 10-25, areas of demand 1-9 reaching most of them at costs 0-30, sites
    /// costing 0-20 (a few kept whatever), and 1-3 sites to keep, exactly or at most (plus one).
    private func randomInstance(areas: Int, _ rng: inout SplitMix64) -> SingleSourceHeuristic {
        let sites = 5
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
        return SingleSourceHeuristic(
            demand: demand, options: options, mustServe: true, capacity: capacity, siteCost: siteCost,
            fixedOpen: fixedOpen, free: fixedOpen.map { !$0 }, minOpen: exactly ? p : 0, maxOpen: p + (exactly ? 0 : 1))
    }

    /// The Lagrangian dual computed independently: the LP over every column (a site with a set of
    /// areas that fits its capacity, the empty set included), each area in exactly one chosen
    /// column, at most one column per site (exactly one where the site is kept whatever), and the
    /// kept-site limits on their number. Its optimum is the best bound any multipliers give (the
    /// knapsacks' convex hulls with the site choice, whose own rows are integral), so the
    /// subgradient's bound is at most it and, converged, close to it. Nil when the LP is infeasible.
    private func lagrangianDual(_ search: SingleSourceHeuristic) throws -> Double? {
        var model = LinearModel(sense: .minimise)
        var areaColumns = [[Int]](repeating: [], count: search.areaCount)
        var siteColumns = [[Int]](repeating: [], count: search.siteCount)
        for j in 0 ..< search.siteCount where search.free[j] || search.fixedOpen[j] {
            let reaching = (0 ..< search.areaCount).compactMap { i in search.options[i].first { $0.site == j }.map { (i, $0.cost) } }
            for mask in 0 ..< (1 << reaching.count) {
                let members = reaching.indices.filter { mask & (1 << $0) != 0 }.map { reaching[$0] }
                guard members.reduce(0.0, { $0 + search.demand[$1.0] }) <= search.capacity[j] else { continue }
                let column = model.addVariable(.continuous, upper: 1, objective: members.reduce(search.siteCost[j]) { $0 + $1.1 })
                siteColumns[j].append(column)
                for (i, _) in members { areaColumns[i].append(column) }
            }
        }
        for i in 0 ..< search.areaCount where !search.options[i].isEmpty {
            model.addRow(columns: areaColumns[i], coefficients: areaColumns[i].map { _ in 1 }, lower: 1, upper: 1)
        }
        for j in 0 ..< search.siteCount where !siteColumns[j].isEmpty {
            model.addRow(columns: siteColumns[j], coefficients: siteColumns[j].map { _ in 1 },
                         lower: search.fixedOpen[j] ? 1 : 0, upper: 1)
        }
        let all = siteColumns.flatMap { $0 }
        model.addRow(columns: all, coefficients: all.map { _ in 1 }, lower: Double(search.minOpen),
                     upper: search.maxOpen == Int.max ? .infinity : Double(search.maxOpen))
        let solution = try GLPKSolver.solve(model, options: SolveOptions())
        return solution.status == .optimal ? solution.objective : nil
    }

    /// The subgradient steps reach the Lagrangian dual (the column-generation bound of the set
    /// partitioning model) within 0.5%, and never pass it: where the bound stays under the optimum,
    /// it is the relaxation's own gap, not slow convergence (on pmedcap08 both are 771.7 against
    /// the optimum 820, found by column generation outside the project).
    func testSubgradientReachesTheLagrangianDual() throws {
        var rng = SplitMix64(seed: 2005)
        var cases = 0, belowOptimum = 0
        for _ in 0 ..< 40 {
            let search = randomInstance(areas: 7, &rng)
            let plans = everyPlan(search)
            guard let optimum = plans.map(\.cost).min(), let dual = try lagrangianDual(search) else { continue }
            cases += 1
            let relaxation = SingleSourceLagrangian(search)
            let start = (0 ..< search.areaCount).map { i in search.options[i].map(\.cost).min() ?? 0 }
            let result = relaxation.maximise(start: start, upper: optimum, deadline: .now + .seconds(60)) { _, _ in optimum }
            XCTAssertLessThanOrEqual(dual, optimum + 1e-6, "the dual bounds the optimum")
            XCTAssertLessThanOrEqual(result.bound, dual + 1e-6, "no multipliers pass the dual")
            XCTAssertGreaterThanOrEqual(result.bound, dual - 0.005 * max(1, abs(dual)), "converged: \(result.bound) against \(dual)")
            if dual < optimum - 1e-6 { belowOptimum += 1 }
        }
        XCTAssertGreaterThanOrEqual(cases, 20, "most instances have a plan")
        XCTAssertGreaterThan(belowOptimum, 0, "some instances keep a Lagrangian gap")
    }

    /// Kicks (`improvingSites`) return a plan of the instance (kept-site limits, sites kept whatever,
    /// each area at a kept site it may use, capacities: one of the enumerated plans, at its cost),
    /// never worse than the plan they start from nor better than the optimum.
    func testKicksReturnAPlanNoWorseThanTheirStart() throws {
        var rng = SplitMix64(seed: 1994)
        var cases = 0
        for _ in 0 ..< 40 {
            let search = randomInstance(areas: 7, &rng)
            let plans = everyPlan(search)
            guard let optimum = plans.map(\.cost).min(),
                  let start = search.solve(guide: search.greedyGuide(), deadline: .now + .seconds(60)) else { continue }
            cases += 1
            let kicked = search.improvingSites(start, kicks: 10, deadline: .now + .seconds(60))
            XCTAssertLessThanOrEqual(kicked.cost, start.cost + 1e-9, "never worse than the start")
            XCTAssertGreaterThanOrEqual(kicked.cost, optimum - 1e-9, "never better than the optimum")
            let areaSite = kicked.areaSite.map { $0 ?? -1 }
            XCTAssertTrue(plans.contains { $0.keep == kicked.keep && $0.areaSite == areaSite && abs($0.cost - kicked.cost) < 1e-9 },
                          "a plan of the instance at its cost: \(kicked)")
        }
        XCTAssertGreaterThanOrEqual(cases, 20, "most instances have a plan")
    }

    func testLagrangianFixingKeepsEveryPlanAsGoodAsTheBound() throws {
        var rng = SplitMix64(seed: 1616)
        var keptSomewhere = 0, closedSomewhere = 0, pairsSomewhere = 0, cases = 0
        for _ in 0 ..< 60 {
            let search = randomInstance(areas: 6, &rng)
            let plans = everyPlan(search)
            guard let optimum = plans.map(\.cost).min() else { continue }
            cases += 1
            let relaxation = SingleSourceLagrangian(search)
            let start = [Double](repeating: 10, count: search.areaCount)
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
