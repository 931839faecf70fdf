import Foundation
import TestSupport
import XCTest
@testable import EstateMap
import SyntheticMapData

/// Renders the HTML maps in real headless Chromium: the page runs without errors, its marks,
/// legend and table exist after the script ran, hovering a site shows its details, every layer
/// checkbox hides and shows its layer, and a screenshot is saved for a person to look at.
final class BrowserRenderTests: XCTestCase {
    private func chromium() throws -> HeadlessChromium {
        guard let browser = HeadlessChromium.find() else {
            throw XCTSkip("no chromium binary found (bin/test installs it with apt-get)")
        }
        return browser
    }

    /// Loads `html` with #selftest, checks the DOM after the script ran, saves a screenshot; returns the DOM.
    private func render(_ html: String, name: String, browser: HeadlessChromium) throws -> String {
        let dir = try TestArtifacts.directory()
        let page = dir.appendingPathComponent(name + ".html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("estate-map-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }

        let dump = try browser.run(["--dump-dom", page.absoluteString + "#selftest"], profile: profile)
        XCTAssertEqual(dump.status, 0, dump.stderr)
        XCTAssertEqual(dump.consoleLines, [], "the page wrote to the console")
        let dom = dump.stdout
        XCTAssertTrue(dom.contains("data-ready=\"1\""), "the page script did not finish")
        XCTAssertTrue(dom.contains("data-selftest=\"ok\""), "hover or layer toggles failed in the page's self-test")
        XCTAssertTrue(dom.contains("<pre id=\"page-errors\" hidden=\"\"></pre>"), "the page recorded errors")

        let shot = dir.appendingPathComponent(name + ".png")
        try? FileManager.default.removeItem(at: shot)
        let screenshot = try browser.run(["--hide-scrollbars", "--window-size=1280,1000", "--screenshot=" + shot.path,
                                          page.absoluteString], profile: profile)
        XCTAssertEqual(screenshot.status, 0, screenshot.stderr)
        XCTAssertEqual(screenshot.consoleLines, [])
        let png = try Data(contentsOf: shot)
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "not a PNG")
        return dom
    }

    /// Distinct hover keys of one kind ("a", "s", "c") present in the markup.
    private func keys(_ kind: String, in text: String) -> Set<String> {
        Set(text.components(separatedBy: "data-h=\"" + kind).dropFirst().map { kind + $0.prefix { $0.isNumber } })
    }

    private func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    func testKentSizeMapRendersInChromiumWithHoverAndNoErrors() throws {
        let browser = try chromium()
        let data = SyntheticEstate.make(areas: 900, sites: 100, seed: 7)
        let dom = try render(try EstateMap.html(data), name: "estate-map-kent", browser: browser)
        XCTAssertEqual(count("data-site=\"", in: dom), data.sites.count)
        XCTAssertEqual(Set(keys("a", in: dom)), Set((0..<data.areas.count).map { "a\($0)" }), "every area is hoverable")
        for id in ["legend", "scale-bar", "north-arrow", "title-block", "layer-links", "layer-districts", "district-table"] {
            XCTAssertTrue(dom.contains("id=\"\(id)\""), "missing #\(id)")
        }
        XCTAssertEqual(count("<input type=\"checkbox\"", in: dom), 4)
        let table = dom.components(separatedBy: "id=\"district-table\"")[1].components(separatedBy: "</table>")[0]
        XCTAssertEqual(count("<tr>", in: table),
                       data.districtTable.rows.count + 1)
    }

    /// The choropleth of areas with outlines (and town labels) passes the same page self-test.
    func testOutlinedAreasRenderInChromiumWithHoverAndNoErrors() throws {
        let browser = try chromium()
        var data = AreaOutlineMapTests.estate()
        data.places = [MapPlace(name: "Ashford", lat: 51.146, lon: 0.875)]
        let dom = try render(try EstateMap.html(data), name: "estate-map-outlines", browser: browser)
        XCTAssertEqual(Set(keys("a", in: dom)), Set((0..<data.areas.count).map { "a\($0)" }), "every area is hoverable")
        XCTAssertEqual(count("class=\"place-label\"", in: dom), 1)
    }

    func testAggregatedMapRendersInChromiumWithCellsInsteadOfAreas() throws {
        let browser = try chromium()
        let data = SyntheticEstate.make(areas: 6000, sites: 150, seed: 11)
        let dom = try render(try EstateMap.html(data), name: "estate-map-aggregated", browser: browser)
        XCTAssertEqual(count("data-h=\"a", in: dom), 0)
        XCTAssertGreaterThan(count("data-h=\"c", in: dom), 100)
        XCTAssertEqual(count("data-site=\"", in: dom), data.sites.count)
    }

    func testDifferenceMapRendersInChromiumWithNoErrors() throws {
        let browser = try chromium()
        let data = SyntheticEstate.difference(from: SyntheticEstate.make(areas: 900, sites: 100, seed: 7), flipEvery: 5)
        let dom = try render(try EstateMap.differenceHTML(data), name: "difference-map", browser: browser)
        XCTAssertEqual(count("data-site=\"", in: dom), data.sites.count)
        XCTAssertEqual(count("<input type=\"checkbox\"", in: dom), 3)
    }
}
