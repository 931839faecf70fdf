import Foundation
import TestSupport
import XCTest
@testable import EstateMap
import SyntheticMapData

/// The v2 map: Family Hubs, other kept sites, partners' buildings and outreach areas drawn
/// apart with a legend in words, and a per-service coverage layer chosen on the HTML page;
/// a v1 map draws none of it.
final class ServiceMapTests: XCTestCase {
    /// The synthetic estate with three services: early years covered where the area is,
    /// youth within 12 minutes and by outreach in the neediest uncovered areas, advice nowhere.
    static func estate(areas: Int = 900) -> EstateMapData {
        var data = SyntheticEstate.make(areas: areas, sites: 100, seed: 7)
        for j in data.sites.indices where data.sites[j].decision.isOpen {
            data.sites[j].familyHub = j % 4 == 2
            data.sites[j].servicesOffered = j % 4 == 3 ? ["Advice"] : ["Early years", "Youth"]
        }
        let early = data.areas.map { $0.covered ? 1.0 : 0 }
        let youth = data.areas.map { ($0.minutes ?? .infinity) <= 12 ? 1.0 : 0 }
        let youthOutreach = data.areas.indices.map { youth[$0] == 0 && data.areas[$0].need > 0.8 ? 1.0 : 0 }
        let zero = Array(repeating: 0.0, count: data.areas.count)
        let population = data.areas.map(\.children)
        data.services = [
            MapService(code: "early_years", name: "Early years", covered: early, outreach: zero, population: population),
            MapService(code: "youth", name: "Youth", covered: youth, outreach: youthOutreach, population: population),
            MapService(code: "advice", name: "Advice", covered: zero, outreach: zero, population: population),
        ]
        return data
    }

    private func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    func testSitesAreDrawnByRoleWithTheirCountsInTheLegend() throws {
        let data = Self.estate()
        let svg = try EstateMap.svg(data)
        let open = data.sites.filter(\.decision.isOpen)
        let hubs = open.filter(\.familyHub).count
        let partners = open.filter { !$0.familyHub && $0.isPartner }.count
        XCTAssertGreaterThan(hubs, 0)
        XCTAssertGreaterThan(partners, 0)
        // Star and purple square: the sites plus one legend sample each.
        XCTAssertEqual(count("<path d=\"M0-9.5L2.6-3.2", in: svg), hubs + 1)
        XCTAssertEqual(count("fill=\"#7b3294\"", in: svg), partners + 1)
        XCTAssertTrue(svg.contains("Family Hub, every core service (\(hubs))"), "legend names Family Hubs in words")
        XCTAssertTrue(svg.contains("partner&#39;s building in use (\(partners))") || svg.contains("partner's building in use (\(partners))"))
        XCTAssertTrue(svg.contains("outreach reaches families here"))
        XCTAssertTrue(svg.contains("id=\"layer-outreach\""))
        // The per-service layers need the page's selector: the standalone SVG leaves them out.
        XCTAssertFalse(svg.contains("service-layer"))
        _ = try XMLTree(svg)
    }

    func testOutreachLayerCoversExactlyTheAreasOutreachReaches() throws {
        var data = Self.estate()
        let withOutreach = try EstateMap.svg(data)
        for k in data.services.indices { data.services[k].outreach = Array(repeating: 0, count: data.areas.count) }
        let without = try EstateMap.svg(data)
        XCTAssertTrue(withOutreach.contains("fill=\"url(#outreach-dots)\"/>"))
        XCTAssertFalse(without.contains("fill=\"url(#outreach-dots)\"/>"), "no outreach, no dotted areas")
    }

    func testEachServiceHasAHiddenCoverageLayerAndAChoice() throws {
        let data = Self.estate()
        let html = try EstateMap.html(data)
        XCTAssertEqual(count("class=\"service-layer\"", in: html), 3)
        for (k, service) in data.services.enumerated() {
            // The selector names the service; the layer's markup keeps its code.
            XCTAssertTrue(html.contains("<option value=\"layer-service-\(k)\">\(service.name)</option>"))
            XCTAssertTrue(html.contains("data-service=\"\(service.code)\""))
        }
        // A layer's markup: from its id to the next service layer (or the layers after them).
        let layer = { (k: Int) in
            html.components(separatedBy: "id=\"layer-service-\(k)\"")[1].components(separatedBy: "id=\"layer-service-")[0]
                .components(separatedBy: "id=\"layer-districts\"")[0]
        }
        // Advice reaches no area: its layer is "not reached" only; early years has no outreach class.
        XCTAssertTrue(layer(2).contains("reach-none") && !layer(2).contains("reach-building") && !layer(2).contains("reach-outreach"))
        XCTAssertTrue(layer(0).contains("reach-building") && !layer(0).contains("reach-outreach"))
        XCTAssertTrue(layer(1).contains("reach-outreach"))
        XCTAssertTrue(html.contains("Services covered") && html.contains("Services offered"), "hover names the services")
    }

    func testAV1MapHasNoServiceLayersNorRoles() throws {
        let data = SyntheticEstate.make(areas: 300, sites: 40, seed: 3)
        let html = try EstateMap.html(data)
        for absent in ["layer-outreach", "service-layer", "layer-choice", "Family Hub,", "#7b3294", "Services offered"] {
            XCTAssertFalse(html.contains(absent), absent)
        }
    }

    func testServiceSharesOutsideZeroToOneAreRejected() {
        var data = Self.estate(areas: 200)
        data.services[1].outreach[5] = 1.5
        XCTAssertThrowsError(try EstateMap.svg(data)) { error in
            XCTAssertTrue("\(error)".contains("service youth"), "\(error)")
        }
    }

    func testServiceMapRendersInChromiumAndEveryServiceCanBeChosen() throws {
        guard let browser = HeadlessChromium.find() else { throw XCTSkip("no chromium binary found") }
        let dir = try TestArtifacts.directory()
        let page = dir.appendingPathComponent("estate-map-services.html")
        try EstateMap.html(Self.estate()).write(to: page, atomically: true, encoding: .utf8)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("estate-map-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let dump = try browser.run(["--dump-dom", page.absoluteString + "#selftest"], profile: profile)
        XCTAssertEqual(dump.status, 0, dump.stderr)
        XCTAssertEqual(dump.consoleLines, [])
        XCTAssertTrue(dump.stdout.contains("data-selftest=\"ok\""), "a layer toggle or a service choice failed")
        XCTAssertTrue(dump.stdout.contains("<pre id=\"page-errors\" hidden=\"\"></pre>"))
        // Screenshots for a person: the need map, and the page with the youth layer chosen.
        for (name, hash) in [("estate-map-services", ""), ("estate-map-services-youth", "#service=youth")] {
            let shot = dir.appendingPathComponent(name + ".png")
            try? FileManager.default.removeItem(at: shot)
            let run = try browser.run(["--hide-scrollbars", "--window-size=1280,1000", "--screenshot=" + shot.path,
                                       page.absoluteString + hash], profile: profile)
            XCTAssertEqual(run.status, 0, run.stderr)
        }
        // Opened on one service, the page shows that layer alone.
        let youth = try browser.run(["--dump-dom", page.absoluteString + "#service=youth"], profile: profile).stdout
        XCTAssertEqual(count("style=\"display: inline;\"", in: youth), 1, "one service layer shows")
        let shown = try XCTUnwrap(youth.components(separatedBy: "style=\"display: inline;\"").first?.components(separatedBy: "<g ").last)
        XCTAssertTrue(shown.contains("layer-service-1"), shown)
    }
}
