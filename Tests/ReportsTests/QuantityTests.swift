import Quantities
import XCTest

final class QuantityTests: XCTestCase {
    func testEachQuantityWritesItsMeaningfulPrecisionWithoutTrailingZeros() {
        XCTAssertEqual(Quantity.money.text(4_468_500.4999), "4468500")
        XCTAssertEqual(Quantity.money.text(275.40000000000003), "275")
        XCTAssertEqual(Quantity.share.text(0.9398892373126813), "0.94")
        XCTAssertEqual(Quantity.share.text(0.95249), "0.952")
        XCTAssertEqual(Quantity.share.text(0.0005), "0.001", "half away from zero")
        XCTAssertEqual(Quantity.minutes.text(12.25), "12.3")
        XCTAssertEqual(Quantity.minutes.text(8.0), "8")
        XCTAssertEqual(Quantity.carbon.text(275.40000000000003), "275.4")
        XCTAssertEqual(Quantity.gap.text(0.0004), "0.0004", "a small proven gap stays visible")
        XCTAssertEqual(Quantity.minutes.text(-0.04), "0", "no negative zero")
        XCTAssertEqual(Quantity.minutes.text(-4.06), "-4.1")
        XCTAssertEqual(Quantity.share.text(nil), "")
        XCTAssertEqual(Quantity.share.text(.nan), "")
    }

    func testRoundedValueEqualsTheWrittenText() {
        for quantity in Quantity.allCases {
            for value in [0.0, 1.23456789, 98765.4321, 0.0005, 1e12 + 0.5] {
                XCTAssertEqual(Double(quantity.text(value)), quantity.rounded(value), "\(quantity) \(value)")
            }
        }
    }
}
