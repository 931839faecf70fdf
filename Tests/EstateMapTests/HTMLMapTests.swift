import Foundation
import XCTest
@testable import EstateMap
import SyntheticMapData

final class HTMLMapTests: XCTestCase {
    let data = SyntheticEstate.make(areas: 900, sites: 100, seed: 7)

    /// The page must work offline: nothing that could make the browser fetch anything.
    func testPageMakesNoNetworkReferenceOfAnyKind() throws {
        for html in [try EstateMap.html(data), try EstateMap.differenceHTML(SyntheticEstate.difference(from: data, flipEvery: 5))] {
            XCTAssertFalse(html.contains("http://"))
            XCTAssertFalse(html.contains("https://"))
            XCTAssertFalse(html.contains("//cdn"))
            for needle in [" src=", "<link", "@import", "<iframe", "fetch(", "XMLHttpRequest", "<img"] {
                XCTAssertFalse(html.contains(needle), needle)
            }
            // Only local fragment references (the hatch pattern) inside url(...).
            XCTAssertEqual(html.components(separatedBy: "url(").dropFirst().filter { !$0.hasPrefix("#") }.count, 0)
            XCTAssertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none'"))
        }
    }

    func testKentSizePageIsUnderOneMegabyte() throws {
        let size = try EstateMap.html(data).utf8.count
        XCTAssertLessThan(size, 1_000_000, "Kent-size page is \(size) bytes")
    }

    func testHoverDataHasOneRowPerSiteAndAreaWithFormattedValues() throws {
        let html = try EstateMap.html(data)
        let json = try XCTUnwrap(html.components(separatedBy: "<script type=\"application/json\" id=\"hover-data\">").last?
            .components(separatedBy: "</script>").first)
        struct Kind: Decodable { var h: [String]; var r: [[String]] }
        let hover = try JSONDecoder().decode([String: Kind].self, from: Data(json.utf8))
        let sites = try XCTUnwrap(hover["s"]?.r), areas = try XCTUnwrap(hover["a"]?.r)
        XCTAssertEqual(hover["s"]?.h.count, sites.first?.count)
        XCTAssertEqual(sites.count, data.sites.count)
        XCTAssertEqual(areas.count, data.areas.count)
        let site = data.sites[5]
        // Synthetic costs are whole thousands between £40,000 and £200,000.
        let expectedCost = "£" + String(format: "%d,%03d", Int(site.annualCost) / 1000, Int(site.annualCost) % 1000) + "/yr"
        XCTAssertEqual(sites[5], [site.id, site.name, site.kind, site.district, site.decision == .mustKeep ? "kept (must keep)" : site.decision.rawValue,
                                  expectedCost, String(format: "%.1f tCO2e/yr", site.carbon), String(format: "%.1f", site.needServed)])
        let area = data.areas[17]
        XCTAssertEqual(areas[17][0], area.id)
        XCTAssertEqual(areas[17][5], area.hub.map { data.sites[$0].name + " (" + data.sites[$0].id + ")" } ?? "none reachable")
        XCTAssertEqual(areas[17][7], area.covered ? "yes" : "no")
    }

    func testPageHasTheDistrictTableAndOneToggleForEachLayer() throws {
        let html = try EstateMap.html(data)
        for row in data.districtTable.rows {
            XCTAssertTrue(html.contains("<tr><td>" + row[0].replacingOccurrences(of: "&", with: "&amp;") + "</td>"), row[0])
        }
        for layer in ["layer-areas", "layer-links", "layer-closed-sites", "layer-districts"] {
            XCTAssertTrue(html.contains("data-layer=\"\(layer)\""), layer)
            XCTAssertTrue(html.contains("id=\"\(layer)\""), layer)
        }
    }

    /// Above the threshold the page carries one tooltip per cell, not per area, and stays small.
    func testLargeInstancePageAggregatesAreasIntoCells() throws {
        let large = SyntheticEstate.make(areas: 6000, sites: 150, seed: 3)
        let html = try EstateMap.html(large)
        XCTAssertFalse(html.contains("data-h=\"a"))
        let cells = html.components(separatedBy: "data-h=\"c").count - 1
        XCTAssertGreaterThan(cells, 0)
        XCTAssertLessThan(cells, 6000 / 2)
        XCTAssertLessThan(html.utf8.count, 2_000_000)
    }
}
