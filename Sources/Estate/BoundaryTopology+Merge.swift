import Foundation

/// Merging areas into larger shapes (districts, map cells) by their shared edges: with every
/// exterior ring turned one way and every hole the other, an arc two areas of the same group
/// share is run once each way and cancels; the arcs left over are the group's outline, chained
/// end to end into rings. Exact (no raster, no tolerance), and the merged rings are made of the
/// same arcs as the areas', so a simplified merged outline still fits its areas'.
extension BoundaryTopology {
    /// The outline of each group's features as rings of arc uses: exteriors with positive signed
    /// area in the topology's coordinates, holes negative. `group[feature]` in `0..<groups`, or
    /// negative to leave a feature out.
    public func mergedRings(group: [Int], groups: Int) -> [[[ArcUse]]] {
        // Net direction of each arc in each group: +1 forwards, -1 backwards.
        var net = [[Int: Int]](repeating: [:], count: groups)
        for (f, featureRings) in rings.enumerated() where group[f] >= 0 {
            for ring in featureRings {
                let area = signedArea(coordinates(ofRing: ring.arcs))
                let flip = ring.isHole ? area > 0 : area < 0
                for use in ring.arcs {
                    net[group[f]][use.arc, default: 0] += (use.reversed != flip) ? -1 : 1
                }
            }
        }
        return net.map { chain($0) }
    }

    /// Each group's merged outline as a `Boundary` at full resolution (exteriors, each with the
    /// holes inside it), or `nil` for a group with no outlined feature. Coordinates are the
    /// topology's (degrees when it was built without a projection).
    public func mergedBoundaries(group: [Int], groups: Int) -> [Boundary?] {
        mergedRings(group: group, groups: groups).map { rings in
            var exteriors: [(ring: [Double], area: Double)] = []
            var holes: [[Double]] = []
            for ring in rings {
                let coordinates = coordinates(ofRing: ring)
                let area = signedArea(coordinates)
                if area > 0 { exteriors.append((coordinates, area)) } else if area < 0 { holes.append(coordinates) }
            }
            guard !exteriors.isEmpty else { return nil }
            var polygons = exteriors.map { [Boundary.Ring(coordinates: $0.ring)] }
            for hole in holes {
                // The smallest exterior holding the middle of the hole's first edge.
                let x = (hole[0] + hole[2]) / 2, y = (hole[1] + hole[3]) / 2
                let home = exteriors.indices.filter { Self.contains(exteriors[$0].ring, x: x, y: y) }
                    .min { exteriors[$0].area < exteriors[$1].area }
                if let home { polygons[home].append(Boundary.Ring(coordinates: hole)) }
            }
            return Boundary(polygons: polygons)
        }
    }

    /// Chains the arcs left with a net direction into closed rings, in arc order.
    private func chain(_ net: [Int: Int]) -> [[ArcUse]] {
        var outgoing: [Int32: [ArcUse]] = [:]
        var pending: [ArcUse] = []
        for arc in net.keys.sorted() {
            let count = net[arc]!
            for _ in 0..<abs(count) {
                let use = ArcUse(arc: arc, reversed: count < 0)
                outgoing[start(of: use), default: []].append(use)
                pending.append(use)
            }
        }
        for key in outgoing.keys { outgoing[key]!.reverse() }   // popLast takes them in arc order
        var result: [[ArcUse]] = []
        for first in pending {
            let from = start(of: first)
            guard let index = outgoing[from]?.firstIndex(of: first) else { continue }   // already chained
            outgoing[from]!.remove(at: index)
            var ring = [first]
            var at = end(of: first)
            while at != from, var options = outgoing[at], !options.isEmpty {
                // Where the outline touches itself at a point (two areas meeting at a corner), take
                // the sharpest left turn: the region lies on the left, so the pieces stay apart.
                let index = options.count == 1 ? 0 : options.indices.max { turn(ring.last!, options[$0]) < turn(ring.last!, options[$1]) }!
                let next = options.remove(at: index)
                outgoing[at] = options
                ring.append(next)
                at = end(of: next)
            }
            if at == from { result.append(ring) }
        }
        return result
    }

    /// The signed angle turned from the end of `incoming` into the start of `outgoing` (left positive).
    private func turn(_ incoming: ArcUse, _ outgoing: ArcUse) -> Double {
        let a = arcs[incoming.arc], b = arcs[outgoing.arc]
        let p = Int(incoming.reversed ? a[1] : a[a.count - 2]), q = Int(incoming.reversed ? a[0] : a[a.count - 1])
        let r = Int(outgoing.reversed ? b[b.count - 2] : b[1])
        let ux = points[2 * q] - points[2 * p], uy = points[2 * q + 1] - points[2 * p + 1]
        let vx = points[2 * r] - points[2 * q], vy = points[2 * r + 1] - points[2 * q + 1]
        return atan2(ux * vy - uy * vx, ux * vx + uy * vy)
    }

    private func start(of use: ArcUse) -> Int32 { use.reversed ? arcs[use.arc].last! : arcs[use.arc][0] }
    private func end(of use: ArcUse) -> Int32 { use.reversed ? arcs[use.arc][0] : arcs[use.arc].last! }

    /// Shoelace signed area of a closed ring `[x0, y0, ..., x0, y0]`.
    public func signedArea(_ ring: [Double]) -> Double {
        var sum = 0.0
        var k = 0
        while k + 3 < ring.count {
            sum += ring[k] * ring[k + 3] - ring[k + 2] * ring[k + 1]
            k += 2
        }
        return sum / 2
    }

    /// Even-odd point in a closed ring `[x0, y0, ..., x0, y0]`.
    public static func contains(_ ring: [Double], x: Double, y: Double) -> Bool {
        var inside = false
        var k = 0
        while k + 3 < ring.count {
            let x1 = ring[k], y1 = ring[k + 1], x2 = ring[k + 2], y2 = ring[k + 3]
            if (y1 > y) != (y2 > y) && x < (x2 - x1) * (y - y1) / (y2 - y1) + x1 { inside.toggle() }
            k += 2
        }
        return inside
    }
}
