import Estate

/// The areas' own outlines on the canvas, for a dataset with boundaries: the choropleth's shapes,
/// districts as the union of their areas (arcs between two districts, and along the outside),
/// each simplified once per shared arc within a point budget so the file stays small without
/// gaps between neighbours. Vertices are quantised to a tenth of a pixel and written as
/// differences from the previous vertex; a shared vertex quantises the same for both areas.
struct AreaPolygons {
    let topology: BoundaryTopology
    let simplification: ArcSimplification
    /// Index into `districts` of each area.
    let district: [Int]
    let districts: [String]

    /// Detail below this (pixels) is invisible at the map's scale and always dropped.
    static let minimumTolerance = 0.25

    /// `nil` when no area has an outline (the map then derives shapes from the centroids).
    /// - Parameters:
    ///   - groups: when areas are merged into map cells (`group[area]`), the budget counts the
    ///     merged cells' rings, which are what is written.
    init?(outlines: [Boundary?], districtNames: [String], frame: MapFrame, budget: Int, group: (of: [Int], count: Int)? = nil) {
        guard outlines.contains(where: { $0 != nil }) else { return nil }
        let topology = BoundaryTopology(features: outlines) { frame.pixel(lat: $0.1, lon: $0.0) }
        self.topology = topology
        let districts = Array(Set(districtNames)).sorted()
        self.districts = districts
        let number = Dictionary(uniqueKeysWithValues: districts.enumerated().map { ($1, $0) })
        district = districtNames.map { number[$0]! }
        let written = group.map { topology.mergedRings(group: $0.of, groups: $0.count).flatMap { $0 } }
            ?? topology.rings.flatMap { $0.map(\.arcs) }
        simplification = topology.simplified(tolerance: Self.minimumTolerance, budget: budget, rings: written)
    }

    /// Each area's shape as an SVG path (empty for an area without an outline); draw with
    /// `fill-rule: evenodd` so holes stay open.
    func shapes(count: Int) -> [String] {
        topology.rings.map { rings in rings.map { path(ring: $0.arcs) }.joined() }
    }

    /// The union of the areas in each group, merged by their shared edges.
    func shapes(group: [Int], groups: Int) -> [String] {
        topology.mergedRings(group: group, groups: groups).map { rings in rings.map { path(ring: $0) }.joined() }
    }

    /// Arcs between areas of two different districts (inner) and arcs along the outside of the
    /// outlined areas (outer), as SVG paths.
    func districtEdges() -> (inner: String, outer: String) {
        var inner = "", outer = ""
        for (a, users) in topology.arcUsers.enumerated() {
            let use = BoundaryTopology.ArcUse(arc: a, reversed: false)
            if users.1 < 0 { outer += path(arc: use) } else if district[Int(users.0)] != district[Int(users.1)] { inner += path(arc: use) }
        }
        return (inner, outer)
    }

    /// A label anchor per district that has outlined areas: the centroid of its largest piece,
    /// or that piece's first vertex nudged inwards when the centroid falls outside it.
    func districtAnchors() -> [(district: String, x: Double, y: Double)] {
        let merged = topology.mergedBoundaries(group: district.indices.map { topology.rings[$0].isEmpty ? -1 : district[$0] },
                                               groups: districts.count)
        var anchors: [(district: String, x: Double, y: Double)] = []
        for (d, boundary) in merged.enumerated() {
            guard let boundary else { continue }
            let pieces = boundary.polygons.map { $0[0].coordinates }
            let largest = pieces.max { abs(topology.signedArea($0)) < abs(topology.signedArea($1)) }!
            var (x, y) = Self.centroid(largest)
            if !BoundaryTopology.contains(largest, x: x, y: y) {
                // A crescent: the middle of the longest chord across the piece from its first vertex.
                (x, y) = (largest[0], largest[1])
                var best = 0.0
                for k in stride(from: 2, to: largest.count - 2, by: 2) {
                    let mx = (largest[0] + largest[k]) / 2, my = (largest[1] + largest[k + 1]) / 2
                    let length = (largest[k] - largest[0]) * (largest[k] - largest[0]) + (largest[k + 1] - largest[1]) * (largest[k + 1] - largest[1])
                    if length > best && BoundaryTopology.contains(largest, x: mx, y: my) { best = length; (x, y) = (mx, my) }
                }
            }
            anchors.append((districts[d], x, y))
        }
        return anchors
    }

    /// Area centroid of a closed ring (its first vertex when the ring has no area).
    static func centroid(_ ring: [Double]) -> (Double, Double) {
        var a = 0.0, cx = 0.0, cy = 0.0
        var k = 0
        while k + 3 < ring.count {
            let cross = ring[k] * ring[k + 3] - ring[k + 2] * ring[k + 1]
            a += cross
            cx += (ring[k] + ring[k + 2]) * cross
            cy += (ring[k + 1] + ring[k + 3]) * cross
            k += 2
        }
        guard a != 0 else { return (ring[0], ring[1]) }
        return (cx / (3 * a), cy / (3 * a))
    }

    // MARK: path text

    /// A closed ring as `M x y l dx dy ... z` over the simplified arcs.
    func path(ring: [BoundaryTopology.ArcUse]) -> String {
        var ids: [Int32] = []
        for use in ring {
            let arc = simplification.arcs[use.arc]
            let ordered = use.reversed ? Array(arc.reversed()) : arc
            ids += ids.isEmpty ? ordered : Array(ordered.dropFirst())
        }
        return encode(ids, close: true)
    }

    /// One simplified arc as an open path.
    func path(arc use: BoundaryTopology.ArcUse) -> String {
        encode(simplification.arcs[use.arc], close: false)
    }

    /// Tenths of a pixel: the same vertex always gives the same integers, so relative steps
    /// between shared vertices are exact and both neighbours draw the same line.
    private func encode(_ ids: [Int32], close: Bool) -> String {
        guard let first = ids.first else { return "" }
        var (x, y) = quantised(first)
        var text = "M" + Self.tenths(x) + " " + Self.tenths(y)
        var steps = ""
        for id in ids.dropFirst() {
            let (nx, ny) = quantised(id)
            if nx == x && ny == y { continue }
            let dy = Self.tenths(ny - y)
            steps += (steps.isEmpty ? "" : (nx - x < 0 ? "" : " ")) + Self.tenths(nx - x) + (ny - y < 0 ? "" : " ") + dy
            (x, y) = (nx, ny)
        }
        if !steps.isEmpty { text += "l" + steps }
        return close ? text + "z" : text
    }

    private func quantised(_ id: Int32) -> (Int, Int) {
        let i = Int(id)
        return (Int((topology.points[2 * i] * 10).rounded()), Int((topology.points[2 * i + 1] * 10).rounded()))
    }

    /// An integer number of tenths as decimal text: 123 -> "12.3", -5 -> "-.5", 40 -> "4".
    static func tenths(_ value: Int) -> String {
        let magnitude = abs(value)
        let whole = magnitude / 10, fraction = magnitude % 10
        var text = value < 0 ? "-" : ""
        if whole > 0 || fraction == 0 { text += String(whole) }
        if fraction > 0 { text += "." + String(fraction) }
        return text
    }
}
