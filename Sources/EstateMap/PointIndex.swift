/// Points bucketed on a dense square grid (compressed rows: one offset array, one index array)
/// for nearest-neighbour look-ups in pixel space. Searches go outward ring by ring and stop as
/// soon as no further ring can hold a closer point, so a look-up touches a handful of buckets.
struct PointIndex {
    private let xs: [Double]
    private let ys: [Double]
    private let bucket: Double
    private let originX: Double
    private let originY: Double
    private let columns: Int
    private let rows: Int
    /// Points of bucket b are `items[start[b]..<start[b + 1]]`, ascending.
    private let start: [Int]
    private let items: [Int]

    init(points: [(x: Double, y: Double)], bucket: Double) {
        xs = points.map(\.x)
        ys = points.map(\.y)
        self.bucket = max(bucket, 1)
        originX = xs.min() ?? 0
        originY = ys.min() ?? 0
        columns = Int((((xs.max() ?? 0) - originX) / self.bucket).rounded(.down)) + 1
        rows = Int((((ys.max() ?? 0) - originY) / self.bucket).rounded(.down)) + 1
        var count = [Int](repeating: 0, count: columns * rows + 1)
        var home = [Int](repeating: 0, count: points.count)
        for i in points.indices {
            let c = Int((xs[i] - originX) / self.bucket), r = Int((ys[i] - originY) / self.bucket)
            home[i] = r * columns + c
            count[home[i] + 1] += 1
        }
        for b in 0..<(columns * rows) { count[b + 1] += count[b] }
        var fill = count
        var items = [Int](repeating: 0, count: points.count)
        for i in points.indices {
            items[fill[home[i]]] = i
            fill[home[i]] += 1
        }
        start = count
        self.items = items
    }

    /// Index of the nearest point within `within` pixels (ties: lowest index), or nil.
    func nearest(x: Double, y: Double, within: Double) -> Int? {
        var best = -1
        var bestD = within * within
        search(x: x, y: y, maxRing: Int((within / bucket).rounded(.up)) + 1, done: { bestD }) { i, d in
            if d < bestD || (d == bestD && (best < 0 || i < best)) { bestD = d; best = i }
        }
        return best >= 0 ? best : nil
    }

    /// Distance to the nearest point other than `excluding`, pixels; nil when there is none.
    func nearestDistance(x: Double, y: Double, excluding: Int) -> Double? {
        var bestD = Double.infinity
        search(x: x, y: y, maxRing: max(columns, rows) + 1, done: { bestD }) { i, d in
            if i != excluding && d < bestD { bestD = d }
        }
        return bestD.isFinite ? bestD.squareRoot() : nil
    }

    /// Visits the points of buckets ring by ring around (x, y), passing each point's squared
    /// distance, until ring k can no longer beat `done()` (a squared distance): every point in
    /// ring k+1 or beyond is at least k buckets away.
    private func search(x: Double, y: Double, maxRing: Int, done: () -> Double, visit: (Int, Double) -> Void) {
        let bx = Int(((x - originX) / bucket).rounded(.down)), by = Int(((y - originY) / bucket).rounded(.down))
        var ring = 0
        while ring <= maxRing {
            for gy in (by - ring)...(by + ring) where gy >= 0 && gy < rows {
                let edge = gy == by - ring || gy == by + ring
                var gx = bx - ring
                while gx <= bx + ring {
                    if gx >= 0 && gx < columns {
                        let b = gy * columns + gx
                        for k in start[b]..<start[b + 1] {
                            let i = items[k]
                            let dx = xs[i] - x, dy = ys[i] - y
                            visit(i, dx * dx + dy * dy)
                        }
                    }
                    // Inside the ring only its two end columns are new.
                    gx += edge || ring == 0 ? 1 : 2 * ring
                }
            }
            let reach = Double(ring) * bucket
            if done() <= reach * reach { return }
            ring += 1
        }
    }

    /// The `percentile`th percentile (nearest rank) of each point's distance to its nearest
    /// neighbour, pixels: how far apart areas typically are; nil for fewer than two points.
    static func spacing(_ points: [(x: Double, y: Double)], percentile: Int) -> Double? {
        guard points.count > 1 else { return nil }
        let index = PointIndex(points: points, bucket: 8)
        var spacing = points.enumerated().compactMap { index.nearestDistance(x: $1.x, y: $1.y, excluding: $0) }
        guard !spacing.isEmpty else { return nil }
        spacing.sort()
        return spacing[min(spacing.count - 1, spacing.count * percentile / 100)]
    }
}
