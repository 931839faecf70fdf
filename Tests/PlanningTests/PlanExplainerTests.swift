import Estate
import EstateIO
import Foundation
import Planning
import XCTest

/// Every figure of an explanation is re-derived here from a plan solved separately: the scenario
/// changed by hand (a budget written £100,000 higher, a limit removed, a site's status set to
/// keep or close in the data) and planned from scratch, or a coverage count made by walking the
/// travel pairs directly.
final class PlanExplainerTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The bundled Kent dataset and its buildings-only scenario, with the budget cut to £2.5m so that it binds.
    private func tightKent() throws -> (scenario: Scenario, dataset: Dataset) {
        let inputs = try InputLoader.load(path: Self.packageRoot.appendingPathComponent("datasets/kent/buildings-only/scenario.yaml").path)
        var scenario = inputs.scenario
        scenario.constraints.budget = 2_500_000
        return (scenario, inputs.dataset)
    }

    private func plan(_ scenario: Scenario, _ dataset: Dataset) throws -> PlanContext {
        try PlanPipeline.run(scenario: scenario, dataset: dataset)
    }

    private func children(covered plan: Plan, _ dataset: Dataset) -> Double {
        zip(plan.areaCoveredShare, dataset.areas).reduce(0) { $0 + $1.0 * $1.1.children }
    }

    /// Asserts that a re-solve's figures are those of `expected`, planned separately.
    private func assertSame(_ result: PlanExplanation.Resolve?, as expected: PlanContext, base: PlanContext,
                            _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let result, let m = result.measures else { return XCTFail("\(label): no re-solve", file: file, line: line) }
        let plan = expected.plan
        XCTAssertEqual(result.status, plan.status, label, file: file, line: line)
        XCTAssertEqual(m.objective, plan.objective!, accuracy: 1e-6, label, file: file, line: line)
        let cost = expected.dataset.sites.indices.reduce(0) { plan.keep[$1] ? $0 + expected.dataset.sites[$1].annualCost : $0 }
        XCTAssertEqual(m.cost, cost, accuracy: 1e-6, label, file: file, line: line)
        XCTAssertEqual(m.sitesKept, plan.keep.filter { $0 }.count, label, file: file, line: line)
        XCTAssertEqual(m.childrenCovered, children(covered: plan, expected.dataset), accuracy: 1e-6, label, file: file, line: line)
        XCTAssertEqual(result.sameDecisions, plan.keep == base.plan.keep, label, file: file, line: line)
    }

    func testMarginalValuesOfLimitsEqualTheDifferenceOfPlansSolvedSeparately() throws {
        let (scenario, dataset) = try tightKent()
        let base = try plan(scenario, dataset)
        let explanation = try XCTUnwrap(try PlanExplainer.explain(base))
        XCTAssertEqual(explanation.limits.map(\.limit), [.budget, .minPerDistrict])
        XCTAssertEqual(explanation.baseline.objective, base.plan.objective!, accuracy: 1e-9)

        let budget = explanation.limits[0]
        XCTAssertEqual(budget.value, 2_500_000)
        XCTAssertEqual(budget.looser?.value, 2_600_000, "a £2.5m budget moves by £100,000")
        XCTAssertEqual(budget.tighter?.value, 2_400_000)
        var changed = scenario
        changed.constraints.budget = 2_600_000
        let more = try plan(changed, dataset)
        assertSame(budget.looser?.result, as: more, base: base, "budget +£100k")
        // The marginal value of £100,000: the difference of the two plans' objectives.
        let gain = try XCTUnwrap(budget.looser?.result.measures).objective - explanation.baseline.objective
        XCTAssertEqual(gain, more.plan.objective! - base.plan.objective!, accuracy: 1e-6)
        XCTAssertGreaterThan(gain, 0, "the £2.5m budget binds")
        XCTAssertTrue(budget.binds(objective: .maxCoverage, baseline: explanation.baseline))
        changed.constraints.budget = 2_400_000
        assertSame(budget.tighter?.result, as: try plan(changed, dataset), base: base, "budget -£100k")
        changed.constraints.budget = nil
        assertSame(budget.without, as: try plan(changed, dataset), base: base, "no budget")

        let perDistrict = explanation.limits[1]
        changed = scenario
        changed.constraints.minPerDistrict = nil
        let without = try plan(changed, dataset)
        assertSame(perDistrict.without, as: without, base: base, "no min_per_district")
        XCTAssertEqual(without.plan.keep, base.plan.keep, "the tight plan keeps a site in every district anyway")
        XCTAssertTrue(perDistrict.without.sameDecisions, "so the limit changed nothing, and says so")
        XCTAssertFalse(perDistrict.binds(objective: .maxCoverage, baseline: explanation.baseline))
        changed.constraints.minPerDistrict = 2
        assertSame(perDistrict.tighter?.result, as: try plan(changed, dataset), base: base, "2 per district")
    }

    func testSiteFiguresEqualThePlanThatKeepsOrClosesThatSite() throws {
        let (scenario, dataset) = try tightKent()
        let base = try plan(scenario, dataset)
        let keep = base.plan.keep
        let closed = try XCTUnwrap(dataset.sites.indices.first { !keep[$0] && dataset.sites[$0].status == .candidate })
        let kept = try XCTUnwrap(dataset.sites.indices.first { keep[$0] && dataset.sites[$0].status == .candidate })
        let explanation = try XCTUnwrap(try PlanExplainer.explain(base, resolving: [closed, kept]))
        XCTAssertEqual(explanation.siteMethod, .resolve)
        XCTAssertEqual(explanation.sites.count, dataset.sites.filter { $0.status == .candidate }.count)

        for (site, status) in [(closed, SiteStatus.keep), (kept, .close)] {
            let effect = try XCTUnwrap(explanation.sites.first { $0.site == site })
            XCTAssertEqual(effect.kept, keep[site])
            // The best plan with the site forced: the dataset with that site's status set, planned from scratch.
            var sites = dataset.sites
            sites[site].status = status
            let forcedData = Dataset(source: dataset.source, districts: dataset.districts, areas: dataset.areas, sites: sites,
                                     usage: dataset.usage, indicators: dataset.indicators, travel: dataset.travel)
            assertSame(effect.resolved, as: try plan(scenario, forcedData), base: base, "site \(dataset.sites[site].id) \(status)")

            // The plan fixed but for the site: coverage counted by walking the travel pairs.
            var flipped = keep
            flipped[site].toggle()
            let instance = base.instance
            var covered = 0.0, children = 0.0
            for i in 0 ..< instance.areaCount where instance.pairs(of: i).contains(where: {
                flipped[instance.pairSite[$0]] && instance.pairMinutes[$0] <= scenario.coverageMinutes
            }) {
                covered += instance.areaWeight[i]
                children += dataset.areas[i].children
            }
            let measures = try XCTUnwrap(effect.flipped)
            XCTAssertEqual(measures.objective, covered, accuracy: 1e-6)
            XCTAssertEqual(measures.childrenCovered, children, accuracy: 1e-6)
            XCTAssertEqual(measures.cost - explanation.baseline.cost,
                           (keep[site] ? -1 : 1) * dataset.sites[site].annualCost, accuracy: 1e-6)
        }
        let untouched = explanation.sites.filter { $0.site != closed && $0.site != kept }
        XCTAssertTrue(untouched.allSatisfy { $0.resolved == nil }, "re-solves are bounded to the sites asked for")
    }

    func testAnUnreachableDeprivedFloorIsExplainedByItsBestAndTheAreasBeyondReach() throws {
        var (scenario, dataset) = try tightKent()
        scenario.constraints.minDeprivedCoverage = 1
        let infeasible = try plan(scenario, dataset)
        XCTAssertEqual(infeasible.plan.status, .infeasible)
        let conflict = try XCTUnwrap(infeasible.plan.conflicts.first { $0.constraint == .minDeprivedCoverage })
        XCTAssertEqual(conflict.limit, 1)

        // The deprived areas beyond 20 minutes of every building, counted from the travel pairs.
        let instance = infeasible.instance, deprived = infeasible.specification.deprivedAreas
        let beyond = deprived.filter { i in !instance.pairs(of: i).contains { instance.pairMinutes[$0] <= scenario.coverageMinutes } }
        let fact = try XCTUnwrap(conflict.outOfReach.first)
        XCTAssertEqual(fact.group, "most deprived areas")
        XCTAssertEqual(fact.areas, deprived.count)
        XCTAssertEqual(fact.beyond, beyond.count)
        XCTAssertGreaterThan(beyond.count, 0)
        let total = deprived.reduce(0) { $0 + instance.areaWeight[$1] }
        XCTAssertEqual(fact.ceiling, 1 - beyond.reduce(0) { $0 + instance.areaWeight[$1] } / total, accuracy: 1e-12)

        // The best with the budget held: a floor just below it has a plan, one just above has none.
        let best = try XCTUnwrap(conflict.best)
        XCTAssertLessThanOrEqual(best, fact.ceiling + 1e-12)
        scenario.constraints.minDeprivedCoverage = best - 1e-6
        XCTAssertEqual(try plan(scenario, dataset).plan.status, .optimal)
        scenario.constraints.minDeprivedCoverage = best + 1e-4
        XCTAssertEqual(try plan(scenario, dataset).plan.status, .infeasible)
    }
}
