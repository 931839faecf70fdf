import Foundation
import XCTest
@testable import Estate

final class TransformTests: XCTestCase {
    func testAverageRanksShareTiedRanks() {
        XCTAssertEqual(IndicatorTransform.averageRanks([3, 1, 2, 2]), [4, 1, 2.5, 2.5])
        XCTAssertEqual(IndicatorTransform.averageRanks([5, 5, 5]), [2, 2, 2])
    }

    func testRankIsRankOverCount() {
        XCTAssertEqual(IndicatorTransform.rank.apply(to: [3, 1, 2, 2], direction: .higherIsWorse), [1, 0.25, 0.625, 0.625])
    }

    func testRankHigherIsBetterReversesOrder() {
        XCTAssertEqual(IndicatorTransform.rank.apply(to: [10, 30, 20], direction: .higherIsBetter), [1, 1.0 / 3, 2.0 / 3])
    }

    func testZScoreUsesPopulationStandardDeviation() {
        // mean 5, population sd 2 (a textbook example).
        let result = IndicatorTransform.zscore.apply(to: [2, 4, 4, 4, 5, 5, 7, 9], direction: .higherIsWorse)
        XCTAssertEqual(result, [-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2])
        XCTAssertEqual(IndicatorTransform.zscore.apply(to: [2, 4, 4, 4, 5, 5, 7, 9], direction: .higherIsBetter),
                       [1.5, 0.5, 0.5, 0.5, 0, 0, -1, -2])
    }

    func testZScoreOfConstantColumnIsZero() {
        XCTAssertEqual(IndicatorTransform.zscore.apply(to: [3, 3, 3], direction: .higherIsWorse), [0, 0, 0])
    }

    func testMinMaxScalesToUnitInterval() {
        XCTAssertEqual(IndicatorTransform.minmax.apply(to: [2, 4, 6, 3], direction: .higherIsWorse), [0, 0.5, 1, 0.25])
        XCTAssertEqual(IndicatorTransform.minmax.apply(to: [2, 4, 6, 3], direction: .higherIsBetter), [1, 0.5, 0, 0.75])
        XCTAssertEqual(IndicatorTransform.minmax.apply(to: [7, 7], direction: .higherIsWorse), [0, 0])
    }

    func testExponentialRankMatchesIndicesOfDeprivationFormula() {
        // X = -23 ln(1 - R (1 - exp(-100/23))), R = rank / n; the most deprived gets 100.
        let result = IndicatorTransform.expRank.apply(to: [10, 40, 20, 30], direction: .higherIsWorse)
        let c = 1 - exp(-100.0 / 23)
        let expected = [0.25, 1.0, 0.5, 0.75].map { -23 * log(1 - $0 * c) }
        for (value, wanted) in zip(result, expected) { XCTAssertEqual(value, wanted, accuracy: 1e-12) }
        XCTAssertEqual(result[1], 100, accuracy: 1e-9)
        // Hand values (computed separately): R = 0.25 -> 6.51773, R = 0.5 -> 15.64679.
        XCTAssertEqual(result[0], 6.51773, accuracy: 1e-5)
        XCTAssertEqual(result[2], 15.64679, accuracy: 1e-5)
    }
}
