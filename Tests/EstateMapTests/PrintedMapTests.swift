import Foundation
import TestSupport
import XCTest
@testable import EstateMap

/// The map page as a planner prints it or pastes it into the report: the screen-only controls
/// are hidden by the print stylesheet while the illustrative-data banner stays, and a long panel
/// title wraps inside the panel instead of running past its edge (measured by Chromium's own
/// text layout, not by our character estimate).
final class PrintedMapTests: XCTestCase {
    /// Opens `html` in headless Chromium with `probe` run after the page's scripts; returns the DOM.
    private func dom(_ html: String, probe: String, name: String) throws -> String {
        guard let browser = HeadlessChromium.find() else { throw XCTSkip("no chromium binary found (bin/test installs it with apt-get)") }
        let page = try TestArtifacts.directory().appendingPathComponent(name + ".html")
        let probed = try XCTUnwrap(html.range(of: "</body>", options: .backwards)).lowerBound
        var text = html
        text.insert(contentsOf: "<script>" + probe + "</script>\n", at: probed)
        try text.write(to: page, atomically: true, encoding: .utf8)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("estate-map-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let dump = try browser.run(["--dump-dom", page.absoluteString], profile: profile)
        XCTAssertEqual(dump.status, 0, dump.stderr)
        XCTAssertEqual(dump.consoleLines, [], "the page wrote to the console")
        return dump.stdout
    }

    private func attribute(_ name: String, in dom: String) throws -> String {
        let tail = try XCTUnwrap(dom.components(separatedBy: name + "=\"").dropFirst().first, "no \(name) on the page")
        return String(tail.prefix { $0 != "\"" })
    }

    func testPrintHidesTheControlsAndHoverHintButKeepsTheBannerMapAndTable() throws {
        var data = ServiceMapTests.estate()
        data.notices = ["Illustrative data: not real Family Hub sites."]
        // Which elements a `display:none` rule inside the page's print media query hides (itself or an ancestor).
        let probe = """
        (function(){var hide=[];for(var s=0;s<document.styleSheets.length;s++){var rules=document.styleSheets[s].cssRules;\
        for(var r=0;r<rules.length;r++){var rule=rules[r];if(!rule.media||rule.media.mediaText!=='print')continue;\
        for(var q=0;q<rule.cssRules.length;q++){var inner=rule.cssRules[q];if(inner.style&&inner.style.display==='none')hide.push(inner.selectorText);}}}\
        function hidden(el){for(;el;el=el.parentElement){for(var k=0;k<hide.length;k++){if(el.matches(hide[k]))return true;}}return false;}\
        var out=[];['input[data-layer]','#layer-choice','.hint','#notices','#estate-map','#district-table'].forEach(function(sel){\
        var el=document.querySelector(sel);out.push(sel+'='+(el?(hidden(el)?'hidden':'shown'):'missing'));});\
        document.body.setAttribute('data-print',out.join(' '));})();
        """
        let print = try attribute("data-print", in: try dom(try EstateMap.html(data), probe: probe, name: "estate-map-print"))
        XCTAssertEqual(print, "input[data-layer]=hidden #layer-choice=hidden .hint=hidden #notices=shown #estate-map=shown #district-table=shown")
    }

    func testALongPanelTitleWrapsInsideThePanel() throws {
        var data = ServiceMapTests.estate()
        data.title = "Kent Family Hub Network and Community Buildings Review"
        // The right edge of the title block's widest line, in the SVG's own pixels.
        let probe = """
        (function(){var right=0,lines=document.querySelectorAll('#title-block text:not(.status):not(.notice)');\
        for(var i=0;i<lines.length;i++){if(lines[i].getAttribute('font-size')!=='22')continue;var b=lines[i].getBBox();right=Math.max(right,b.x+b.width);}\
        document.body.setAttribute('data-title-lines',String(document.querySelectorAll('#title-block text[font-size="22"]').length));\
        document.body.setAttribute('data-title-right',right.toFixed(1));})();
        """
        let page = try dom(try EstateMap.html(data), probe: probe, name: "estate-map-long-title")
        let right = try XCTUnwrap(Double(try attribute("data-title-right", in: page)))
        XCTAssertGreaterThan(right, MapCanvas.panelLeft, "the title was measured")
        XCTAssertLessThanOrEqual(right, MapCanvas.panelRight, "the title runs past the panel's text edge")
        XCTAssertGreaterThanOrEqual(Int(try attribute("data-title-lines", in: page)) ?? 0, 3, "the whole title is drawn, over several lines")
    }
}
