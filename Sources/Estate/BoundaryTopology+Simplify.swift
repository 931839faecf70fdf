/// Simplifying a topology's arcs within a point budget. Each arc is simplified once, by
/// Douglas-Peucker, so the two areas either side of a shared border get the very same vertices:
/// no gaps or overlaps however hard the outlines are simplified. Arc ends (the junctions) are
/// always kept, so every ring still closes on its neighbours'.
public struct ArcSimplification: Sendable {
    /// The kept vertices of each arc (ids into the topology's `points`), ends included.
    public let arcs: [[Int32]]
    /// The tolerance used (a vertex is dropped when it lies within this distance of the
    /// simplified line), in the topology's units.
    public let tolerance: Double
    /// Points written for the rings counted (each use of an arc writes its vertices but the first).
    public let points: Int
}

extension BoundaryTopology {
    /// Each arc's vertices kept at `tolerance` or above, with the tolerance raised as far as
    /// needed for the `rings` given (the rings that will be written, each use of an arc counted)
    /// to take at most `budget` points. Vertices needed for a ring to stay a ring (a closed arc
    /// keeps a triangle; an arc of a two-arc ring keeps its furthest vertex) are always kept,
    /// so the budget is exceeded only when those alone exceed it.
    public func simplified(tolerance minimum: Double, budget: Int, rings: [[ArcUse]]) -> ArcSimplification {
        var uses = [Int](repeating: 0, count: arcs.count)
        var inShortRing = [Bool](repeating: false, count: arcs.count)
        for ring in rings {
            for use in ring {
                uses[use.arc] += 1
                if ring.count < 3 { inShortRing[use.arc] = true }
            }
        }
        var significance: [[Double]] = []
        significance.reserveCapacity(arcs.count)
        var forcedPoints = 0
        var candidates: [(significance: Double, uses: Int)] = []
        for (a, ids) in arcs.enumerated() {
            let forced = ids.first == ids.last ? 2 : (inShortRing[a] ? 1 : 0)
            let s = self.significance(ids, forced: forced)
            significance.append(s)
            guard uses[a] > 0 else { continue }
            for value in s.dropFirst().dropLast() {
                if value == .infinity { forcedPoints += uses[a] } else if value > minimum { candidates.append((value, uses[a])) }
            }
            forcedPoints += uses[a]      // the arc's last vertex (its first is the previous arc's last)
        }
        // Keep the most significant vertices while they fit the budget.
        candidates.sort { $0.significance > $1.significance }
        var tolerance = minimum, total = forcedPoints
        for candidate in candidates {
            if total + candidate.uses > budget {
                tolerance = candidate.significance
                break
            }
            total += candidate.uses
        }
        // Ties with the first vertex left out are left out too.
        total = forcedPoints + candidates.lazy.filter { $0.significance > tolerance }.reduce(0) { $0 + $1.uses }
        let kept = arcs.indices.map { a in
            arcs[a].indices.filter { significance[a][$0] > tolerance }.map { arcs[a][$0] }
        }
        return ArcSimplification(arcs: kept, tolerance: tolerance, points: total)
    }

    /// Douglas-Peucker significance of each vertex of an arc: the tolerance below which it is
    /// kept (the distance at which the recursion splits there, never more than its parent's, so
    /// that a higher tolerance keeps a subset). Ends are infinite, and so are the `forced`
    /// first split points (1: the vertex furthest from the chord; 2: also the next one).
    func significance(_ ids: [Int32], forced: Int) -> [Double] {
        var result = [Double](repeating: 0, count: ids.count)
        guard ids.count > 0 else { return result }
        result[0] = .infinity
        result[ids.count - 1] = .infinity
        var stack: [(Int, Int, Double)] = [(0, ids.count - 1, .infinity)]
        var splits = 0
        while let (first, last, parent) = stack.popLast() {
            guard last - first > 1 else { continue }
            var best = -1.0, at = first + 1
            for k in (first + 1)..<last {
                let d = distance(Int(ids[k]), from: Int(ids[first]), to: Int(ids[last]))
                if d > best { best = d; at = k }
            }
            splits += 1
            let value = splits <= forced ? Double.infinity : min(best, parent)
            result[at] = value
            // The larger side first, so that a second forced split falls on the open chord.
            stack.append((first, at, value))
            stack.append((at, last, value))
            if at - first > last - at { stack.swapAt(stack.count - 1, stack.count - 2) }
        }
        return result
    }

    /// Distance from point `p` to the segment `a`-`b` (to `a` when the segment is a point).
    func distance(_ p: Int, from a: Int, to b: Int) -> Double {
        let px = points[2 * p], py = points[2 * p + 1]
        let ax = points[2 * a], ay = points[2 * a + 1], bx = points[2 * b], by = points[2 * b + 1]
        let dx = bx - ax, dy = by - ay
        let length2 = dx * dx + dy * dy
        var t = length2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / length2 : 0
        t = min(1, max(0, t))
        let ex = ax + t * dx - px, ey = ay + t * dy - py
        return (ex * ex + ey * ey).squareRoot()
    }
}
