import LocationModels
import Optimisation
import XCTest

final class InputTests: XCTestCase {
    /// The OR-Library convention: undirected, the last line for a pair wins (even when
    /// written in reverse), then shortest paths.
    func testORLibraryParserLetsTheLastRepeatedEdgeWin() throws {
        let text = " 3 4 1\n 1 2 5\n 2 3 1\n 2 1 9\n 1 3 20\n"
        let instance = try ORLibraryPMedian(text: text)
        XCTAssertEqual(instance.vertexCount, 3)
        XCTAssertEqual(instance.medians, 1)
        // d(1,2) = 9 (last line), d(1,3) = min(20, 9 + 1) = 10, d(2,3) = 1.
        XCTAssertEqual(instance.distances, [0, 9, 10, 9, 0, 1, 10, 1, 0])
        let solution = try instance.problem().solve()
        XCTAssertEqual(solution.objective, 10) // open vertex 2: 9 + 0 + 1
        XCTAssertEqual(solution.openSites, [1])
    }

    func testORLibraryParserReportsLineAndColumn() {
        XCTAssertThrowsError(try ORLibraryPMedian(text: "3 2 1\n1 2 5\n2 x 1\n", source: "bad.txt")) { error in
            XCTAssertEqual(error as? ORLibraryFormatError,
                           ORLibraryFormatError(source: "bad.txt", line: 3, column: 3, value: "x",
                                                expected: "a vertex, an integer in 1...3"))
        }
        XCTAssertThrowsError(try ORLibraryPMedian(text: "3 1 1\n1 2 5\n")) { error in
            XCTAssertTrue("\(error)".contains("connected"), "\(error)")
        }
    }

    func testInvalidInputsAreTypedErrors() {
        XCTAssertThrowsError(try ServiceCosts(clientCount: 2, siteCount: 2, costs: [1, 2, 3])) { error in
            XCTAssertEqual(error as? LocationModelError, .shapeMismatch(expected: 4, actual: 3, what: "dense cost matrix"))
        }
        XCTAssertThrowsError(try ServiceCosts(clientCount: 1, siteCount: 2, costs: [1, -2])) { error in
            XCTAssertEqual(error as? LocationModelError, .invalidCost(client: 0, site: 1, value: -2))
        }
        XCTAssertThrowsError(try ServiceCosts(clientCount: 1, siteCount: 2, entries: [(0, 1, 1), (0, 1, 2)])) { error in
            XCTAssertEqual(error as? LocationModelError, .duplicateEntry(client: 0, site: 1))
        }
        XCTAssertThrowsError(try ServiceCosts(clientCount: 1, siteCount: 2, entries: [(0, 2, 1)])) { error in
            XCTAssertEqual(error as? LocationModelError, .indexOutOfRange(client: 0, site: 2, clientCount: 1, siteCount: 2))
        }
        let costs = try! ServiceCosts(rows: [[1, 2], [3, 4]])
        XCTAssertThrowsError(try PMedianProblem(costs: costs, medians: 3).solve()) { error in
            XCTAssertEqual(error as? LocationModelError, .invalidFacilityCount(value: 3, siteCount: 2))
        }
        XCTAssertThrowsError(try PMedianProblem(costs: costs, weights: [1], medians: 1).solve()) { error in
            XCTAssertEqual(error as? LocationModelError, .countMismatch(what: "client weights", expected: 2, actual: 1))
        }
        XCTAssertThrowsError(try MaximalCoveringProblem(costs: costs, radius: .nan, facilities: 1).solve())
        XCTAssertThrowsError(try SetCoveringProblem(costs: costs, radius: 1,
                                                    budget: SiteBudget(siteCosts: [1], budget: 1)).solve()) { error in
            XCTAssertEqual(error as? LocationModelError, .countMismatch(what: "site costs", expected: 2, actual: 1))
        }
    }

    func testSparseAndDenseInputsGiveTheSameOptimum() throws {
        let dense: [[Double]] = [[4, .infinity, 1], [2, 3, .infinity], [.infinity, 1, 5], [7, 2, 2]]
        let fromDense = try ServiceCosts(rows: dense)
        var entries: [(client: Int, site: Int, cost: Double)] = []
        for (i, row) in dense.enumerated() { for (j, c) in row.enumerated().reversed() where c.isFinite { entries.append((i, j, c)) } }
        let fromSparse = try ServiceCosts(clientCount: 4, siteCount: 3, entries: entries)
        XCTAssertEqual(fromDense, fromSparse)
        XCTAssertNil(fromSparse.cost(client: 0, site: 1))
        XCTAssertEqual(fromSparse.cost(client: 3, site: 1), 2)
        // p = 2 by hand: {0, 1}: 4 + 2 + 1 + 2 = 9; {0, 2}: 1 + 2 + 5 + 2 = 10; {1, 2}: 1 + 3 + 1 + 2 = 7.
        let solution = try PMedianProblem(costs: fromSparse, medians: 2).solve()
        XCTAssertEqual(solution.objective, 7)
        XCTAssertEqual(solution.openSites, [1, 2])
        XCTAssertEqual(solution.assignment, [2, 1, 1, 1])
    }

    func testIdenticalClientsAreMergedIntoOneRow() throws {
        let row: [Double] = [3, 1, 4, 1, 5]
        let once = try PMedianProblem(costs: ServiceCosts(rows: [row, [2, 7, 1, 8, 2]]), weights: [3, 1], medians: 2).solve()
        let thrice = try PMedianProblem(costs: ServiceCosts(rows: [row, row, [2, 7, 1, 8, 2], row]), medians: 2).solve()
        XCTAssertEqual(once.objective, thrice.objective)
        XCTAssertEqual(once.modelSize, thrice.modelSize)
        let coverOnce = try MaximalCoveringProblem(costs: ServiceCosts(rows: [row, [2, 7, 1, 8, 2]]), radius: 1, facilities: 1).solve()
        let coverThrice = try MaximalCoveringProblem(costs: ServiceCosts(rows: [row, row, [2, 7, 1, 8, 2], row]), radius: 1,
                                                     facilities: 1).solve()
        XCTAssertEqual(coverOnce.modelSize.rows, coverThrice.modelSize.rows)
        XCTAssertEqual(coverThrice.objective, 3)
    }
}
