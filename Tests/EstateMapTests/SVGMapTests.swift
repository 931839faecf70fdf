import Estate
import Foundation
import XCTest
@testable import EstateMap
import SyntheticMapData

final class SVGMapTests: XCTestCase {
    let data = SyntheticEstate.make(areas: 900, sites: 100, seed: 7)

    func testSVGIsWellFormedXMLWithOneMarkPerSiteLegendScaleBarAndNorthArrow() throws {
        let tree = try XMLTree(try EstateMap.svg(data))
        XCTAssertEqual(tree.all("svg").first?.attributes["xmlns"], "http://www.w3.org/2000/svg")
        let sites = tree.elements.filter { $0.attributes["data-site"] != nil }
        XCTAssertEqual(sites.map { $0.attributes["data-site"]! }.sorted(), data.sites.map(\.id).sorted())
        for (decision, count) in [("kept", 53), ("must_keep", 10), ("closed", 37)] {
            XCTAssertEqual(sites.filter { $0.attributes["class"] == "site " + decision }.count, count, decision)
            XCTAssertEqual(data.sites.filter { $0.decision.rawValue == decision }.count, count, decision)
        }
        for id in ["legend", "scale-bar", "north-arrow", "title-block", "layer-areas", "layer-links", "layer-districts"] {
            XCTAssertNotNil(tree.first(id: id), "missing #\(id)")
        }
        XCTAssertTrue(tree.inside(id: "north-arrow").contains { $0.name == "text" && $0.text == "N" })
        // The title block wraps long lines; its words in order must spell each item.
        let title = tree.inside(id: "title-block").map(\.text).joined(separator: " ")
        for text in [data.title, data.subtitle, data.status] + data.totals.flatMap({ [$0.label, $0.value] }) {
            XCTAssertTrue(title.contains(text), "title block lacks \(text)")
        }
        let labels = tree.elements.filter { $0.attributes["class"] == "district-label" }
            .map { $0.content.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        // Every district is named but Tonbridge & Malling: on this estate every place near its
        // centre covers a site symbol, and a name never does (MapLabels).
        XCTAssertEqual(labels, Set(data.areas.map(\.district)).subtracting(["Tonbridge & Malling"]).sorted())
        // One centroid dot per area, plus the area shapes.
        let areaKeys = Set(tree.elements.compactMap { $0.attributes["data-h"] }.filter { $0.hasPrefix("a") })
        XCTAssertEqual(areaKeys.count, data.areas.count)
    }

    func testSVGIsByteIdenticalForTheSameData() throws {
        XCTAssertEqual(try EstateMap.svg(data), try EstateMap.svg(data))
        XCTAssertEqual(try EstateMap.html(data), try EstateMap.html(data))
        let files = try EstateMap.files(data)
        XCTAssertEqual(files.svg, try EstateMap.svg(data))
        XCTAssertEqual(files.html, try EstateMap.html(data))
    }

    /// Pixel distance between two sites over their great-circle distance must equal the scale bar's
    /// pixels per km (to 1%: the projection is equirectangular at the mean latitude).
    func testScaleBarAgreesWithTheGreatCircleDistanceBetweenTwoSites() throws {
        let tree = try XMLTree(try EstateMap.svg(data))
        let bar = tree.inside(id: "scale-bar")
        let segments = bar.filter { $0.name == "rect" && $0.attributes["stroke"] != nil }
        XCTAssertEqual(segments.count, 4)
        let barPixels = segments.reduce(0.0) { $0 + Double($1.attributes["width"]!)! }
        let label = try XCTUnwrap(bar.first { $0.text.hasSuffix(" km") }?.text)
        let barKm = try XCTUnwrap(Double(label.dropLast(3)))
        func position(_ id: String) throws -> (Double, Double) {
            let transform = try XCTUnwrap(tree.elements.first { $0.attributes["data-site"] == id }?.attributes["transform"])
            let numbers = transform.dropFirst("translate(".count).dropLast().split(separator: " ").map { Double($0)! }
            return (numbers[0], numbers[1])
        }
        // The two sites furthest apart east-west, for a precise ratio.
        let west = data.sites.min { $0.lon < $1.lon }!, east = data.sites.max { $0.lon < $1.lon }!
        let (x1, y1) = try position(west.id), (x2, y2) = try position(east.id)
        let pixels = ((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1)).squareRoot()
        let km = Geodesy.distanceKm(latitude1: west.lat, longitude1: west.lon, latitude2: east.lat, longitude2: east.lon)
        XCTAssertEqual(pixels / km, barPixels / barKm, accuracy: 0.01 * barPixels / barKm)
        // North is up and east is right.
        XCTAssertLessThan(x1, x2)
        let north = data.sites.max { $0.lat < $1.lat }!, south = data.sites.min { $0.lat < $1.lat }!
        XCTAssertLessThan(try position(north.id).1, try position(south.id).1)
    }

    func testNeedClassesAreQuintilesOfTheValuesWithTiesInTheLowerClass() {
        let classes = NeedClasses(values: (1...10).map(Double.init))
        XCTAssertEqual(classes.breaks, [2, 4, 6, 8])
        XCTAssertEqual([1, 2, 2.5, 8, 8.5, 10].map { classes.index(of: $0) }, [0, 0, 1, 3, 4, 4])
        XCTAssertEqual(classes.label(0), "≤ 2.00")
        XCTAssertEqual(classes.label(2), "4.00 – 6.00")
        XCTAssertEqual(classes.label(4), "> 8.00")
        XCTAssertEqual((0..<5).map(classes.colour), NeedClasses.palette)
        // Heavily tied data merges classes but still spans the palette from light to dark.
        let tied = NeedClasses(values: [1, 1, 1, 1, 2, 2, 2, 2, 3, 3])
        XCTAssertEqual(tied.breaks, [1, 2])
        XCTAssertEqual((0..<3).map(tied.colour), ["#fde725", "#21918c", "#440154"])
    }

    func testFixedFormattingIsLocaleFreeAndRoundsHalfAwayFromZero() {
        XCTAssertEqual(Fixed.places(2.5, 0), "3")
        XCTAssertEqual(Fixed.places(-2.5, 0), "-3")
        XCTAssertEqual(Fixed.places(-0.04, 1), "0.0")
        XCTAssertEqual(Fixed.places(17.25, 1), "17.3")
        XCTAssertEqual(Fixed.places(0.05, 3), "0.050")
        XCTAssertEqual(Fixed.trimmed(12.30, 2), "12.3")
        XCTAssertEqual(Fixed.trimmed(4.0), "4")
        XCTAssertEqual(Fixed.trimmed(-0.04), "0")
        XCTAssertEqual(Fixed.grouped(8_912_000), "8,912,000")
        XCTAssertEqual(Fixed.grouped(-1234.5), "-1,235")
        XCTAssertEqual(Fixed.grouped(999), "999")
    }

    func testNamesWithMarkupCharactersAreEscaped() throws {
        var tricky = data
        tricky.sites[0].name = "<Hub> & \"Co\" 'Ltd'"
        tricky.sites[0].id = "S&<0>"
        tricky.title = "Kent & Medway <draft>"
        // A control character pasted from a spreadsheet: XML 1.0 forbids it even escaped, so it is dropped.
        tricky.subtitle = "Option\u{07} 4"
        let svg = try EstateMap.svg(tricky)
        let tree = try XMLTree(svg)
        XCTAssertTrue(tree.elements.contains { $0.attributes["data-site"] == "S&<0>" })
        XCTAssertTrue(tree.inside(id: "title-block").contains { $0.text == "Kent & Medway <draft>" })
        XCTAssertTrue(tree.inside(id: "title-block").contains { $0.text == "Option 4" })
        let html = try EstateMap.html(tricky)
        XCTAssertFalse(html.contains("<Hub>"))
        XCTAssertTrue(html.contains("\\u003cHub\\u003e \\u0026"), "hover data escapes markup inside its script element")
    }

    func testBoundariesFromAFileReplaceDerivedOutlines() throws {
        var withBoundary = data
        withBoundary.boundaries = [DistrictBoundary(district: "Thanet", rings: [[
            GeoPoint(lat: 51.40, lon: 1.25), GeoPoint(lat: 51.40, lon: 1.45), GeoPoint(lat: 51.30, lon: 1.45), GeoPoint(lat: 51.30, lon: 1.25),
        ]])]
        let tree = try XMLTree(try EstateMap.svg(withBoundary))
        let outlines = tree.inside(id: "layer-districts").filter { $0.name == "path" }
        XCTAssertEqual(outlines.compactMap { $0.attributes["data-district"] }, ["Thanet"])
        XCTAssertEqual(outlines.first { $0.attributes["data-district"] != nil }?.attributes["d"]?.filter { $0 == "L" }.count, 3)
        XCTAssertEqual(tree.elements.filter { $0.attributes["class"] == "district-label" }.map(\.text), ["Thanet"])
    }

    func testAboveTheThresholdAreasAreBinnedIntoCellsWithOneLinkPerCellAndHub() throws {
        let options = EstateMap.Options(aggregateAbove: 500, cellSize: 20)
        let tree = try XMLTree(try EstateMap.svg(data, options: options))
        let cells = tree.elements.filter { $0.attributes["data-h"]?.hasPrefix("c") == true }
        XCTAssertFalse(tree.elements.contains { $0.attributes["data-h"]?.hasPrefix("a") == true })
        // Independently: the distinct 20-pixel cells holding an area, and the distinct (cell, hub, covered) groups.
        let canvas = MapCanvas(points: data.areas.map { GeoPoint(lat: $0.lat, lon: $0.lon) } + data.sites.map { GeoPoint(lat: $0.lat, lon: $0.lon) })
        var cellKeys = Set<[Int]>(), groups = Set<[Int]>()
        for area in data.areas {
            let p = canvas.frame.pixel(lat: area.lat, lon: area.lon)
            let key = [Int((p.x / 20).rounded(.down)), Int((p.y / 20).rounded(.down))]
            cellKeys.insert(key)
            if let hub = area.hub { groups.insert(key + [hub, area.covered ? 1 : 0]) }
        }
        XCTAssertEqual(cells.count, cellKeys.count)
        let links = tree.inside(id: "layer-links").filter { $0.name == "path" }
        XCTAssertEqual(links.reduce(0) { $0 + $1.attributes["d"]!.filter { $0 == "M" }.count }, groups.count)
    }

    func testInvalidDataIsReportedAsATypedErrorNamingTheRecord() {
        var bad = data
        bad.areas[3].hub = 1000
        XCTAssertThrowsError(try EstateMap.svg(bad)) { error in
            XCTAssertEqual(error as? MapDataError, MapDataError(record: "area", id: data.areas[3].id, field: "hub", value: "1000",
                                                                expected: "a site index in 0..<100"))
        }
        bad = data
        bad.sites[2].lat = .nan
        XCTAssertThrowsError(try EstateMap.html(bad)) { error in
            XCTAssertEqual((error as? MapDataError)?.field, "lat")
            XCTAssertEqual((error as? MapDataError)?.id, data.sites[2].id)
        }
        bad = data
        bad.areas[1].id = bad.areas[0].id
        XCTAssertThrowsError(try EstateMap.svg(bad)) { error in
            XCTAssertEqual((error as? MapDataError)?.description,
                           "map data: area \(data.areas[0].id): id is \(data.areas[0].id), expected a unique id")
        }
    }

    func testDegenerateEstatesStillGiveWellFormedMaps() throws {
        let site = MapSite(id: "S1", name: "Only hub", kind: "family_hub", district: "D", lat: 51.2, lon: 1.0,
                           decision: .mustKeep, annualCost: 1, carbon: 1, needServed: 0)
        let table = MapTable(header: ["District"], rows: [["D"]])
        let noAreas = EstateMapData(title: "Empty", subtitle: "no areas", status: "optimal", totals: [], areas: [], sites: [site],
                                    districtTable: table)
        let oneArea = EstateMapData(title: "One", subtitle: "one area", status: "optimal", totals: [],
                                    areas: [MapArea(id: "A1", district: "D", lat: 51.2, lon: 1.0, need: 1, weight: 1, children: 1,
                                                    hub: 0, minutes: 0, covered: true)],
                                    sites: [site], districtTable: table)
        for data in [noAreas, oneArea] {
            let tree = try XMLTree(try EstateMap.svg(data))
            XCTAssertEqual(tree.elements.filter { $0.attributes["data-site"] != nil }.count, 1)
            // The map spans at least 1 km across its 828 inner pixels, so a quarter-width bar is 0.2 km.
            let label = try XCTUnwrap(tree.inside(id: "scale-bar").first { $0.text.hasSuffix(" km") }?.text)
            XCTAssertEqual(label, "0.2 km")
            XCTAssertNoThrow(try XMLTree(try EstateMap.html(data).components(separatedBy: "<main id=\"map-wrap\">\n")[1]
                .components(separatedBy: "</main>")[0]))
        }
    }

    func testDifferenceSVGShowsEverySiteByHowItsDecisionChanges() throws {
        let diff = SyntheticEstate.difference(from: data, flipEvery: 5)
        let tree = try XMLTree(try EstateMap.differenceSVG(diff))
        let sites = tree.elements.filter { $0.attributes["data-site"] != nil }
        XCTAssertEqual(sites.count, diff.sites.count)
        for change in DecisionChange.allCases {
            XCTAssertEqual(sites.filter { $0.attributes["class"] == "site " + change.rawValue }.count,
                           diff.sites.filter { $0.change == change }.count, change.rawValue)
        }
        // Flipping every fifth site that is not must-keep changes exactly those sites.
        let flipped = stride(from: 0, to: data.sites.count, by: 5).filter { data.sites[$0].decision != .mustKeep }.count
        XCTAssertEqual(diff.sites.filter { $0.change == .closedInB || $0.change == .openedInB }.count, flipped)
        for id in ["legend", "scale-bar", "north-arrow", "title-block", "layer-areas", "layer-districts"] {
            XCTAssertNotNil(tree.first(id: id), "missing #\(id)")
        }
    }
}
