import XCTest
@testable import EstateMap

/// The equality tables against values worked out by hand on a ten-area, two-district instance.
final class EqualityImpactTests: XCTestCase {
    /// Deprivation scores 50..5 (A02 and A03 tie at 45 and are listed out of order, to test the
    /// id tie-break), so with ten areas each area is its own decile and A01 is decile 1.
    let areas: [EqualityArea] = [
        .init(id: "A01", district: "North", deprivationScore: 50, children: 100, weight: 200, minutes: 10, covered: true, visits: 40, visitsDisplaced: 0),
        .init(id: "A03", district: "North", deprivationScore: 45, children: 100, weight: 100, minutes: nil, covered: false, visits: 10, visitsDisplaced: 10),
        .init(id: "A02", district: "North", deprivationScore: 45, children: 200, weight: 300, minutes: 25, covered: false, visits: 60, visitsDisplaced: 30),
        .init(id: "A04", district: "North", deprivationScore: 35, children: 300, weight: 300, minutes: 5, covered: true, visits: 100, visitsDisplaced: 0),
        .init(id: "A05", district: "North", deprivationScore: 30, children: 100, weight: 150, minutes: 18, covered: true, visits: 20, visitsDisplaced: 5),
        .init(id: "A06", district: "South", deprivationScore: 25, children: 200, weight: 200, minutes: 30, covered: false, visits: 50, visitsDisplaced: 50),
        .init(id: "A07", district: "South", deprivationScore: 20, children: 100, weight: 100, minutes: 12, covered: true, visits: 30, visitsDisplaced: 0),
        .init(id: "A08", district: "South", deprivationScore: 15, children: 100, weight: 120, minutes: 8, covered: true, visits: 0, visitsDisplaced: 0),
        .init(id: "A09", district: "South", deprivationScore: 10, children: 400, weight: 400, minutes: 22, covered: false, visits: 80, visitsDisplaced: 20),
        .init(id: "A10", district: "South", deprivationScore: 5, children: 100, weight: 100, minutes: 15, covered: true, visits: 10, visitsDisplaced: 0),
    ]

    func testDecilesRankMostDeprivedFirstAndBreakTiesById() throws {
        XCTAssertEqual(try EqualityImpact.deciles(areas), [1, 3, 2, 4, 5, 6, 7, 8, 9, 10])
    }

    func testDecileSizesFollowTheFloorRuleWhenAreasDoNotDivideByTen() throws {
        let many = (0..<25).map { EqualityArea(id: String(format: "X%02d", $0), district: "D", deprivationScore: Double($0),
                                               children: 1, weight: 1, minutes: 1, covered: true, visits: 0, visitsDisplaced: 0) }
        let deciles = try EqualityImpact.deciles(many)
        XCTAssertEqual((1...10).map { d in deciles.filter { $0 == d }.count }, [3, 2, 3, 2, 3, 2, 3, 2, 3, 2])
        XCTAssertEqual(deciles[24], 1, "the highest score is the most deprived")
    }

    /// A service under capacity or outreach covers part of an area: the coverage columns count
    /// that part of its population and weight (A01 half covered, A04 a quarter, A03 and A05 none).
    func testPartlyCoveredAreasCountTheirCoveredShare() throws {
        var partial = areas
        partial[0].coveredShare = 0.5
        partial[3].coveredShare = 0.25
        partial[4].coveredShare = 0
        let north = try XCTUnwrap(try EqualityImpact.table(partial).first { $0.group == .district("North") })
        XCTAssertEqual(north.childrenCovered, 100 * 0.5 + 300 * 0.25, accuracy: 1e-9)
        XCTAssertEqual(north.weightCovered, 200 * 0.5 + 300 * 0.25, accuracy: 1e-9)
        partial[1].coveredShare = 1.5
        XCTAssertThrowsError(try EqualityImpact.table(partial))
    }

    func testTableRowsMatchHandComputedValues() throws {
        let rows = try EqualityImpact.table(areas)
        XCTAssertEqual(rows.map(\.group.csvFields), [["all", "all areas"]] + (1...10).map { ["decile", "\($0)"] }
                       + [["most_deprived", "10%"], ["most_deprived", "20%"], ["district", "North"], ["district", "South"]])
        let csv = Dictionary(uniqueKeysWithValues: rows.map { ($0.group.csvFields.joined(separator: ":"), $0.csvFields) })
        // group, label, areas, children, children_covered, coverage, weight, weight_covered, weight_coverage,
        // median, mean, worst minutes, unreachable, visits, displaced, displaced share
        // Quantity's precisions: children 0.1, shares 0.001, weights 0.001, minutes 0.1, visits whole, trailing zeros dropped.
        XCTAssertEqual(csv["all:all areas"], ["all", "all areas", "10", "1700", "800", "0.471", "1970", "970", "0.492",
                                              "15", "17.3", "30", "1", "400", "115", "0.288"])
        XCTAssertEqual(csv["most_deprived:10%"], ["most_deprived", "10%", "1", "100", "100", "1", "200", "200", "1",
                                                  "10", "10", "10", "0", "40", "0", "0"])
        XCTAssertEqual(csv["most_deprived:20%"], ["most_deprived", "20%", "2", "300", "100", "0.333", "500", "200", "0.4",
                                                  "17.5", "20", "25", "0", "100", "30", "0.3"])
        XCTAssertEqual(csv["decile:3"], ["decile", "3", "1", "100", "0", "0", "100", "0", "0",
                                         "", "", "", "1", "10", "10", "1"])
        XCTAssertEqual(csv["decile:8"], ["decile", "8", "1", "100", "100", "1", "120", "120", "1",
                                         "8", "8", "8", "0", "0", "0", ""])
        XCTAssertEqual(csv["district:North"], ["district", "North", "5", "800", "500", "0.625", "1050", "650", "0.619",
                                               "14", "13.3", "25", "1", "230", "45", "0.196"])
        XCTAssertEqual(csv["district:South"], ["district", "South", "5", "900", "300", "0.333", "920", "320", "0.348",
                                               "15", "20.3", "30", "0", "170", "70", "0.412"])
        XCTAssertEqual(EqualityRow.csvHeader.count, rows[0].csvFields.count)
    }

    func testNonFiniteScoresAndDuplicateIdsAreRejected() {
        var bad = areas
        bad[4].deprivationScore = .nan
        XCTAssertThrowsError(try EqualityImpact.table(bad)) { error in
            XCTAssertEqual(error as? MapDataError, MapDataError(record: "area", id: "A05", field: "deprivation score", value: "nan",
                                                                expected: "a finite number"))
        }
        bad = areas
        bad[1].id = "A01"
        XCTAssertThrowsError(try EqualityImpact.deciles(bad)) { error in
            XCTAssertEqual((error as? MapDataError)?.field, "id")
        }
    }
}
