import Foundation
import LocationModels
import Optimisation
import XCTest

/// Published reference values from ../shared/benchmarks (skipped when that folder is absent).
final class ReferenceInstanceTests: XCTestCase {
    private func sharedFile(_ relative: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let url = root.deletingLastPathComponent().appendingPathComponent("shared/benchmarks/\(relative)")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw XCTSkip("\(relative) not found beside the repository (../shared/benchmarks)")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Beasley (1985) Table 2: pmed1 = 5819, pmed2 = 4093 (last repeated edge wins; the
    /// minimum-edge misreading would give 5718 and 4069).
    func testORLibraryPMed1AndPMed2ReachTheirPublishedOptima() throws {
        for (name, optimum) in [("pmed1", 5819.0), ("pmed2", 4093.0)] {
            let instance = try ORLibraryPMedian(text: try sharedFile("orlib-pmed/\(name).txt"), source: name)
            let solution = try instance.problem().solve()
            XCTAssertEqual(solution.status, .optimal, name)
            XCTAssertEqual(solution.objective, optimum, name)
            XCTAssertEqual(solution.gap, 0, name)
            XCTAssertEqual(solution.openSites.count, instance.medians, name)
        }
    }

    /// Branch-and-Benders-cut against Beasley's published optima on the five 100-node instances
    /// (p = 5 to 33), with and without reduced-cost fixing first (our heuristic on or off).
    func testBendersReachesPublishedOptimaOfPMed1To5() throws {
        for (name, optimum) in [("pmed1", 5819.0), ("pmed2", 4093.0), ("pmed3", 4250.0), ("pmed4", 3034.0), ("pmed5", 1355.0)] {
            let instance = try ORLibraryPMedian(text: try sharedFile("orlib-pmed/\(name).txt"), source: name)
            for heuristic in [true, false] {
                let solution = try instance.problem().solve(formulation: .benders, heuristic: heuristic)
                XCTAssertEqual(solution.status, .optimal, name)
                XCTAssertEqual(solution.objective, optimum, name)
                XCTAssertEqual(solution.bound, optimum, name)
                XCTAssertEqual(solution.formulation, .benders, name)
                XCTAssertEqual(solution.openSites.count, instance.medians, name)
            }
        }
    }

    /// Church and ReVelle (1974) on Swain's 55 nodes: S = 10, p = 5 covers 609 of 640; S = 15 needs 5 sites.
    func testSwainMaximalCoveringAndSetCoveringMatchChurchAndReVelle() throws {
        let lines = try sharedFile("swain55/swain55.csv").split(separator: "\n").dropFirst()
        let points = lines.map { line -> (Double, Double, Double) in
            let f = line.split(separator: ",").map { Double($0)! }
            return (f[1], f[2], f[3])
        }
        let n = points.count
        var dense: [Double] = []
        for a in points { for b in points { dense.append(((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1)).squareRoot()) } }
        let costs = try ServiceCosts(clientCount: n, siteCount: n, costs: dense)
        let mclp = try MaximalCoveringProblem(costs: costs, weights: points.map(\.2), radius: 10, facilities: 5).solve()
        XCTAssertEqual(mclp.status, .optimal)
        XCTAssertEqual(mclp.objective, 609)
        let lscp = try SetCoveringProblem(costs: costs, radius: 15).solve()
        XCTAssertEqual(lscp.status, .optimal)
        XCTAssertEqual(lscp.objective, 5)
    }
}
