/// Area outlines as a planar topology: every ring is split into arcs at the junctions where
/// three or more outlines meet (or an outline leaves a shared border), and an edge two areas
/// share is stored once, as one arc both rings refer to. This is what lets the map simplify a
/// county's outlines without gaps or overlaps between neighbours (each shared arc is simplified
/// once, so both sides get the same vertices) and what merges areas into districts by their
/// shared edges rather than by a raster (the arcs between two areas of one district cancel).
///
/// Vertices are matched by exact coordinates, as in published boundary sets where neighbours
/// share their vertices (ONS's generalised boundaries are cut from one topological dataset).
/// Built in the projection it is given (the map builds it in pixels, the GIS layers in degrees).
public struct BoundaryTopology: Sendable {
    /// One use of an arc by a ring, forwards or backwards.
    public struct ArcUse: Sendable, Hashable {
        /// Index into `arcs`.
        public var arc: Int
        /// Whether the ring runs the arc from its last vertex to its first.
        public var reversed: Bool

        public init(arc: Int, reversed: Bool) {
            self.arc = arc
            self.reversed = reversed
        }
    }

    /// One ring of an outline as the arcs it runs through, in order.
    public struct Ring: Sendable {
        public var arcs: [ArcUse]
        /// Whether the ring is a hole of its polygon (in the input's polygon structure).
        public var isHole: Bool
    }

    /// Vertex coordinates, `[x0, y0, x1, y1, ...]`, in the projection given at construction.
    public let points: [Double]
    /// Each arc's vertices (indices into `points` / 2), end to end; a closed arc (a whole ring
    /// meeting no other outline, such as an island) ends where it starts.
    public let arcs: [[Int32]]
    /// The rings of each feature, in input order (empty for a feature without an outline).
    public let rings: [[Ring]]
    /// The features that use each arc: the first and the second user (`-1` when none), so an arc
    /// with one user lies on the edge of the study area.
    public let arcUsers: [(Int32, Int32)]

    /// Builds the topology of `features` (one per area, `nil` for an area without an outline),
    /// each point passed through `project` first (identity: degrees).
    public init(features: [Boundary?], project: ((Double, Double)) -> (Double, Double) = { $0 }) {
        var total = 0
        for feature in features { for polygon in feature?.polygons ?? [] { for ring in polygon { total += ring.count } } }
        var builder = Builder(expectedPoints: total)
        // 1. Intern vertices; rings become vertex ids without the closing repeat or repeated points.
        var featureRings: [[(ids: [Int32], isHole: Bool)]] = []
        featureRings.reserveCapacity(features.count)
        for feature in features {
            var rings: [(ids: [Int32], isHole: Bool)] = []
            for polygon in feature?.polygons ?? [] {
                for (r, ring) in polygon.enumerated() {
                    let ids = builder.intern(ring.coordinates, project: project)
                    if ids.count >= 3 { rings.append((ids, r > 0)) }
                }
            }
            featureRings.append(rings)
        }
        // 2. A vertex is a junction when it has other than two distinct neighbours.
        for rings in featureRings {
            for ring in rings {
                for (k, id) in ring.ids.enumerated() {
                    builder.link(id, ring.ids[(k + 1) % ring.ids.count])
                }
            }
        }
        // 3. Cut each ring at its junctions; arcs seen before are reused.
        var allRings: [[Ring]] = []
        allRings.reserveCapacity(featureRings.count)
        for (f, rings) in featureRings.enumerated() {
            allRings.append(rings.map { Ring(arcs: builder.cut($0.ids, feature: Int32(f)), isHole: $0.isHole) })
        }
        points = builder.points
        arcs = builder.arcs
        rings = allRings
        arcUsers = builder.users
    }

    /// The coordinates of arc `use` in the ring's direction, `(x, y)` pairs, first vertex included.
    public func coordinates(of use: ArcUse) -> [Double] {
        let ids = arcs[use.arc]
        var result: [Double] = []
        result.reserveCapacity(ids.count * 2)
        for k in 0..<ids.count {
            let id = Int(ids[use.reversed ? ids.count - 1 - k : k])
            result.append(points[2 * id])
            result.append(points[2 * id + 1])
        }
        return result
    }

    /// A ring's coordinates, closed (last point = first), at full resolution.
    public func coordinates(ofRing ring: [ArcUse]) -> [Double] {
        var result: [Double] = []
        for use in ring {
            let arc = coordinates(of: use)
            result += result.isEmpty ? arc : Array(arc.dropFirst(2))
        }
        return result
    }
}

/// The mutable state of `BoundaryTopology.init`, kept out of the public type.
private struct Builder {
    var points: [Double] = []
    /// Open-addressing table from a point's exact coordinates to its vertex id (`-1`: empty).
    /// Written out rather than a `Dictionary`: interning is most of the topology's time, and a
    /// `Dictionary` of coordinate pairs (SipHash, rehashing as it grows) took 3 times as long
    /// over England's 3.4 million boundary points.
    var slots: [Int32]
    let mask: Int
    /// First two distinct neighbours of each vertex; `junction` once a third appears.
    var neighbours: [(Int32, Int32)] = []
    var junction: [Bool] = []
    var arcs: [[Int32]] = []
    var users: [(Int32, Int32)] = []
    /// (first vertex, second vertex) of an arc's direction -> the arc and whether that direction is its reverse.
    var arcByStart: [PairKey: BoundaryTopology.ArcUse] = [:]

    struct PairKey: Hashable { let a: Int32, b: Int32 }

    init(expectedPoints: Int) {
        var capacity = 1024
        while capacity < 2 * expectedPoints { capacity *= 2 }
        slots = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        points.reserveCapacity(2 * expectedPoints)
    }

    /// The id of the point (x, y), added when new. +0.0 and -0.0 are one point.
    mutating func id(_ x: Double, _ y: Double) -> Int32 {
        let bx = (x + 0).bitPattern, by = (y + 0).bitPattern
        var h = (bx ^ (by &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if points[2 * Int(id)].bitPattern == bx && points[2 * Int(id) + 1].bitPattern == by { return id }
            slot = (slot + 1) & mask
        }
        let id = Int32(points.count / 2)
        slots[slot] = id
        points.append(x + 0)
        points.append(y + 0)
        neighbours.append((-1, -1))
        junction.append(false)
        return id
    }

    mutating func intern(_ coordinates: [Double], project: ((Double, Double)) -> (Double, Double)) -> [Int32] {
        var ring: [Int32] = []
        ring.reserveCapacity(coordinates.count / 2)
        var index = 0
        while index + 1 < coordinates.count {
            let p = project((coordinates[index], coordinates[index + 1]))
            let id = self.id(p.0, p.1)
            if ring.last != id { ring.append(id) }
            index += 2
        }
        while ring.count > 1 && ring.last == ring.first { ring.removeLast() }
        return ring
    }

    mutating func link(_ a: Int32, _ b: Int32) {
        note(a, b)
        note(b, a)
    }

    private mutating func note(_ a: Int32, _ b: Int32) {
        let i = Int(a)
        let n = neighbours[i]
        if n.0 == b || n.1 == b { return }
        if n.0 < 0 { neighbours[i].0 = b } else if n.1 < 0 { neighbours[i].1 = b } else { junction[i] = true }
    }

    /// The ring as arc uses, starting at a junction (or, with none, as one closed arc).
    mutating func cut(_ ring: [Int32], feature: Int32) -> [BoundaryTopology.ArcUse] {
        let n = ring.count
        guard let start = ring.indices.first(where: { junction[Int(ring[$0])] }) else {
            // A ring meeting no other outline: one closed arc, from its lowest vertex id in the
            // direction of the lower neighbour, so that two rings over the same points agree.
            let low = ring.indices.min { ring[$0] < ring[$1] }!
            let forward = ring[(low + 1) % n] < ring[(low + n - 1) % n]
            var ids = (0...n).map { ring[(low + (forward ? $0 : n - $0)) % n] }
            ids[n] = ids[0]
            return [use(ids, feature: feature, flipped: !forward)]
        }
        var result: [BoundaryTopology.ArcUse] = []
        var current: [Int32] = [ring[start]]
        for step in 1...n {
            let id = ring[(start + step) % n]
            current.append(id)
            if junction[Int(id)] {
                result.append(use(current, feature: feature, flipped: false))
                current = [id]
            }
        }
        return result
    }

    /// The use of the arc running through `ids` (in this ring's direction), created when new.
    /// `flipped`: `ids` is a closed arc in canonical order that the ring runs backwards.
    private mutating func use(_ ids: [Int32], feature: Int32, flipped: Bool) -> BoundaryTopology.ArcUse {
        let key = PairKey(a: ids[0], b: ids[1])
        var found: BoundaryTopology.ArcUse
        if let known = arcByStart[key] {
            found = known
        } else {
            found = BoundaryTopology.ArcUse(arc: arcs.count, reversed: false)
            arcs.append(ids)
            users.append((-1, -1))
            arcByStart[key] = found
            let last = ids.count - 1
            let back = PairKey(a: ids[last], b: ids[last - 1])
            if arcByStart[back] == nil { arcByStart[back] = BoundaryTopology.ArcUse(arc: found.arc, reversed: true) }
        }
        if users[found.arc].0 < 0 { users[found.arc].0 = feature }
        else if users[found.arc].0 != feature && users[found.arc].1 < 0 { users[found.arc].1 = feature }
        if flipped { found.reversed.toggle() }
        return found
    }
}
