@testable import LocationModels
import Optimisation
import XCTest

/// The independent parts of a covering model (``CoverageComponents``) and the search part by part
/// (``CoverageBenders/improveByParts(_:model:cuts:options:seconds:)``), against enumeration.
final class CoverageComponentsTests: XCTestCase {
    func testPartsJoinTheSitesThatShareAGroup() {
        let cuts = CoverageCuts(share: [10, 11, 12, 13, 14], covering: [[5, 6], [6, 7], [8], [9, 0], []])
        XCTAssertEqual(CoverageComponents.parts(of: cuts), [[8], [0, 9], [5, 6, 7]])
    }

    /// Clustered instances (towns far apart beside the radius, so each town's sites form a part,
    /// and parts of one town may split further), started from the worst plan of p sites: the
    /// search must return, among the plans that keep as many sites in each part as the start, one
    /// covering the most (each part's best with the others held, which is the best of them all since
    /// the parts share no client); and the whole solve must still reach the optimum.
    func testEachPartIsSearchedToItsBestWithTheOthersHeld() throws {
        var improvedSome = 0
        for seed in UInt64(900) ..< 940 {
            var rng = SeededGenerator(seed: seed)
            let towns = [(0.0, 0.0), (1000.0, 0.0), (0.0, 1000.0)]
            let sitesPerTown = 4, clientsPerTown = 9
            let sitePoints = towns.flatMap { t in (0 ..< sitesPerTown).map { _ in
                (t.0 + Double.random(in: 0 ..< 40, using: &rng), t.1 + Double.random(in: 0 ..< 40, using: &rng)) } }
            let clientPoints = towns.flatMap { t in (0 ..< clientsPerTown).map { _ in
                (t.0 + Double.random(in: 0 ..< 40, using: &rng), t.1 + Double.random(in: 0 ..< 40, using: &rng)) } }
            let weights = clientPoints.map { _ in Double(Int.random(in: 1 ... 9, using: &rng)) }
            let radius = Double(Int.random(in: 10 ... 25, using: &rng))
            let p = Int.random(in: 3 ... 6, using: &rng)
            let m = sitePoints.count
            func covers(_ j: Int, _ i: Int) -> Bool {
                let (a, b) = (clientPoints[i], sitePoints[j])
                return ((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1)).squareRoot() <= radius
            }
            func covered(_ open: [Int]) -> Double {
                clientPoints.indices.reduce(0.0) { sum, i in open.contains { covers($0, i) } ? sum + weights[i] : sum }
            }

            var master = LinearModel(sense: .maximise)
            let y = master.addVariables(m, kind: .binary)
            master.addRow(columns: Array(y), coefficients: Array(repeating: 1, count: m), lower: Double(p), upper: Double(p))
            let z = master.addVariables(clientPoints.count, kind: .continuous, upper: 1)
            for i in clientPoints.indices { master.setObjectiveCoefficient(z.lowerBound + i, weights[i]) }
            let covering = clientPoints.indices.map { i in (0 ..< m).filter { covers($0, i) }.map { y.lowerBound + $0 } }
            let cuts = CoverageCuts(share: Array(z), covering: covering)
            let parts = CoverageComponents.parts(of: cuts)
            XCTAssertEqual(parts.reduce(0) { $0 + $1.count }, Set(covering.joined()).count, "every covering site in one part")
            for (a, b) in zip(parts.indices, parts.indices.dropFirst()) {
                XCTAssertTrue(Set(parts[a]).isDisjoint(with: parts[b]))
            }

            let plans = (0 ..< (1 << m)).map { mask in (0 ..< m).filter { mask & (1 << $0) != 0 } }.filter { $0.count == p }
            let worst = plans.min { covered($0) < covered($1) }!
            func point(_ open: [Int]) -> [Double] {
                var values = [Double](repeating: 0, count: master.variableCount)
                for j in open { values[y.lowerBound + j] = 1 }
                for (i, sites) in covering.enumerated() where sites.contains(where: { values[$0] == 1 }) { values[z.lowerBound + i] = 1 }
                return values
            }
            func perPart(_ open: [Int]) -> [Int] { parts.map { part in open.count { part.contains(y.lowerBound + $0) } } }
            let context = "seed \(seed) p \(p) radius \(radius)"
            let bestAlike = plans.filter { perPart($0) == perPart(worst) }.map(covered).max()!
            let start = point(worst)
            let found = try CoverageBenders.improveByParts(start, model: master, cuts: cuts, options: SolveOptions(), seconds: 60)
            let open = (0 ..< m).filter { (found ?? start)[y.lowerBound + $0] > 0.5 }
            XCTAssertEqual(open.count, p, context)
            XCTAssertEqual(covered(open), bestAlike, context)
            XCTAssertEqual(master.objectiveValue(of: found ?? start), bestAlike, accuracy: 1e-6, context)
            XCTAssertEqual(found == nil, bestAlike == covered(worst), "nil exactly when no part improves: \(context)")
            if found != nil { improvedSome += 1 }

            let solved = try CoverageBenders.solve(master: master, cuts: cuts, incumbent: start, options: SolveOptions())
            XCTAssertEqual(solved.solution.status, .optimal, context)
            XCTAssertEqual(solved.solution.objective ?? -1, plans.map(covered).max()!, accuracy: 1e-6, context)
        }
        XCTAssertGreaterThan(improvedSome, 20, "the worst plan is improvable on most instances")
    }
}
