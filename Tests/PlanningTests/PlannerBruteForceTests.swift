import Estate
import Optimisation
import XCTest
@testable import Planning

/// The planner against exhaustive enumeration of every subset of sites, on many seeded random
/// instances, for every objective and mixes of constraints (feasible and infeasible).
final class PlannerBruteForceTests: XCTestCase {
    /// Checks one case; returns whether the reference found it feasible.
    @discardableResult
    private func check(_ instance: PlanningInstance, _ spec: PlanSpecification, seed: UInt64,
                       file: StaticString = #filePath, line: UInt = #line) throws -> Bool {
        let reference = try BruteForce(instance: instance, spec: spec).optimumWithTieBreak()
        let expected = reference?.objective
        let plan = try Planner.plan(instance, spec, areaIDs: (0 ..< instance.areaCount).map { "A\($0)" })
        let context = "seed \(seed), \(spec.objective.rawValue), \(spec.constraints)"
        guard let expected else {
            XCTAssertEqual(plan.status, .infeasible, context, file: file, line: line)
            XCTAssertFalse(plan.conflicts.isEmpty, "an infeasible plan names its conflicts; \(context)", file: file, line: line)
            return false
        }
        guard plan.status == .optimal else {
            XCTFail("status \(plan.status), expected optimal \(expected); \(context)", file: file, line: line)
            return true
        }
        XCTAssertEqual(plan.objective ?? .nan, expected, accuracy: 1e-6, context, file: file, line: line)
        XCTAssertEqual(plan.gap ?? .nan, 0, accuracy: 1e-9, context, file: file, line: line)
        // The reported decisions themselves must be feasible and achieve the reported objective.
        let own = try BruteForce(instance: instance, spec: spec).value(of: plan.keep)
        if spec.constraints.capacity != .split {
            XCTAssertEqual(own ?? .nan, expected, accuracy: 1e-6, "decisions re-evaluated; \(context)", file: file, line: line)
        }
        if spec.constraints.capacity == .single {
            checkSingleSourced(plan, instance, spec, context, file: file, line: line)
            // The LP and Lagrangian bounds used for fixing must be true bounds on the optimum.
            for bound in [plan.singleSource?.lpBound, plan.singleSource?.lagrangianBound].compactMap({ $0 }) {
                if spec.objective == .maxCoverage {
                    XCTAssertGreaterThanOrEqual(bound, expected - 1e-6, "bound; \(context)", file: file, line: line)
                } else {
                    XCTAssertLessThanOrEqual(bound, expected + 1e-6, "bound; \(context)", file: file, line: line)
                }
            }
        }
        // Among optimal plans, the cheapest (lowest carbon for min_cost) is the one reported.
        let secondary = (0 ..< instance.siteCount).reduce(0.0) {
            plan.keep[$1] ? $0 + (spec.objective == .minCost ? instance.siteCarbon[$1] : instance.siteCost[$1]) : $0
        }
        XCTAssertEqual(secondary, reference!.secondary, accuracy: 1e-6, "tie-break; \(context)", file: file, line: line)
        return true
    }

    /// Each area goes whole to at most one kept site, no site takes more than its capacity, and the
    /// reported minutes and objective are those of that assignment.
    private func checkSingleSourced(_ plan: Plan, _ instance: PlanningInstance, _ spec: PlanSpecification, _ context: String,
                                    file: StaticString, line: UInt) {
        var load = Array(repeating: 0.0, count: instance.siteCount)
        var travel = 0.0
        for i in 0 ..< instance.areaCount {
            let sites = plan.areaAssignment[i]
            XCTAssertLessThanOrEqual(sites.count, 1, "one hub per area; \(context)", file: file, line: line)
            guard let (site, share) = sites.first else {
                XCTAssertNil(plan.areaSite[i], context, file: file, line: line)
                continue
            }
            XCTAssertEqual(share, 1, accuracy: 1e-9, "the whole demand; \(context)", file: file, line: line)
            XCTAssertEqual(plan.areaSite[i], site, context, file: file, line: line)
            XCTAssertTrue(plan.keep[site], "assigned to a kept site; \(context)", file: file, line: line)
            load[site] += instance.areaDemand[i]
            travel += instance.areaWeight[i] * (plan.areaMinutes[i] ?? .nan)
        }
        for j in 0 ..< instance.siteCount {
            if let capacity = instance.siteCapacity[j] {
                XCTAssertLessThanOrEqual(load[j], capacity + 1e-9, "capacity of site \(j); \(context)", file: file, line: line)
            }
        }
        if spec.objective == .minTravel {
            XCTAssertEqual(travel, plan.objective ?? .nan, accuracy: 1e-6, context, file: file, line: line)
        }
    }

    private let objectives = Objective.allCases

    func testEveryObjectiveWithoutConstraintsMatchesBruteForce() throws {
        for seed in UInt64(1) ... 12 {
            let instance = randomInstance(seed: seed, areas: 12, sites: 7, statuses: seed % 3 == 0)
            for objective in objectives {
                var c = PlanConstraints()
                if objective == .maxCoverage { c.maxSites = 1 + Int(seed % 4) }
                if objective != .maxCoverage && objective != .minTravel { c.minCoverage = 0.6 }
                try check(instance, PlanSpecification(objective: objective, coverageMinutes: 15, constraints: c), seed: seed)
            }
        }
    }

    /// Seeded instances with random mixes of every constraint but capacity, each with the objective
    /// `objective(seed)` (nil skips the seed).
    private func constraintMixes(objective: (UInt64) -> Objective?) -> [(seed: UInt64, PlanningInstance, PlanSpecification)] {
        var rng = SplitMix64(seed: 99)
        var cases: [(seed: UInt64, PlanningInstance, PlanSpecification)] = []
        for seed in UInt64(100) ..< 160 {
            let instance = randomInstance(seed: seed, areas: 10, sites: 7, districts: 2 + Int(seed % 2), statuses: seed % 2 == 0)
            var c = PlanConstraints()
            if Bool.random(using: &rng) { c.budget = Double(Int.random(in: 5 ... 30, using: &rng) * 100) }
            if Bool.random(using: &rng) { c.carbon = Double(Int.random(in: 5 ... 30, using: &rng)) }
            switch Int.random(in: 0 ..< 4, using: &rng) {
            case 0: c.maxSites = Int.random(in: 1 ... 5, using: &rng)
            case 1: c.minSites = Int.random(in: 1 ... 4, using: &rng)
            case 2: let k = Int.random(in: 1 ... 5, using: &rng); c.minSites = k; c.maxSites = k
            default: break
            }
            if Int.random(in: 0 ..< 3, using: &rng) == 0 { c.minPerDistrict = 1 }
            if Int.random(in: 0 ..< 3, using: &rng) == 0 { c.minCoverage = Double.random(in: 0.3 ... 0.9, using: &rng) }
            if Int.random(in: 0 ..< 3, using: &rng) == 0 { c.minDistrictCoverage = Double.random(in: 0.2 ... 0.8, using: &rng) }
            if Int.random(in: 0 ..< 3, using: &rng) == 0 { c.maxMinutes = Double(Int.random(in: 15 ... 35, using: &rng)) }
            var deprived: [Int] = []
            if Int.random(in: 0 ..< 4, using: &rng) == 0 {
                c.minDeprivedCoverage = Double.random(in: 0.5 ... 1, using: &rng)
                deprived = [0, 3, 5]
            }
            let minutes = Double(Int.random(in: 10 ... 25, using: &rng))
            guard let objective = objective(seed) else { continue }
            cases.append((seed, instance, PlanSpecification(objective: objective, coverageMinutes: minutes,
                                                            constraints: c, deprivedAreas: deprived)))
        }
        return cases
    }

    func testConstraintMixesMatchBruteForce() throws {
        var feasible = 0, infeasible = 0
        for (seed, instance, spec) in constraintMixes(objective: { self.objectives[Int($0) % self.objectives.count] }) {
            if try check(instance, spec, seed: seed) { feasible += 1 } else { infeasible += 1 }
        }
        // The mix must exercise both outcomes, or it proves less than it claims.
        XCTAssertGreaterThanOrEqual(feasible, 10)
        XCTAssertGreaterThanOrEqual(infeasible, 5)
    }

    /// Branch-and-Benders-cut on every model with coverage links: `max_coverage`, and the other
    /// objectives under coverage shares (partial set covering), with every constraint mix.
    func testCoverageBendersMatchesBruteForce() throws {
        var feasible = 0, infeasible = 0, benders = 0
        for objective in objectives where objective != .minTravel {
            for (seed, instance, base) in constraintMixes(objective: { $0 % 2 == 0 ? objective : nil }) {
                var spec = base
                if objective != .maxCoverage && spec.constraints.minCoverage == nil { spec.constraints.minCoverage = 0.5 }
                spec.coverageFormulation = .benders
                if try check(instance, spec, seed: seed) { feasible += 1 } else { infeasible += 1 }
                let plan = try Planner.plan(instance, spec, areaIDs: (0 ..< instance.areaCount).map { "A\($0)" })
                if plan.coverage?.formulation == "benders" { benders += 1 }
            }
        }
        XCTAssertGreaterThanOrEqual(feasible, 40)
        XCTAssertGreaterThanOrEqual(infeasible, 10)
        XCTAssertGreaterThanOrEqual(benders, 40, "the feasible plans were solved by Benders")
    }

    func testCapacityMatchesBruteForce() throws {
        var rng = SplitMix64(seed: 7)
        var feasible = 0
        for seed in UInt64(200) ..< 230 {
            let instance = randomInstance(seed: seed, areas: 9, sites: 6, statuses: seed % 3 == 0, capacities: true)
            var c = PlanConstraints(capacity: .split)
            if Bool.random(using: &rng) { c.maxSites = Int.random(in: 2 ... 5, using: &rng) }
            if Bool.random(using: &rng) { c.budget = Double(Int.random(in: 8 ... 30, using: &rng) * 100) }
            if Int.random(in: 0 ..< 3, using: &rng) == 0 { c.maxMinutes = Double(Int.random(in: 20 ... 40, using: &rng)) }
            if Int.random(in: 0 ..< 3, using: &rng) == 0 { c.minCoverage = Double.random(in: 0.3 ... 0.8, using: &rng) }
            let objective = objectives[Int(seed) % objectives.count]
            if try check(instance, PlanSpecification(objective: objective, coverageMinutes: 20, constraints: c), seed: seed) {
                feasible += 1
            }
        }
        XCTAssertGreaterThanOrEqual(feasible, 10)
    }

    func testSingleSourcingMatchesBruteForceForEveryObjective() throws {
        var rng = SplitMix64(seed: 16)
        var feasible = 0, infeasible = 0
        for seed in UInt64(300) ..< 360 {
            let instance = randomInstance(seed: seed, areas: 6, sites: 5, districts: 2, statuses: seed % 4 == 0,
                                          capacities: true)
            var c = PlanConstraints(capacity: .single)
            switch Int.random(in: 0 ..< 3, using: &rng) {
            case 0: c.maxSites = Int.random(in: 1 ... 4, using: &rng)
            case 1: let k = Int.random(in: 1 ... 4, using: &rng); c.minSites = k; c.maxSites = k
            default: break
            }
            if Int.random(in: 0 ..< 3, using: &rng) == 0 { c.budget = Double(Int.random(in: 8 ... 30, using: &rng) * 100) }
            if Int.random(in: 0 ..< 4, using: &rng) == 0 { c.minPerDistrict = 1 }
            if Int.random(in: 0 ..< 3, using: &rng) == 0 { c.maxMinutes = Double(Int.random(in: 15 ... 40, using: &rng)) }
            if Int.random(in: 0 ..< 3, using: &rng) == 0 { c.minCoverage = Double.random(in: 0.3 ... 0.9, using: &rng) }
            if Int.random(in: 0 ..< 5, using: &rng) == 0 { c.minDistrictCoverage = Double.random(in: 0.2 ... 0.8, using: &rng) }
            let objective = objectives[Int(seed) % objectives.count]
            let spec = PlanSpecification(objective: objective, coverageMinutes: Double(Int.random(in: 10 ... 25, using: &rng)),
                                         constraints: c)
            if try check(instance, spec, seed: seed) { feasible += 1 } else { infeasible += 1 }
        }
        XCTAssertGreaterThanOrEqual(feasible, 15)
        XCTAssertGreaterThanOrEqual(infeasible, 5)
    }

    /// Two areas of 6 visits, two sites of capacity 10 both kept: splitting lets area B send 4
    /// visits to S1 (2 minutes) and 2 to S2 (5 minutes), travel 1 + (4 x 2 + 2 x 5) / 6 = 4;
    /// single sourcing sends B whole to S2, travel 1 + 5 = 6 (A to S2 and B to S1 would be 7).
    func testSingleSourcingDiffersFromSplitOnAHandWorkedCase() throws {
        let instance = PlanningInstance(
            areaWeight: [1, 1], areaDemand: [6, 6], areaDistrict: [0, 0], districtNames: ["D"],
            siteCost: [1, 1], siteCarbon: [1, 1], siteCapacity: [10, 10], siteDistrict: [0, 0],
            siteStatus: [.candidate, .candidate],
            pairs: [[(site: 0, minutes: 1), (site: 1, minutes: 5)], [(site: 0, minutes: 2), (site: 1, minutes: 5)]])
        func travel(_ capacity: CapacityAssignment) throws -> Plan {
            try Planner.plan(instance, PlanSpecification(objective: .minTravel, coverageMinutes: 10,
                                                         constraints: PlanConstraints(maxSites: 2, capacity: capacity)),
                             areaIDs: ["A", "B"])
        }
        let split = try travel(.split), single = try travel(.single)
        XCTAssertEqual(split.objective ?? .nan, 4, accuracy: 1e-9)
        XCTAssertEqual(single.objective ?? .nan, 6, accuracy: 1e-9)
        XCTAssertEqual(single.status, .optimal)
        XCTAssertEqual(single.areaSite, [0, 1])
    }

    /// An area whose demand exceeds every site's capacity cannot be served whole: a data fact,
    /// named in the conflict, while splitting it is feasible.
    func testAreaLargerThanEverySiteIsInfeasibleOnlyWithSingleSourcing() throws {
        let instance = PlanningInstance(
            areaWeight: [1, 1], areaDemand: [12, 2], areaDistrict: [0, 0], districtNames: ["D"],
            siteCost: [1, 1], siteCarbon: [1, 1], siteCapacity: [10, 10], siteDistrict: [0, 0],
            siteStatus: [.candidate, .candidate],
            pairs: [[(site: 0, minutes: 1), (site: 1, minutes: 5)], [(site: 0, minutes: 2), (site: 1, minutes: 5)]])
        func plan(_ capacity: CapacityAssignment) throws -> Plan {
            try Planner.plan(instance, PlanSpecification(objective: .minTravel, coverageMinutes: 10,
                                                         constraints: PlanConstraints(capacity: capacity)),
                             areaIDs: ["A", "B"])
        }
        XCTAssertEqual(try plan(.split).status, .optimal)
        let single = try plan(.single)
        XCTAssertEqual(single.status, .infeasible)
        let conflict = try XCTUnwrap(single.conflicts.first { $0.constraint == .capacity })
        XCTAssertEqual(conflict.details, ["area A needs 12 visits a year, more than any site within reach can take (at most 10)"])
    }

    /// Larger instances than enumeration allows, against the textbook single-source model (binary
    /// x_ij for every pair, no reductions, no heuristic, no fixing) solved by GLPK directly: the
    /// planner's reduced-cost fixing and rounds must not change the optimum.
    func testSingleSourcingMatchesTheTextbookModelOnLargerInstances() throws {
        var fixedSomewhere = false
        var solved = 0, coverCuts = 0
        for seed in UInt64(400) ..< 406 {
            var instance = randomInstance(seed: seed, areas: 30, sites: 10, horizon: 60)
            var rng = SplitMix64(seed: seed)
            instance.siteCapacity = (0 ..< 10).map { _ in Double(Int.random(in: 30 ... 60, using: &rng)) }
            // Sites of equal cost on half the seeds (as in the capacitated p-median): ties cannot
            // differ, so fixing also drops what only plans tied with the best one use.
            if seed % 2 == 0 { instance.siteCost = Array(repeating: 0, count: 10) }
            let p = 4 + Int(seed % 2)
            let spec = PlanSpecification(objective: .minTravel, coverageMinutes: 20,
                                         constraints: PlanConstraints(maxSites: p, minSites: p, capacity: .single))
            let plan = try Planner.plan(instance, spec, areaIDs: (0 ..< 30).map { "A\($0)" })
            // The default path fixes pairs by the Lagrangian relaxation before the LP; the LP-first
            // path (taken when the heuristic finds no plan in time) must not change the optimum either.
            let lpFirst = try Planner.$lagrangianFirstColumns.withValue(.max) {
                try Planner.plan(instance, spec, areaIDs: (0 ..< 30).map { "A\($0)" })
            }
            var model = LinearModel(sense: .minimise)
            let y = model.addVariables(10, kind: .binary)
            model.addRow(columns: Array(y), coefficients: Array(repeating: 1, count: 10), lower: Double(p), upper: Double(p))
            var load: [[(Int, Double)]] = Array(repeating: [], count: 10)
            for i in 0 ..< 30 where !instance.pairs(of: i).isEmpty {
                var row: [Int] = []
                for q in instance.pairs(of: i) {
                    let j = instance.pairSite[q]
                    let x = model.addVariable(.binary, upper: 1, objective: instance.areaWeight[i] * instance.pairMinutes[q])
                    model.addRow(columns: [x, j], coefficients: [1, -1], upper: 0)
                    load[j].append((x, instance.areaDemand[i]))
                    row.append(x)
                }
                model.addRow(columns: row, coefficients: row.map { _ in 1 }, lower: 1, upper: 1)
            }
            for j in 0 ..< 10 {
                model.addRow(columns: load[j].map(\.0) + [j], coefficients: load[j].map(\.1) + [-instance.siteCapacity[j]!], upper: 0)
            }
            let reference = try GLPKSolver.solve(model)
            guard reference.status == .optimal, let expected = reference.objective else {
                XCTAssertEqual(plan.status, .infeasible, "seed \(seed)")
                XCTAssertEqual(lpFirst.status, .infeasible, "seed \(seed)")
                continue
            }
            XCTAssertEqual(lpFirst.status, .optimal, "seed \(seed)")
            XCTAssertEqual(lpFirst.objective ?? .nan, expected, accuracy: 1e-6, "seed \(seed)")
            checkSingleSourced(lpFirst, instance, spec, "LP first, seed \(seed)", file: #filePath, line: #line)
            let lpFirstReport = try XCTUnwrap(lpFirst.singleSource)
            XCTAssertFalse(lpFirstReport.lagrangianBeforeLP)
            // The LP with cover cuts on the capacity rows: still a bound on the optimum.
            XCTAssertLessThanOrEqual(try XCTUnwrap(lpFirstReport.lpBound), expected + 1e-6, "a true bound; seed \(seed)")
            coverCuts += lpFirstReport.coverCuts
            XCTAssertLessThanOrEqual(try XCTUnwrap(lpFirstReport.lagrangianBound), expected + 1e-6, "a true bound; seed \(seed)")
            XCTAssertEqual(plan.status, .optimal, "seed \(seed)")
            XCTAssertEqual(plan.objective ?? .nan, expected, accuracy: 1e-6, "seed \(seed)")
            checkSingleSourced(plan, instance, spec, "seed \(seed)", file: #filePath, line: #line)
            let report = try XCTUnwrap(plan.singleSource)
            XCTAssertEqual(report.objectiveStep, 1, "whole minutes and weights; seed \(seed)")
            XCTAssertTrue(report.lagrangianBeforeLP)
            XCTAssertLessThanOrEqual(try XCTUnwrap(report.lpBound), expected + 1e-6, "a true bound; seed \(seed)")
            coverCuts += report.coverCuts
            XCTAssertLessThanOrEqual(try XCTUnwrap(report.lagrangianBound), expected + 1e-6, "a true bound; seed \(seed)")
            if report.pairsFixedByReducedCost > 0 { fixedSomewhere = true }
            solved += 1
        }
        XCTAssertGreaterThanOrEqual(solved, 4, "most instances have a plan to compare")
        XCTAssertTrue(fixedSomewhere, "reduced-cost fixing ran on at least one instance")
        XCTAssertGreaterThan(coverCuts, 0, "cover cuts were in some model solved")
    }

    /// Fixing against a step better than the best plan (whole minutes and weights, sites of equal
    /// cost and a fixed count, so ties cannot differ) against enumeration of every plan.
    func testWholeCostFixingKeepsTheOptimumWhereTiesCannotDiffer() throws {
        var proven = 0
        for seed in UInt64(600) ..< 640 {
            var instance = randomInstance(seed: seed, areas: 7, sites: 5, capacities: true)
            instance.siteCost = Array(repeating: 0, count: 5)
            let p = 2 + Int(seed % 2)
            let spec = PlanSpecification(objective: .minTravel, coverageMinutes: 20,
                                         constraints: PlanConstraints(maxSites: p, minSites: p, capacity: .single))
            if try check(instance, spec, seed: seed) { proven += 1 }
        }
        XCTAssertGreaterThanOrEqual(proven, 15)
    }

    /// A time limit too short for the LP relaxation still gives a plan: the heuristic's, checked
    /// against every row, reported as feasible with the Lagrangian bound (which needs no LP).
    func testSingleSourcingReportsTheHeuristicPlanWhenTheLPRunsOutOfTime() throws {
        var instance = randomInstance(seed: 500, areas: 240, sites: 60, horizon: 80)
        instance.siteCapacity = (0 ..< 60).map { _ in 200 }
        var spec = PlanSpecification(objective: .minTravel, coverageMinutes: 20,
                                     constraints: PlanConstraints(maxSites: 12, minSites: 12, capacity: .single))
        spec.timeLimit = 0.005
        let plan = try Planner.plan(instance, spec, areaIDs: (0 ..< 240).map { "A\($0)" })
        XCTAssertEqual(plan.status, .feasible)
        let bound = try XCTUnwrap(plan.bound, "the Lagrangian bound is reported without the LP")
        XCTAssertLessThanOrEqual(bound, try XCTUnwrap(plan.objective) + 1e-6)
        XCTAssertEqual(bound, try XCTUnwrap(plan.singleSource?.lagrangianBound), accuracy: 1e-6)
        XCTAssertTrue(plan.message?.contains("LP relaxation") ?? false, plan.message ?? "")
        XCTAssertEqual(plan.keep.filter { $0 }.count, 12)
        checkSingleSourced(plan, instance, spec, "time-limited", file: #filePath, line: #line)
    }
}
