import XCTest
@testable import Estate

final class BoundaryTopologyTests: XCTestCase {
    /// A `columns` x `rows` grid of cells with jittered corners and wiggly edges (each edge cut
    /// into `pieces` segments), neighbours sharing their edges' vertices exactly, as published
    /// boundary sets do. Cell (i, j) is feature `j * columns + i`.
    static func grid(columns: Int, rows: Int, pieces: Int) -> [Boundary?] {
        func noise(_ a: Int, _ b: Int, _ c: Int) -> Double {
            var h = UInt64(truncatingIfNeeded: a &* 73_856_093 ^ b &* 19_349_663 ^ c &* 83_492_791) &+ 0x9E37_79B9_7F4A_7C15
            h = (h ^ (h >> 31)) &* 0xBF58_476D_1CE4_E5B9
            h = (h ^ (h >> 29)) &* 0x94D0_49BB_1331_11EB
            return Double((h ^ (h >> 32)) >> 11) * 0x1p-53 - 0.5
        }
        func corner(_ i: Int, _ j: Int) -> (Double, Double) { (Double(i) + 0.3 * noise(i, j, 1), Double(j) + 0.3 * noise(i, j, 2)) }
        /// The edge's points from corner a to corner b, both ends included, the same whichever way round.
        func edge(_ a: (Int, Int), _ b: (Int, Int)) -> [(Double, Double)] {
            let forward = a < b
            let (p, q) = forward ? (a, b) : (b, a)
            let start = corner(p.0, p.1), end = corner(q.0, q.1)
            var points = [start]
            for k in 1..<pieces {
                let t = Double(k) / Double(pieces)
                let wiggle = 0.15 * noise(p.0 * 1000 + q.0, p.1 * 1000 + q.1, k)
                points.append((start.0 + t * (end.0 - start.0) - wiggle * (end.1 - start.1),
                               start.1 + t * (end.1 - start.1) + wiggle * (end.0 - start.0)))
            }
            points.append(end)
            return forward ? points : points.reversed()
        }
        var features: [Boundary?] = []
        for j in 0..<rows {
            for i in 0..<columns {
                let corners = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1), (i, j)]
                var ring: [Double] = []
                for k in 0..<4 {
                    let points = edge(corners[k], corners[k + 1])
                    for point in (k == 0 ? points : Array(points.dropFirst())) { ring += [point.0, point.1] }
                }
                features.append(Boundary(polygons: [[Boundary.Ring(coordinates: ring)]]))
            }
        }
        return features
    }

    func ringArea(_ coordinates: [Double]) -> Double {
        var sum = 0.0
        var k = 0
        while k + 3 < coordinates.count { sum += coordinates[k] * coordinates[k + 3] - coordinates[k + 2] * coordinates[k + 1]; k += 2 }
        return sum / 2
    }

    /// Area of a boundary by brute force: exteriors minus holes, whatever their orientation.
    func area(_ boundary: Boundary) -> Double {
        boundary.polygons.reduce(0) { total, polygon in
            total + polygon.enumerated().reduce(0) { $0 + ($1.offset == 0 ? 1 : -1) * abs(ringArea($1.element.coordinates)) }
        }
    }

    func testSharedEdgesBecomeOneArcUsedByBothNeighbours() {
        let features = Self.grid(columns: 4, rows: 3, pieces: 5)
        let topology = BoundaryTopology(features: features)
        // Each cell edge is one arc (corners where three or four cells meet are junctions, and
        // so are those where two cells meet the outside), except at the grid's four corners,
        // which touch one cell only: there the two outer edges are one arc. 4 x 4 + 5 x 3 edges.
        XCTAssertEqual(topology.arcs.count, 4 * 4 + 5 * 3 - 4)
        let shared = topology.arcUsers.filter { $0.1 >= 0 }.count
        XCTAssertEqual(shared, 3 * 3 + 4 * 2)          // interior vertical + horizontal edges
        XCTAssertEqual(topology.arcs.map(\.count).sorted(), Array(repeating: 6, count: 27 - 4) + Array(repeating: 11, count: 4))
        // Every ring still gives back its input points, in order.
        for (f, feature) in features.enumerated() {
            let input = feature!.polygons[0][0].coordinates
            let output = topology.coordinates(ofRing: topology.rings[f][0].arcs)
            XCTAssertEqual(output.count, input.count)
            XCTAssertEqual(abs(ringArea(output)), abs(ringArea(input)), accuracy: 1e-12)
            let start = stride(from: 0, to: input.count - 2, by: 2).first { input[$0] == output[0] && input[$0 + 1] == output[1] }
            XCTAssertNotNil(start, "feature \(f): the ring starts at one of its own points")
        }
    }

    func testMergingByGroupGivesTheUnionOfTheGroupsCells() throws {
        let features = Self.grid(columns: 5, rows: 4, pieces: 4)
        let topology = BoundaryTopology(features: features)
        let areas = features.map { area($0!) }
        // Groups: all cells; left and right halves; a frame around the inner cells (a ring with
        // a hole) and the inner cells; a checkerboard (cells touching only at corners).
        let groupings: [(groups: Int, of: (Int, Int) -> Int)] = [
            (1, { _, _ in 0 }),
            (2, { i, _ in i < 2 ? 0 : 1 }),
            (2, { i, j in (1...3).contains(i) && (1...2).contains(j) ? 1 : 0 }),
            (2, { i, j in (i + j) % 2 }),
        ]
        for (n, grouping) in groupings.enumerated() {
            let group = (0..<20).map { grouping.of($0 % 5, $0 / 5) }
            let merged = topology.mergedBoundaries(group: group, groups: grouping.groups)
            for g in 0..<grouping.groups {
                let boundary = try XCTUnwrap(merged[g], "grouping \(n), group \(g)")
                XCTAssertNil(boundary.problem)
                let expected = group.indices.filter { group[$0] == g }.reduce(0) { $0 + areas[$1] }
                XCTAssertEqual(area(boundary), expected, accuracy: 1e-9, "grouping \(n), group \(g)")
                // The outline's points are the group's own vertices: nothing is rasterised or moved.
                let own = Set(group.indices.filter { group[$0] == g }.flatMap { f in
                    stride(from: 0, to: features[f]!.polygons[0][0].coordinates.count, by: 2).map {
                        [features[f]!.polygons[0][0].coordinates[$0], features[f]!.polygons[0][0].coordinates[$0 + 1]]
                    }
                })
                for polygon in boundary.polygons {
                    for ring in polygon {
                        for k in stride(from: 0, to: ring.coordinates.count, by: 2) {
                            XCTAssertTrue(own.contains([ring.coordinates[k], ring.coordinates[k + 1]]))
                        }
                    }
                }
            }
            let shapes = merged.map { $0!.polygons.map(\.count) }
            switch n {
            case 0, 1: XCTAssertEqual(shapes, Array(repeating: [1], count: grouping.groups))
            case 2: XCTAssertEqual(shapes, [[2], [1]])                   // the frame has a hole
            default: XCTAssertEqual(shapes.map(\.count), [10, 10])       // corner contacts do not merge
            }
        }
    }

    func testAnIslandAndAnEnclaveAreClosedArcs() throws {
        func square(_ x: Double, _ y: Double, _ side: Double) -> Boundary.Ring {
            Boundary.Ring(coordinates: [x, y, x + side, y, x + side, y + side, x, y + side, x, y])
        }
        // Feature 0: a square with a hole that feature 1 fills exactly (drawn the other way round);
        // feature 2: an island touching nothing.
        let hole = Boundary.Ring(coordinates: [1, 1, 1, 2, 2, 2, 2, 1, 1, 1])
        let features: [Boundary?] = [Boundary(polygons: [[square(0, 0, 3), hole]]), Boundary(polygons: [[square(1, 1, 1)]]),
                                     Boundary(polygons: [[square(5, 5, 1)]]), nil]
        let topology = BoundaryTopology(features: features)
        XCTAssertEqual(topology.arcs.count, 3)
        XCTAssertEqual(topology.rings[0][1].arcs[0].arc, topology.rings[1][0].arcs[0].arc, "hole and enclave share one arc")
        XCTAssertTrue(topology.rings[3].isEmpty)
        let merged = topology.mergedBoundaries(group: [0, 0, 1, -1], groups: 2)
        XCTAssertEqual(merged[0]?.polygons.map(\.count), [1], "the enclave fills the hole")
        XCTAssertEqual(area(try XCTUnwrap(merged[0])), 9, accuracy: 1e-12)
        // Simplified as hard as possible, closed arcs keep a triangle.
        let simplified = topology.simplified(tolerance: 100, budget: 0, rings: topology.rings.flatMap { $0.map(\.arcs) })
        for ids in simplified.arcs { XCTAssertEqual(ids.count, 4) }
    }

    /// The whole point of simplifying arcs rather than rings: after simplification, every edge
    /// between two areas is drawn by both with the same vertices (each directed edge of one ring
    /// is run backwards by exactly one other ring), so no gap or overlap can open between them.
    func testSimplifiedNeighboursStillShareEveryVertexAndTheBudgetHolds() {
        let features = Self.grid(columns: 12, rows: 9, pieces: 12)
        let topology = BoundaryTopology(features: features)
        let rings = topology.rings.flatMap { $0.map(\.arcs) }
        let full = rings.reduce(0) { total, ring in total + ring.reduce(0) { $0 + topology.arcs[$1.arc].count - 1 } }
        for budget in [full, full / 2, full / 5, 0] {
            let simplified = topology.simplified(tolerance: 0, budget: budget, rings: rings)
            // Arc ends are kept (4 per cell ring here), so the budget holds down to them.
            XCTAssertLessThanOrEqual(simplified.points, max(budget, 4 * rings.count), "budget \(budget)")
            var written = 0
            var edges: [[Double]: Int] = [:]
            var edgeFeature: [[Double]: Int] = [:]
            for (f, featureRings) in topology.rings.enumerated() {
                for ring in featureRings {
                    var points: [Int32] = []
                    for use in ring.arcs {
                        let ids = use.reversed ? Array(simplified.arcs[use.arc].reversed()) : simplified.arcs[use.arc]
                        points += points.isEmpty ? ids : Array(ids.dropFirst())
                    }
                    written += points.count - 1
                    XCTAssertGreaterThanOrEqual(points.count, 4, "feature \(f) is still a polygon")
                    for k in 0..<(points.count - 1) {
                        let p = Int(points[k]), q = Int(points[k + 1])
                        let key = [topology.points[2 * p], topology.points[2 * p + 1], topology.points[2 * q], topology.points[2 * q + 1]]
                        edges[key, default: 0] += 1
                        edgeFeature[key] = f
                    }
                }
            }
            XCTAssertEqual(written, simplified.points)
            // Brute force over the written edges: an edge without its reverse is on the grid's outside.
            for (key, count) in edges {
                XCTAssertEqual(count, 1)
                if edges[[key[2], key[3], key[0], key[1]]] == nil {
                    let f = edgeFeature[key]!
                    let (i, j) = (f % 12, f / 12)
                    XCTAssertTrue(i == 0 || i == 11 || j == 0 || j == 8, "budget \(budget): an unmatched edge inside the grid, feature \(f)")
                }
            }
            if budget == full { XCTAssertEqual(simplified.points, full, "nothing dropped when everything fits") }
        }
    }
}
