import Foundation
import XCTest
@testable import Batch
import Quantities

final class FrontierTests: XCTestCase {
    /// A 9-item knapsack: x = total weight (kg), y = total value.
    static let weights = [3, 4, 5, 9, 2, 7, 6, 1, 8]
    static let values = [4, 5, 7, 11, 3, 8, 7, 1, 9]

    /// Every subset's (weight, value), by brute force.
    static var subsets: [(weight: Int, value: Int)] {
        (0..<(1 << weights.count)).map { mask in
            let items = weights.indices.filter { mask & (1 << $0) != 0 }
            return (items.reduce(0) { $0 + weights[$1] }, items.reduce(0) { $0 + values[$1] })
        }
    }

    /// The exact frontier, by brute force: subsets no other subset beats in both.
    static var bruteForceFrontier: [Pair] {
        let all = subsets
        let nondominated = all.filter { a in
            !all.contains { b in b.weight <= a.weight && b.value >= a.value && (b.weight < a.weight || b.value > a.value) }
        }
        return Set(nondominated.map { Pair(x: Double($0.weight), y: Double($0.value)) }).sorted { $0.x < $1.x }
    }

    struct Pair: Hashable { var x: Double; var y: Double }

    func testKnapsackFrontierTracedExactlyWithFewerSolvesThanWeights() throws {
        let solves = Counter()
        // Max value with weight <= epsilon; ties go to the lighter subset (lexicographic).
        let frontier = try ParetoTracer(x: .minimize, y: .maximize, range: 0...45, maxSolves: 100, resolution: 1)
            .trace { epsilon -> (x: Double, y: Double, payload: Int)? in
                solves.count += 1
                let best = Self.subsets.filter { Double($0.weight) <= epsilon }
                    .max { ($0.value, -$0.weight) < ($1.value, -$1.weight) }
                return best.map { (Double($0.weight), Double($0.value), $0.weight) }
            }
        let expected = Self.bruteForceFrontier
        XCTAssertEqual(frontier.points.map { Pair(x: $0.x, y: $0.y) }, expected)
        XCTAssertEqual(frontier.solves, solves.count)
        XCTAssertLessThanOrEqual(frontier.solves, 2 * expected.count + 1)
        XCTAssertTrue(frontier.infeasibleEpsilons.isEmpty)
        XCTAssertEqual(frontier.points.map(\.payload), expected.map { Int($0.x) })
    }

    func testMaximisedConstrainedCriterionTracesTheSameFrontier() throws {
        // x = value (maximise, value >= epsilon), y = weight (minimise); infeasible above 60.
        let frontier = try ParetoTracer(x: .maximize, y: .minimize, range: 0...70, maxSolves: 100, resolution: 1)
            .trace { epsilon -> (x: Double, y: Double, payload: Void)? in
                let best = Self.subsets.filter { Double($0.value) >= epsilon }
                    .min { ($0.weight, -$0.value) < ($1.weight, -$1.value) }
                return best.map { (Double($0.value), Double($0.weight), ()) }
            }
        XCTAssertEqual(frontier.points.map { Pair(x: $0.y, y: $0.x) }, Self.bruteForceFrontier)
        XCTAssertFalse(frontier.infeasibleEpsilons.isEmpty)
    }

    func testBudgetCapsTheSolvesAndTheTwoEndsComeFirst() throws {
        let frontier = try ParetoTracer(x: .minimize, y: .maximize, range: 0...45, maxSolves: 4, resolution: 1)
            .trace { epsilon -> (x: Double, y: Double, payload: Void)? in
                let best = Self.subsets.filter { Double($0.weight) <= epsilon }
                    .max { ($0.value, -$0.weight) < ($1.value, -$1.weight) }
                return best.map { (Double($0.weight), Double($0.value), ()) }
            }
        XCTAssertEqual(frontier.solves, 4)
        XCTAssertEqual(frontier.samples.prefix(2).map(\.epsilon), [45, 0])
        XCTAssertThrowsError(try ParetoTracer(x: .minimize, y: .maximize, range: 0...1, maxSolves: 1)
            .trace { _ -> (x: Double, y: Double, payload: Void)? in nil })
    }

    func testAdaptiveSpacingBeatsUniformSpacingOnACurvedFrontier() throws {
        // y = sqrt(x) on [0, 1]: steep near 0, flat near 1.
        let maxSolves = 9
        let frontier = try ParetoTracer(x: .minimize, y: .maximize, range: 0...1, maxSolves: maxSolves)
            .trace { epsilon -> (x: Double, y: Double)? in (epsilon, epsilon.squareRoot()) }
        func largestGap(_ points: [(Double, Double)]) -> Double {
            zip(points, points.dropFirst()).map { hypot($1.0 - $0.0, $1.1 - $0.1) }.max()!
        }
        let adaptive = largestGap(frontier.points.map { ($0.x, $0.y) })
        let uniform = largestGap((0..<maxSolves).map { Double($0) / Double(maxSolves - 1) }.map { ($0, $0.squareRoot()) })
        XCTAssertEqual(frontier.points.count, maxSolves)
        XCTAssertLessThan(adaptive, uniform * 0.8, "adaptive \(adaptive), uniform \(uniform)")
        XCTAssertTrue(frontier.points.allSatisfy { $0.y == $0.x.squareRoot() })
    }

    func testDominanceFilterKeepsOnlyNonDominatedPointsSortedByX() {
        let points = [(3.0, 5.0), (1.0, 2.0), (2.0, 2.0), (3.0, 5.0), (4.0, 4.0), (5.0, 7.0), (0.5, 1.0)]
            .enumerated().map { FrontierPoint(epsilon: Double($0.offset), x: $0.element.0, y: $0.element.1, payload: $0.offset) }
        let kept = ParetoFilter.nondominated(points, x: .minimize, y: .maximize)
        XCTAssertEqual(kept.map(\.payload), [6, 1, 0, 5])
        let maxMax = ParetoFilter.nondominated(points, x: .maximize, y: .maximize)
        XCTAssertEqual(maxMax.map(\.payload), [5])
    }

    func testKneeIsThePointFarthestFromTheChord() {
        let points = [(0.0, 0.0), (1.0, 0.9), (2.0, 0.95), (3.0, 1.0)]
            .map { FrontierPoint(epsilon: $0.0, x: $0.0, y: $0.1, payload: ()) }
        XCTAssertEqual(ParetoFilter.knee(points)?.x, 1)
        XCTAssertNil(ParetoFilter.knee(Array(points.prefix(2))))
    }

    func testAxisTicksAreNiceStepsCoveringTheData() {
        let cost = AxisTicks([6_200_000, 9_000_000])
        XCTAssertEqual(cost.step, 500_000)
        XCTAssertEqual(cost.ticks, [6_000_000, 6_500_000, 7_000_000, 7_500_000, 8_000_000, 8_500_000, 9_000_000])
        XCTAssertEqual(cost.ticks.map { AxisTicks.label($0, step: cost.step) },
                       ["6.0M", "6.5M", "7.0M", "7.5M", "8.0M", "8.5M", "9.0M"])
        let share = AxisTicks([0.55, 0.97])
        XCTAssertEqual(share.step, 0.1, accuracy: 1e-12)
        XCTAssertEqual(share.ticks.map { AxisTicks.label($0, step: share.step) }, ["0.5", "0.6", "0.7", "0.8", "0.9", "1.0"])
        XCTAssertEqual(AxisTicks.label(0, step: 2_000_000), "0")
        XCTAssertEqual(AxisTicks([5, 5]).ticks.map { AxisTicks.label($0, step: 0.2) }.first, "4.4")
        // An axis with a quantity reads as the tables and sentences write it: pounds to the pound,
        // shares as percentages to a tenth, minutes to a tenth.
        XCTAssertEqual(cost.ticks.map { AxisTicks.label($0, step: cost.step, quantity: .money) }.prefix(2),
                       ["£6,000,000", "£6,500,000"])
        XCTAssertEqual(AxisTicks([0.805, 0.86]).ticks.map { AxisTicks.label($0, step: 0.01, quantity: .share) }.first, "80.0%")
        XCTAssertEqual(AxisTicks.label(0.855, step: 0.005, quantity: .share), "85.5%")
        XCTAssertEqual(AxisTicks.label(12.25, step: 0.5, quantity: .minutes), "12.3")
    }

    func testSVGDrawsEveryPointLabelsChosenOnesAndIsDeterministic() throws {
        let plot = FrontierPlot(title: "Cost <-> coverage", xTitle: "cost (GBP/year)", yTitle: "coverage share")
        let points = [
            FrontierPlot.Point(x: 6.2e6, y: 0.62), FrontierPlot.Point(x: 7e6, y: 0.9, label: "knee & best"),
            FrontierPlot.Point(x: 9e6, y: 0.97, label: "full estate"),
        ]
        let svg = plot.svg(points)
        XCTAssertEqual(svg, plot.svg(points))
        XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        XCTAssertTrue(svg.hasSuffix("</svg>\n"))
        XCTAssertEqual(svg.components(separatedBy: "<circle").count - 1, 3)
        XCTAssertEqual(svg.components(separatedBy: "r=\"6\"").count - 1, 2)
        XCTAssertTrue(svg.contains("paint-order=\"stroke\">knee &amp; best</text>"))
        XCTAssertTrue(svg.contains(">Cost &lt;-&gt; coverage</text>"))
        XCTAssertTrue(svg.contains(">7.0M</text>"))
        // The 7e6 point sits at the pixel the axis maps it to: 90 + (7.0-6.0)/(9.0-6.0) * 600.
        XCTAssertTrue(svg.contains("<circle cx=\"290.00\""), svg)
        let csv = FrontierPlot.csv(
            [FrontierPoint(epsilon: 7e6, x: 6.9e6, y: 0.9, payload: ())], xName: "cost", yName: "coverage",
            label: { _ in "knee, chosen" })
        XCTAssertEqual(csv, "epsilon,cost,coverage,label\n7000000.0,6900000.0,0.9,\"knee, chosen\"\n")
    }
}

final class Counter: @unchecked Sendable {
    var count = 0
}
