@testable import LocationModels
import Optimisation
import XCTest

/// The independent parts of a covering model (``CoverageComponents``) and the searches part by part
/// (``CoverageBenders/improveByParts(_:model:cuts:options:seconds:)`` within the whole model,
/// ``CoveragePartSearch`` on each part alone, with moves between parts), against enumeration.
final class CoverageComponentsTests: XCTestCase {
    func testPartsJoinTheSitesThatShareAGroup() {
        let cuts = CoverageCuts(share: [10, 11, 12, 13, 14], covering: [[5, 6], [6, 7], [8], [9, 0], []])
        XCTAssertEqual(CoverageComponents.parts(of: cuts), [[8], [0, 9], [5, 6, 7]])
    }

    /// A clustered instance: towns far apart beside the radius (so each town's sites form a part,
    /// which may split further), its master with `sites: {exactly: p}` and its links.
    struct Towns {
        var sitePoints: [(Double, Double)] = [], clientPoints: [(Double, Double)] = [], weights: [Double] = []
        var radius = 0.0, p = 0
        var master = LinearModel(sense: .maximise)
        var y: Range<Int> = 0 ..< 0, z: Range<Int> = 0 ..< 0
        var cuts = CoverageCuts(share: [], covering: [])

        init(seed: UInt64, sitesPerTown: [Int], clientsPerTown: Int, p: ClosedRange<Int>) {
            var rng = SeededGenerator(seed: seed)
            for (t, count) in sitesPerTown.enumerated() {
                let centre = (Double(t) * 1000, 0.0)
                for _ in 0 ..< count {
                    sitePoints.append((centre.0 + Double.random(in: 0 ..< 40, using: &rng), Double.random(in: 0 ..< 40, using: &rng)))
                }
                for _ in 0 ..< clientsPerTown {
                    clientPoints.append((centre.0 + Double.random(in: 0 ..< 40, using: &rng), Double.random(in: 0 ..< 40, using: &rng)))
                }
            }
            weights = clientPoints.map { _ in Double(Int.random(in: 1 ... 9, using: &rng)) }
            radius = Double(Int.random(in: 10 ... 25, using: &rng))
            self.p = Int.random(in: p, using: &rng)
            let m = sitePoints.count
            y = master.addVariables(m, kind: .binary)
            master.addRow(columns: Array(y), coefficients: Array(repeating: 1, count: m), lower: Double(self.p), upper: Double(self.p))
            z = master.addVariables(clientPoints.count, kind: .continuous, upper: 1)
            for i in clientPoints.indices { master.setObjectiveCoefficient(z.lowerBound + i, weights[i]) }
            let covering = clientPoints.indices.map { i in (0 ..< m).filter { covers($0, i) }.map { y.lowerBound + $0 } }
            cuts = CoverageCuts(share: Array(z), covering: covering)
        }

        func covers(_ j: Int, _ i: Int) -> Bool {
            let (a, b) = (clientPoints[i], sitePoints[j])
            return ((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1)).squareRoot() <= radius
        }

        func covered(_ open: [Int]) -> Double {
            clientPoints.indices.reduce(0.0) { sum, i in open.contains { covers($0, i) } ? sum + weights[i] : sum }
        }

        /// Every plan of exactly `count` sites, as sorted site indices.
        func plans(_ count: Int) -> [[Int]] {
            (0 ..< (1 << sitePoints.count)).map { mask in (0 ..< sitePoints.count).filter { mask & (1 << $0) != 0 } }
                .filter { $0.count == count }
        }

        /// The model's point of the plan `open`.
        func point(_ open: [Int]) -> [Double] {
            var values = [Double](repeating: 0, count: master.variableCount)
            for j in open { values[y.lowerBound + j] = 1 }
            for (i, sites) in cuts.covering.enumerated() where sites.contains(where: { values[$0] == 1 }) { values[z.lowerBound + i] = 1 }
            return values
        }

        func open(_ point: [Double]) -> [Int] { (0 ..< sitePoints.count).filter { point[y.lowerBound + $0] > 0.5 } }
    }

    /// Started from the worst plan of p sites, the search must return, among the plans that keep as
    /// many sites in each part as the start, one covering the most (each part's best with the others
    /// held, which is the best of them all since the parts share no client); the whole solve must
    /// still reach the optimum.
    func testEachPartIsSearchedToItsBestWithTheOthersHeld() throws {
        var improvedSome = 0
        for seed in UInt64(900) ..< 940 {
            let towns = Towns(seed: seed, sitesPerTown: [4, 4, 4], clientsPerTown: 9, p: 3 ... 6)
            let (master, cuts, y) = (towns.master, towns.cuts, towns.y)
            let parts = CoverageComponents.parts(of: cuts)
            XCTAssertEqual(parts.reduce(0) { $0 + $1.count }, Set(cuts.covering.joined()).count, "every covering site in one part")
            for (a, b) in zip(parts.indices, parts.indices.dropFirst()) {
                XCTAssertTrue(Set(parts[a]).isDisjoint(with: parts[b]))
            }
            let plans = towns.plans(towns.p)
            let worst = plans.min { towns.covered($0) < towns.covered($1) }!
            func perPart(_ open: [Int]) -> [Int] { parts.map { part in open.count { part.contains(y.lowerBound + $0) } } }
            let context = "seed \(seed) p \(towns.p) radius \(towns.radius)"
            let bestAlike = plans.filter { perPart($0) == perPart(worst) }.map(towns.covered).max()!
            let start = towns.point(worst)
            let found = try CoverageBenders.improveByParts(start, model: master, cuts: cuts, options: SolveOptions(), seconds: 60)
            let open = towns.open(found ?? start)
            XCTAssertEqual(open.count, towns.p, context)
            XCTAssertEqual(towns.covered(open), bestAlike, context)
            XCTAssertEqual(master.objectiveValue(of: found ?? start), bestAlike, accuracy: 1e-6, context)
            XCTAssertEqual(found == nil, bestAlike == towns.covered(worst), "nil exactly when no part improves: \(context)")
            if found != nil { improvedSome += 1 }

            let solved = try CoverageBenders.solve(master: master, cuts: cuts, incumbent: start, options: SolveOptions())
            XCTAssertEqual(solved.solution.status, .optimal, context)
            XCTAssertEqual(solved.solution.objective ?? -1, plans.map(towns.covered).max()!, accuracy: 1e-6, context)
        }
        XCTAssertGreaterThan(improvedSome, 20, "the worst plan is improvable on most instances")
    }

    /// Towns of different sizes, started from the worst plan: afterwards each part's plan is the
    /// best with as many sites as it keeps (by enumeration), no move of one site from one part to
    /// another, with both parts' sites then chosen at their best, covers more; the plan keeps p
    /// sites and its objective is the weight its sites cover.
    func testEachPartIsAtItsBestAndNoMoveOfOneSiteGainsAfterThePartSearch() throws {
        var moved = 0, improved = 0
        for seed in UInt64(960) ..< 990 {
            let towns = Towns(seed: seed, sitesPerTown: [5, 3, 2, 2], clientsPerTown: 7, p: 3 ... 6)
            let (master, cuts, y) = (towns.master, towns.cuts, towns.y)
            let context = "seed \(seed) p \(towns.p) radius \(towns.radius)"
            let search = try XCTUnwrap(CoveragePartSearch(model: master, cuts: cuts), "only the count row: \(context)")
            let start = towns.point(towns.plans(towns.p).min { towns.covered($0) < towns.covered($1) }!)
            let found = try search.improve(start, options: SolveOptions(), seconds: .infinity)
            let point = found?.point ?? start
            let open = towns.open(point)
            XCTAssertEqual(open.count, towns.p, context)
            XCTAssertEqual(master.objectiveValue(of: point), towns.covered(open), accuracy: 1e-6, context)
            if let found {
                improved += 1
                moved += found.moves
                XCTAssertGreaterThan(towns.covered(open), master.objectiveValue(of: start), context)
            }

            let parts = search.parts.map { $0.map { $0 - y.lowerBound } }
            func best(_ part: [Int], count: Int) -> Double? {
                guard count >= 0, count <= part.count else { return nil }
                return (0 ..< (1 << part.count)).filter { $0.nonzeroBitCount == count }
                    .map { mask in towns.covered(part.indices.filter { mask & (1 << $0) != 0 }.map { part[$0] }) }.max()
            }
            let kept = parts.map { part in part.count(where: open.contains) }
            let current = parts.indices.map { towns.covered(open.filter(parts[$0].contains)) }
            for a in parts.indices {
                XCTAssertEqual(current[a], best(parts[a], count: kept[a]), "\(context): part \(a) at its best with \(kept[a]) sites")
                for b in parts.indices where b != a {
                    guard let fewer = best(parts[a], count: kept[a] - 1), let more = best(parts[b], count: kept[b] + 1) else { continue }
                    XCTAssertLessThanOrEqual(fewer + more, current[a] + current[b] + 1e-6, "\(context): a site from part \(a) to \(b)")
                }
            }
        }
        XCTAssertGreaterThan(improved, 20, "the worst plan is improvable on most instances")
        XCTAssertGreaterThan(moved, 10, "the worst plan gains from moves on many instances")
    }
}
