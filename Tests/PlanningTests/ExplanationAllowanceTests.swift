import Estate
import EstateIO
import Foundation
import Planning
import XCTest

/// The explanations' allowance is a count of re-solves, so the same inputs give the same
/// explanations however long each re-solve takes (a loaded machine against an idle one).
final class ExplanationAllowanceTests: XCTestCase {
    /// The buildings-only Kent scenario with its budget cut to £2.5m, so that every limit's
    /// figures need solves (the budget binds).
    private func tightKent() throws -> PlanContext {
        let inputs = try InputLoader.load(path: PlanExplainerTests.packageRoot
            .appendingPathComponent("datasets/kent/buildings-only/scenario.yaml").path)
        var scenario = inputs.scenario
        scenario.constraints.budget = 2_500_000
        return try PlanPipeline.run(scenario: scenario, dataset: inputs.dataset)
    }

    /// The figures of an explanation (everything but the seconds it took).
    private func figures(_ e: PlanExplanation) -> [String] {
        ["\(e.limits)", "\(e.sites)", "\(e.baseline)", "\(e.everySiteKept)", "\(e.resolves)", "\(e.skipped)", "\(e.allowedResolves as Any)"]
    }

    func testSlowReSolvesGiveTheSameExplanationAsFastOnes() throws {
        let context = try tightKent()
        // Each re-solve made a quarter of a second slower, as on a busy machine: an allowance in
        // seconds would have run fewer of them.
        let slow: PlanPipeline.Solve = { instance, spec, ids in
            Thread.sleep(forTimeInterval: 0.25)
            return try Planner.plan(instance, spec, areaIDs: ids)
        }
        for allowed in [1, 3] {
            let fast = try XCTUnwrap(try PlanExplainer.explain(context, resolves: allowed))
            let delayed = try XCTUnwrap(try PlanExplainer.explain(context, resolves: allowed, solve: slow))
            XCTAssertEqual(figures(fast), figures(delayed), "\(allowed) re-solves")
            XCTAssertEqual(fast.resolves, allowed, "the scenario needs more than \(allowed) re-solves")
            XCTAssertGreaterThan(fast.skipped, 0)
            XCTAssertFalse(fast.complete)
        }
    }

    func testReSolvesAnsweredAheadOnOtherThreadsGiveTheSameExplanation() throws {
        let context = try tightKent()
        for allowed in [1, 3, nil] as [Int?] {
            let alone = try XCTUnwrap(try PlanExplainer.explain(context, resolves: allowed, helpers: 0))
            let helped = try XCTUnwrap(try PlanExplainer.explain(context, resolves: allowed, helpers: 3))
            XCTAssertEqual(figures(alone), figures(helped), "\(String(describing: allowed)) re-solves")
        }
    }

    func testTheAllowanceRunsTheMostTellingReSolvesFirstAndCountsTheRest() throws {
        let context = try tightKent()
        let all = try XCTUnwrap(try PlanExplainer.explain(context))
        XCTAssertTrue(all.complete)
        XCTAssertNil(all.allowedResolves)
        let one = try XCTUnwrap(try PlanExplainer.explain(context, resolves: 1))
        XCTAssertEqual(one.resolves, 1)
        XCTAssertGreaterThan(one.skipped, 0)
        // The one re-solve allowed is the budget one step looser: what £100,000 more buys.
        let budget = try XCTUnwrap(one.limits.first { $0.limit == .budget })
        XCTAssertEqual(budget.looser, all.limits.first { $0.limit == .budget }?.looser)
        XCTAssertTrue(budget.without.wasSkipped)
        let none = try XCTUnwrap(try PlanExplainer.explain(context, resolves: 0))
        XCTAssertEqual(none.resolves, 0)
        XCTAssertGreaterThan(none.skipped, 0)
        XCTAssertTrue(none.limits.allSatisfy { $0.without.wasSkipped || $0.without.inferred })
    }
}
