import Estate
import Foundation

/// Generated outlines for the Kent dataset's areas, so that its map reads as a map: each area's
/// Voronoi cell (the land nearer its centroid than any other area's) clipped to the KCC area
/// (`KentGeography.outline` without Medway). Not real LSOA boundaries; reproducible from the
/// areas alone. Neighbouring cells share their vertices exactly (welded, then rounded to 6
/// decimals, about 0.1 m), as published boundary sets do.
enum KentBoundaries {
    /// The KCC area as one ring (latitude, longitude): the coarse outline with Medway's bite cut
    /// out where Medway's west and east edges cross the Thames shore.
    static let land: [(Double, Double)] = {
        let outline = KentGeography.outline, medway = KentGeography.medway
        // Medway's west edge (medway[6] -> medway[0]) crosses the outline between outline[3] and
        // outline[4]; its east edge (medway[1] -> medway[2]) between outline[6] and outline[7].
        let west = crossing(outline[3], outline[4], medway[6], medway[0])
        let east = crossing(outline[6], outline[7], medway[1], medway[2])
        return Array(outline[0...3]) + [west, medway[6], medway[5], medway[4], medway[3], medway[2], east] + Array(outline[7...])
    }()

    /// Where segment a-b crosses segment c-d (points as (latitude, longitude)).
    static func crossing(_ a: (Double, Double), _ b: (Double, Double), _ c: (Double, Double), _ d: (Double, Double)) -> (Double, Double) {
        let r = (b.0 - a.0, b.1 - a.1), s = (d.0 - c.0, d.1 - c.1)
        let t = ((c.0 - a.0) * s.1 - (c.1 - a.1) * s.0) / (r.0 * s.1 - r.1 * s.0)
        return (a.0 + t * r.0, a.1 + t * r.1)
    }

    /// One outline per area, in the areas' order.
    static func outlines(for areas: [Area]) -> [Boundary] {
        // Work in kilometres on a local equirectangular grid, where bisectors are true bisectors.
        let latitude0 = 51.25, longitude0 = 0.75
        let kx = kmPerDegree * cos(latitude0 * Double.pi / 180), ky = kmPerDegree
        func km(_ latitude: Double, _ longitude: Double) -> (Double, Double) { ((longitude - longitude0) * kx, (latitude - latitude0) * ky) }
        let land = Self.land.map { km($0.0, $0.1) }
        let sites = areas.map { km($0.latitude, $0.longitude) }
        var cells: [[[(Double, Double)]]] = []
        for (i, site) in sites.enumerated() {
            let others = sites.indices.filter { $0 != i }.sorted {
                (hypot(sites[$0].0 - site.0, sites[$0].1 - site.1), $0) < (hypot(sites[$1].0 - site.0, sites[$1].1 - site.1), $1)
            }
            var cell = [land]
            for j in others {
                let other = sites[j]
                let gap = hypot(other.0 - site.0, other.1 - site.1)
                // No bisector further than the cell's furthest vertex can cut it.
                let reach = cell.joined().reduce(0) { max($0, hypot($1.0 - site.0, $1.1 - site.1)) }
                if gap / 2 > reach { break }
                guard gap > 0 else { continue }
                cell = cell.flatMap { clip($0, keepingNearer: site, than: other) }
            }
            cells.append(cell)
        }
        // Weld: a vertex two cells computed separately (the same bisector crossing) becomes one point.
        var welded: [Int64: (Double, Double)] = [:]
        func weld(_ p: (Double, Double)) -> (Double, Double) {
            let gx = Int64((p.0 * 1e4).rounded()), gy = Int64((p.1 * 1e4).rounded())   // 0.1 m buckets
            for dx in -1...1 {
                for dy in -1...1 {
                    if let q = welded[(gx + Int64(dx)) << 32 ^ (gy + Int64(dy))], hypot(q.0 - p.0, q.1 - p.1) < 1e-6 { return q }
                }
            }
            welded[gx << 32 ^ gy] = p
            return p
        }
        func degrees(_ p: (Double, Double)) -> (Double, Double) {
            (((p.0 / kx + longitude0) * 1e6).rounded() / 1e6, ((p.1 / ky + latitude0) * 1e6).rounded() / 1e6)
        }
        return cells.map { pieces in
            Boundary(polygons: pieces.compactMap { piece in
                var ring: [Double] = []
                for p in piece {
                    let (longitude, latitude) = degrees(weld(p))
                    if ring.count >= 2 && ring[ring.count - 2] == longitude && ring[ring.count - 1] == latitude { continue }
                    ring += [longitude, latitude]
                }
                while ring.count > 2 && ring[0] == ring[ring.count - 2] && ring[1] == ring[ring.count - 1] { ring.removeLast(2) }
                guard ring.count >= 6 else { return nil }
                return [Boundary.Ring(coordinates: ring + [ring[0], ring[1]])]
            })
        }
    }

    /// The parts of `ring` nearer `site` than `other` (one half-plane), as rings. Where the
    /// half-plane cuts a concave ring (the Medway bite, a bay) into several pieces, each piece is
    /// its own ring: crossings are paired along the cutting line, so no zero-width bridge joins
    /// them (plain Sutherland-Hodgman would draw one).
    static func clip(_ ring: [(Double, Double)], keepingNearer site: (Double, Double), than other: (Double, Double)) -> [[(Double, Double)]] {
        let nx = other.0 - site.0, ny = other.1 - site.1
        let limit = (nx * (site.0 + other.0) + ny * (site.1 + other.1)) / 2
        func side(_ p: (Double, Double)) -> Double { nx * p.0 + ny * p.1 - limit }   // <= 0: nearer site
        // Runs of the ring inside the half-plane, each from an entry crossing to an exit crossing.
        var runs: [[(Double, Double)]] = []
        var current: [(Double, Double)] = []
        let n = ring.count
        guard let start = ring.indices.first(where: { side(ring[$0]) > 0 }) else { return [ring] }   // all inside
        for step in 0..<n {
            let p = ring[(start + step) % n], q = ring[(start + step + 1) % n]
            let sp = side(p), sq = side(q)
            if sp <= 0 { current.append(p) }
            if (sp <= 0) != (sq <= 0) {
                let t = sp / (sp - sq)
                let x = (p.0 + t * (q.0 - p.0), p.1 + t * (q.1 - p.1))
                if sp > 0 { current = [x] } else { current.append(x); runs.append(current); current = [] }
            }
        }
        guard !runs.isEmpty else { return [] }                                                          // all outside
        // Along the cutting line, crossings alternate in and out of the ring: pair them in order,
        // and each exit continues at the entry it is paired with.
        let direction = (-ny, nx)
        func along(_ p: (Double, Double)) -> Double { direction.0 * p.0 + direction.1 * p.1 }
        var ends: [(position: Double, run: Int, isExit: Bool)] = []
        for (r, run) in runs.enumerated() {
            ends.append((along(run[0]), r, false))
            ends.append((along(run[run.count - 1]), r, true))
        }
        ends.sort { ($0.position, $0.isExit ? 1 : 0) < ($1.position, $1.isExit ? 1 : 0) }
        var next = [Int](repeating: -1, count: runs.count)
        for k in stride(from: 0, to: ends.count - 1, by: 2) {
            let a = ends[k], b = ends[k + 1]
            if a.isExit && !b.isExit { next[a.run] = b.run } else if b.isExit && !a.isExit { next[b.run] = a.run }
        }
        var pieces: [[(Double, Double)]] = []
        var used = [Bool](repeating: false, count: runs.count)
        for first in runs.indices where !used[first] {
            var piece: [(Double, Double)] = []
            var r = first
            while r >= 0 && !used[r] {
                used[r] = true
                piece += runs[r]
                r = next[r]
            }
            if piece.count >= 3 { pieces.append(piece) }
        }
        return pieces
    }
}
