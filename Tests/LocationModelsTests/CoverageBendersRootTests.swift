@testable import LocationModels
import Optimisation
import XCTest

/// The root of ``CoverageBenders/solve(master:cuts:incumbent:options:)`` (Kelley's rounds, the search
/// near the root LP, reduced-cost fixing) against enumeration of every subset of sites.
final class CoverageBendersRootTests: XCTestCase {
    /// The incumbent is the second-best plan (the closest a heuristic can come without being
    /// optimal), so the gap is as small as it gets and the fixing as aggressive as it gets: no
    /// fixing may cut the optimum off. Some instances must fix sites, or the check proves nothing.
    func testFixingFromTheSecondBestPlanKeepsTheOptimum() throws {
        var fixed = 0, checked = 0
        for seed in UInt64(400) ..< 480 {
            // Planar instances large enough for the LP to be fractional at the root.
            let instance = try RandomLocationInstance(seed: seed, clients: 30, sites: 10)
            var rng = SeededGenerator(seed: seed &* 13)
            let p = Int.random(in: 2 ... 5, using: &rng)
            let radius = Double(Int.random(in: 10 ... 30, using: &rng))
            let plans = instance.subsets.filter { $0.sites.count <= p }
                .map { (sites: $0.sites, covered: instance.coveredWeight($0.sites, radius: radius)) }
            let optimum = plans.map(\.covered).max() ?? 0
            guard let secondBest = plans.filter({ $0.covered < optimum }).max(by: { $0.covered < $1.covered }) else { continue }

            var master = LinearModel(sense: .maximise)
            let y = master.addVariables(instance.sites, kind: .binary)
            master.addRow(columns: Array(y), coefficients: Array(repeating: 1, count: instance.sites), upper: Double(p))
            let z = master.addVariables(instance.clients, kind: .continuous, upper: 1)
            for i in 0 ..< instance.clients { master.setObjectiveCoefficient(z.lowerBound + i, instance.weights[i]) }
            let covering = (0 ..< instance.clients).map { i in
                (0 ..< instance.sites).filter { instance.dense[i * instance.sites + $0] <= radius }.map { y.lowerBound + $0 }
            }
            let cuts = CoverageCuts(share: Array(z), covering: covering)
            var incumbent = [Double](repeating: 0, count: master.variableCount)
            for j in secondBest.sites { incumbent[y.lowerBound + j] = 1 }
            for (i, sites) in covering.enumerated() where sites.contains(where: { incumbent[$0] == 1 }) {
                incumbent[z.lowerBound + i] = 1
            }

            for searchesNearRoot in [false, true] {
                let solved = try CoverageBenders.solve(master: master, cuts: cuts, incumbent: incumbent, options: SolveOptions(),
                                                       searchesNearRoot: searchesNearRoot)
                let context = "seed \(seed) p \(p) radius \(radius) search near the root \(searchesNearRoot)"
                XCTAssertEqual(solved.solution.status, .optimal, context)
                XCTAssertEqual(solved.solution.objective ?? -1, optimum, accuracy: 1e-6, context)
                let open = (0 ..< instance.sites).filter { solved.solution[y.lowerBound + $0] > 0.5 }
                XCTAssertLessThanOrEqual(open.count, p, context)
                XCTAssertEqual(instance.coveredWeight(open, radius: radius), optimum, context)
                if let bound = solved.rootBound { XCTAssertGreaterThanOrEqual(bound, optimum - 1e-6, context) }
                if !searchesNearRoot { fixed += solved.fixedColumns }
                checked += 1
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 80)
        XCTAssertGreaterThan(fixed, 10, "the root's reduced costs fixed sites on some instances")
    }
}
