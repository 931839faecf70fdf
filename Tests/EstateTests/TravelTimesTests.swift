import XCTest
@testable import Estate

final class TravelTimesTests: XCTestCase {
    func testBothViewsFromUnsortedPairs() throws {
        let travel = try TravelTimes(areaCount: 3, siteCount: 2, pairAreas: [2, 0, 0, 1], pairSites: [0, 1, 0, 1],
                                     pairMinutes: [7, 12, 3, 9])
        XCTAssertEqual(travel.areaOffsets, [0, 2, 3, 4])
        XCTAssertEqual(travel.areaSites, [0, 1, 1, 0])
        XCTAssertEqual(travel.areaMinutes, [3, 12, 9, 7])
        XCTAssertEqual(travel.siteOffsets, [0, 2, 4])
        XCTAssertEqual(travel.siteAreas, [0, 2, 0, 1])
        XCTAssertEqual(travel.siteMinutes, [3, 7, 12, 9])
        XCTAssertEqual(travel.minutes(area: 0, site: 1), 12)
        XCTAssertNil(travel.minutes(area: 1, site: 0))
        XCTAssertEqual(travel.invariantViolations(), [])
    }

    func testDuplicatePairIsReportedWithBothRows() {
        XCTAssertThrowsError(try TravelTimes(areaCount: 2, siteCount: 2, pairAreas: [0, 1, 0], pairSites: [1, 0, 1],
                                             pairMinutes: [1, 2, 3])) { error in
            XCTAssertEqual(error as? TravelTimes.DuplicatePair, TravelTimes.DuplicatePair(firstRow: 0, secondRow: 2))
        }
    }

    func testRestrictedKeepsOnlyPairsWithinTheLimit() throws {
        let travel = try TravelTimes(areaCount: 2, siteCount: 2, pairAreas: [0, 0, 1], pairSites: [0, 1, 1],
                                     pairMinutes: [10, 20, 20.5])
        let near = travel.restricted(toMinutes: 20)
        XCTAssertEqual(near.pairCount, 2)
        XCTAssertEqual(near.minutes(area: 0, site: 1), 20)
        XCTAssertNil(near.minutes(area: 1, site: 1))
        XCTAssertEqual(near.siteOffsets, [0, 1, 2])
    }
}
