@testable import EstateMap
import XCTest

/// `SiteSymbol.radius`, what names keep clear of, comes from the shapes the markup draws: worked
/// out here by hand from each symbol's geometry (half the stroke beyond the outline; at a mitred
/// corner of angle θ the tip is (stroke / 2) / sin(θ / 2) beyond the vertex along the bisector).
final class SiteSymbolTests: XCTestCase {
    func testRadiusIsTheSymbolsOwnExtentWithItsStroke() {
        let half45 = 1 / (0.5).squareRoot()  // 1 / sin(45°): a diamond's corners are right angles
        // The triangle's apex: half-angle atan(8 / 15).
        let apex = 1 / sin(atan(8.0 / 15))
        let expected: [(SiteSymbol, Double)] = [
            (.kept, 6 + 0.65), (.closed, 5 + 0.65), (.partner, 5.5 + 0.65), (.closedInBoth, 4.5 + 0.55), (.closedInB, 7 + 0.65),
            (.mustKeep, 8.5 + 0.8 * half45), (.openInBoth, 7 + 0.6 * half45),
            (.familyHub, 9.5 + 0.65),  // round joins: half the stroke beyond its farthest vertex
            (.openedInB, 9 + 0.65 * apex),
        ]
        for (symbol, extent) in expected {
            XCTAssertEqual(symbol.radius, (extent * 10).rounded(.up) / 10, accuracy: 1e-9, "\(symbol)")
        }
    }

    func testMarkupDrawsTheShapesTheRadiusMeasures() {
        XCTAssertEqual(SiteSymbol.closed.markup(x: 10, y: 20, attributes: ""),
                       "<g transform=\"translate(10 20)\"><circle r=\"5\" fill=\"#ffffff\" stroke=\"#555555\" stroke-width=\"1.3\"/>"
                       + "<path d=\"M-3-3L3 3M3-3L-3 3\" stroke=\"#555555\" stroke-width=\"1.3\"/></g>\n")
        XCTAssertEqual(SiteSymbol.mustKeep.markup(x: 0, y: 0, scale: 0.8, attributes: " class=\"site\""),
                       "<g class=\"site\" transform=\"translate(0 0) scale(0.8)\"><path d=\"M0-8.5L8.5 0L0 8.5L-8.5 0Z\" fill=\"#f03b20\" "
                       + "stroke=\"#1e1e1e\" stroke-width=\"1.6\"/></g>\n")
    }
}
