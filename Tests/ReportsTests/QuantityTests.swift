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

    /// What people read: every decimal of the precision shown, thousands separated, money in
    /// pounds, shares as percentages that never round a part to none or to everyone.
    func testDisplayShowsThePrecisionWithUnitsAndSeparators() {
        XCTAssertEqual(Quantity.minutes.display(8), "8.0", "beside 8.4, not 8")
        XCTAssertEqual(Quantity.minutes.display(12.25), "12.3")
        XCTAssertEqual(Quantity.minutes.display(nil), "-")
        XCTAssertEqual(Quantity.money.display(5_697_000.4), "£5,697,000")
        XCTAssertEqual(Quantity.money.display(-1_200), "-£1,200")
        XCTAssertEqual(Quantity.money.display(-0.4), "£0")
        XCTAssertEqual(Quantity.carbon.display(1228.56), "1,228.6")
        XCTAssertEqual(Quantity.visits.display(436_531), "436,531")
        XCTAssertEqual(Quantity.share.display(0.97295), "97.3%")
        XCTAssertEqual(Quantity.share.display(0), "0.0%")
        XCTAssertEqual(Quantity.share.display(1), "100.0%")
        XCTAssertEqual(Quantity.share.display(0.0004), "<0.1%", "outreach reaching a few areas is not none")
        XCTAssertEqual(Quantity.share.display(0.9996), ">99.9%", "coverage short of everyone is not everyone")
        XCTAssertEqual(Quantity.share.display(0.0005), "0.1%")
        XCTAssertEqual(Quantity.gap.display(0.00004), "<0.01%")
        XCTAssertEqual(Quantity.gap.display(0.0125), "1.25%")
    }

    /// A share strictly between 0 and 1 is never written 0 or 1 in a table either, so a report
    /// reading the CSV says "<0.1%" exactly where the terminal, reading the plan, does.
    func testASmallShareReadsTheSameFromItsTableCell() {
        XCTAssertEqual(Quantity.share.text(0.0004), "0.0004")
        XCTAssertEqual(Quantity.share.text(0.00000004), "0")
        XCTAssertEqual(Quantity.share.text(0.99971), "0.9997")
        XCTAssertEqual(Quantity.share.text(0.0236), "0.024")
        for share in [0.0, 0.00004, 0.0004, 0.0236, 0.5, 0.9994, 0.99971, 0.99999, 1] {
            XCTAssertEqual(Quantity.share.display(Double(Quantity.share.text(share))!), Quantity.share.display(share), "\(share)")
        }
    }
}
