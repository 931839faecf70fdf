import Estate
import Foundation
import XCTest
@testable import EstateMap
import SyntheticMapData

/// The map of a dataset with area boundaries: a choropleth of the areas' own shapes, districts
/// merged from them, simplified within the point budget without opening gaps between neighbours.
final class AreaOutlineMapTests: XCTestCase {
    static let columns = 10, rows = 7

    /// A grid of areas over east Kent with wiggly shared borders (each border's points computed
    /// once, so neighbours share them exactly), in two districts split down the middle.
    static func estate() -> EstateMapData {
        func noise(_ a: Int, _ b: Int, _ c: Int) -> Double {
            var h = UInt64(truncatingIfNeeded: (a &* 73_856_093) ^ (b &* 19_349_663) ^ (c &* 83_492_791)) &+ 0x9E37_79B9_7F4A_7C15
            h = (h ^ (h >> 31)) &* 0xBF58_476D_1CE4_E5B9
            return Double((h ^ (h >> 29)) >> 11) * 0x1p-53 - 0.5
        }
        func corner(_ i: Int, _ j: Int) -> (Double, Double) {
            (0.8 + 0.05 * (Double(i) + 0.3 * noise(i, j, 1)), 51.0 + 0.03 * (Double(j) + 0.3 * noise(i, j, 2)))
        }
        func edge(_ a: (Int, Int), _ b: (Int, Int)) -> [(Double, Double)] {
            let forward = a < b
            let (p, q) = forward ? (a, b) : (b, a)
            let s = corner(p.0, p.1), e = corner(q.0, q.1)
            var points = [s]
            for k in 1..<20 {
                let t = Double(k) / 20, w = 0.2 * noise(p.0 * 100 + q.0, p.1 * 100 + q.1, k)
                points.append((s.0 + t * (e.0 - s.0) - w * (e.1 - s.1), s.1 + t * (e.1 - s.1) + w * (e.0 - s.0)))
            }
            points.append(e)
            return forward ? points : points.reversed()
        }
        var areas: [MapArea] = []
        for j in 0..<rows {
            for i in 0..<columns {
                let corners = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1), (i, j)]
                var ring: [Double] = []
                for k in 0..<4 {
                    for point in (k == 0 ? edge(corners[k], corners[k + 1]) : Array(edge(corners[k], corners[k + 1]).dropFirst())) {
                        ring += [point.0, point.1]
                    }
                }
                let centre = corner(i, j)
                areas.append(MapArea(id: String(format: "A%02d%02d", j, i), district: i < columns / 2 ? "West" : "East",
                                     lat: centre.1 + 0.015, lon: centre.0 + 0.025, need: Double((i * 7 + j * 3) % 10),
                                     weight: 1, children: 100, hub: 0, minutes: 5, covered: (i + j) % 3 != 0,
                                     outline: Boundary(polygons: [[Boundary.Ring(coordinates: ring)]])))
            }
        }
        let site = MapSite(id: "S1", name: "Hub", kind: "family_hub", district: "West", lat: 51.1, lon: 0.95, decision: .kept,
                           annualCost: 1, carbon: 1, needServed: 1)
        return EstateMapData(title: "Outlines", subtitle: "grid", status: "optimal", totals: [], areas: areas, sites: [site],
                             districtTable: MapTable(header: ["District"], rows: [["West"], ["East"]]))
    }

    /// Absolute vertices (tenths of a pixel) of each closed ring of an SVG path "M x y l dx dy ... z".
    static func rings(_ d: String) -> [[[Int]]] {
        var result: [[[Int]]] = []
        for part in d.split(separator: "M") {
            let body = part.hasSuffix("z") ? part.dropLast() : part
            let pieces = body.split(separator: "l", omittingEmptySubsequences: false)
            let numbers = { (text: Substring) -> [Int] in
                let regex = try! NSRegularExpression(pattern: "-?[0-9]*\\.?[0-9]+")
                let string = String(text)
                return regex.matches(in: string, range: NSRange(string.startIndex..., in: string)).map {
                    let text = String(string[Range($0.range, in: string)!])
                    return Int((Double(text.hasPrefix("-.") ? "-0" + text.dropFirst() : text)! * 10).rounded())
                }
            }
            let start = numbers(pieces[0])
            var ring = [start]
            let steps = pieces.count > 1 ? numbers(pieces[1]) : []
            for k in stride(from: 0, to: steps.count, by: 2) {
                ring.append([ring.last![0] + steps[k], ring.last![1] + steps[k + 1]])
            }
            result.append(ring)
        }
        return result
    }

    func testAreasAreDrawnFromTheirOutlinesAndNeighboursShareEveryVertexAtAnyBudget() throws {
        let data = Self.estate()
        let full = try EstateMap.svg(data)
        for budget in [1_000_000, 1_500, 400] {
            let svg = try EstateMap.svg(data, options: EstateMap.Options(outlinePoints: budget))
            let tree = try XMLTree(svg)
            let shapes = tree.inside(id: "layer-areas").filter { $0.name == "path" && $0.attributes["data-h"] != nil }
            XCTAssertEqual(shapes.count, data.areas.count, "one shape per area")
            var edges: [[Int]: String] = [:]
            var points = 0
            for shape in shapes {
                let rings = Self.rings(shape.attributes["d"]!)
                XCTAssertEqual(rings.count, 1)
                let ring = rings[0]     // the last step returns to the first vertex
                XCTAssertEqual(ring.first, ring.last)
                XCTAssertGreaterThanOrEqual(ring.count, 4, "still a polygon")
                points += ring.count - 1
                for k in 0..<(ring.count - 1) where ring[k] != ring[k + 1] {
                    XCTAssertNil(edges[ring[k] + ring[k + 1]], "no edge drawn twice the same way")
                    edges[ring[k] + ring[k + 1]] = shape.attributes["data-h"]!
                }
            }
            XCTAssertLessThanOrEqual(points, budget, "the budget holds")
            // Brute force: an edge not run backwards by a neighbour is on the outside of the grid.
            for (key, owner) in edges where edges[[key[2], key[3], key[0], key[1]]] == nil {
                let index = Int(owner.dropFirst())!
                let (i, j) = (index % Self.columns, index / Self.columns)
                XCTAssertTrue(i == 0 || j == 0 || i == Self.columns - 1 || j == Self.rows - 1,
                              "budget \(budget): a gap beside area \(data.areas[index].id)")
            }
            let legend = tree.inside(id: "legend").map(\.text).joined(separator: " ")
            XCTAssertTrue(legend.contains("Areas from the boundary file") && legend.contains("union of their areas"), legend)
            XCTAssertFalse(svg.contains("derived from area centroids"))
            // One district border (a column of arcs) and the outside.
            let borders = tree.inside(id: "layer-districts").filter { $0.name == "path" }
            XCTAssertEqual(borders.count, 3, "inner casing, inner line, outer line")
            XCTAssertEqual(Set(tree.elements.filter { $0.attributes["class"] == "district-label" }.map(\.text)), ["East", "West"])
            if budget == 1_000_000 { XCTAssertEqual(svg, full) }
        }
        XCTAssertGreaterThan(full.count, try EstateMap.svg(data, options: EstateMap.Options(outlinePoints: 400)).count)
    }

    func testMergedCellsFollowTheAreasOutlines() throws {
        let data = Self.estate()
        let tree = try XMLTree(try EstateMap.svg(data, options: EstateMap.Options(aggregateAbove: 10, cellSize: 200)))
        let cells = tree.inside(id: "layer-areas").filter { $0.name == "path" && $0.attributes["data-h"]?.hasPrefix("c") == true }
        XCTAssertGreaterThan(cells.count, 1)
        XCTAssertLessThan(cells.count, data.areas.count)
        // Each cell is drawn from whole areas' borders: its vertices are among the areas' own.
        let areaVertices = Set(try XMLTree(try EstateMap.svg(data)).inside(id: "layer-areas")
            .filter { $0.name == "path" && $0.attributes["data-h"]?.hasPrefix("a") == true }.flatMap { Self.rings($0.attributes["d"]!).flatMap { $0 } })
        for cell in cells {
            for vertex in Self.rings(cell.attributes["d"]!).flatMap({ $0 }) { XCTAssertTrue(areaVertices.contains(vertex)) }
        }
    }

    /// The compare command's difference map draws the same outlines and merged districts as the
    /// plan map (one shape code), per area and per cell; without outlines it keeps the raster.
    func testDifferenceMapDrawsTheAreasOutlinesAndTheRasterWithout() throws {
        let data = Self.estate()
        let diff = SyntheticEstate.difference(from: data, flipEvery: 1)
        XCTAssertGreaterThan(Set(diff.areas.map(\.change)).count, 1, "some areas change coverage")
        let areaPaths = { (tree: XMLTree, prefix: String) in
            tree.inside(id: "layer-areas").filter { $0.name == "path" && $0.attributes["data-h"]?.hasPrefix(prefix) == true }
        }
        let planShapes = areaPaths(try XMLTree(try EstateMap.svg(data)), "a")
        let svg = try EstateMap.differenceSVG(diff)
        let tree = try XMLTree(svg)
        let shapes = areaPaths(tree, "a")
        XCTAssertEqual(shapes.count, data.areas.count, "one shape per area")
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: shapes.map { ($0.attributes["data-h"]!, $0.attributes["d"]!) }),
                       Dictionary(uniqueKeysWithValues: planShapes.map { ($0.attributes["data-h"]!, $0.attributes["d"]!) }),
                       "the plan map's outlines, area by area")
        for change in CoverageChange.allCases {
            let members = tree.elements.filter { $0.attributes["class"] == change.rawValue }
            XCTAssertEqual(members.isEmpty, !diff.areas.contains { $0.change == change }, change.rawValue)
        }
        XCTAssertEqual(tree.inside(id: "layer-districts").filter { $0.name == "path" }.count, 3, "inner casing, inner line, outer line")
        XCTAssertEqual(Set(tree.elements.filter { $0.attributes["class"] == "district-label" }.map(\.text)), ["East", "West"])
        XCTAssertTrue(tree.inside(id: "legend").map(\.text).joined(separator: " ").contains("Areas from the boundary file"))
        XCTAssertFalse(svg.contains("crispEdges"))

        let cells = areaPaths(try XMLTree(try EstateMap.differenceSVG(diff, options: EstateMap.Options(aggregateAbove: 10, cellSize: 200))), "c")
        XCTAssertGreaterThan(cells.count, 1)
        let vertices = Set(shapes.flatMap { Self.rings($0.attributes["d"]!).flatMap { $0 } })
        for cell in cells {
            for vertex in Self.rings(cell.attributes["d"]!).flatMap({ $0 }) { XCTAssertTrue(vertices.contains(vertex), "cells follow the outlines") }
        }

        var plain = diff
        for i in plain.areas.indices { plain.areas[i].outline = nil }
        let raster = try EstateMap.differenceSVG(plain)
        XCTAssertEqual(areaPaths(try XMLTree(raster), "a").count, data.areas.count)
        XCTAssertTrue(raster.contains("crispEdges") && raster.contains("derived from area centroids"))
        XCTAssertFalse(raster.contains("Areas from the boundary file"))
    }
}

final class MapLabelTests: XCTestCase {
    /// A name takes the first of its places that is free: on the map, clear of the marks and of
    /// every name placed before it (brute force over the boxes); one with no free place is left out.
    func testNamesTakeTheFirstFreePlaceOrAreLeftOut() {
        let symbol = MapLabels.Box(x: 300, y: 300, radius: 7)
        var labels = MapLabels(bounds: MapLabels.Box(x0: 0, y0: 0, x1: 900, y1: 700), obstacles: [symbol])
        var boxes: [MapLabels.Box] = []
        var placed = 0
        for k in 0..<30 {
            let text = "District \(k)"
            if let place = labels.place(text, font: .district, candidates: MapLabels.aroundArea(x: 100, y: 100, font: .district)) {
                boxes.append(LabelFont.district.box(text, at: place))
                placed += 1
            }
        }
        XCTAssertGreaterThan(placed, 3, "names move apart around a crowded anchor")
        XCTAssertLessThan(placed, 30, "and those with no free place nearby are left out")
        let lone = labels.place("Far away", font: .district, candidates: MapLabels.aroundArea(x: 600, y: 600, font: .district))
        XCTAssertEqual(lone, MapLabels.Place(x: 600, y: 604, anchor: .middle), "a name with room stays at its anchor")
        boxes.append(LabelFont.district.box("Far away", at: lone!))
        let town = labels.place("Town", font: .town, candidates: MapLabels.aroundPoint(x: 300, y: 300, radius: 7, font: .town))
        boxes.append(LabelFont.town.box("Town", at: town!))
        XCTAssertEqual(town?.anchor, .start, "a point's name goes to its right when that is free")
        XCTAssertNil(labels.place("Off the map", font: .town, candidates: [MapLabels.Place(x: 880, y: 10, anchor: .start)]))
        for a in boxes.indices {
            XCTAssertFalse(boxes[a].overlaps(symbol))
            XCTAssertTrue(boxes[a].x0 >= 0 && boxes[a].x1 <= 900 && boxes[a].y0 >= 0 && boxes[a].y1 <= 700)
            for b in boxes.indices where a < b { XCTAssertFalse(boxes[a].overlaps(boxes[b]), "\(a) and \(b)") }
        }
    }
}
