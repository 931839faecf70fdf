/// The cost (a distance in metres, a travel time in minutes, ...) of serving each client
/// from each candidate site, dense or sparse.
///
/// Stored per client as the allowed sites in ascending site order (compressed sparse
/// rows), so sparse inputs (only pairs within a travel-time cut-off, say) cost memory in
/// proportion to their entries. A pair that is absent (or +infinity in a dense input)
/// means the client cannot be served or covered from that site.
public struct ServiceCosts: Sendable, Equatable {
    /// Number of clients (demand points).
    public let clientCount: Int
    /// Number of candidate sites.
    public let siteCount: Int
    /// Client `i`'s entries are `sites[start[i] ..< start[i + 1]]` with `costs` alongside.
    let start: [Int]
    let sites: [Int]
    let costs: [Double]

    /// A dense input: `costs[i * siteCount + j]` is the cost of client `i` from site `j`;
    /// +infinity means not allowed.
    public init(clientCount: Int, siteCount: Int, costs dense: [Double]) throws {
        guard clientCount >= 0, siteCount >= 0, dense.count == clientCount * siteCount else {
            throw LocationModelError.shapeMismatch(expected: max(0, clientCount) * max(0, siteCount),
                                                   actual: dense.count, what: "dense cost matrix")
        }
        var start = [0], sites: [Int] = [], costs: [Double] = []
        sites.reserveCapacity(dense.count)
        costs.reserveCapacity(dense.count)
        for i in 0 ..< clientCount {
            for j in 0 ..< siteCount {
                let value = dense[i * siteCount + j]
                if value == .infinity { continue }
                guard value >= 0, value.isFinite else { throw LocationModelError.invalidCost(client: i, site: j, value: value) }
                sites.append(j)
                costs.append(value)
            }
            start.append(sites.count)
        }
        self.clientCount = clientCount
        self.siteCount = siteCount
        self.start = start
        self.sites = sites
        self.costs = costs
    }

    /// A dense input given as one row per client.
    public init(rows: [[Double]], siteCount: Int? = nil) throws {
        let width = siteCount ?? rows.first?.count ?? 0
        for (i, row) in rows.enumerated() where row.count != width {
            throw LocationModelError.shapeMismatch(expected: width, actual: row.count, what: "row \(i) of the cost matrix")
        }
        try self.init(clientCount: rows.count, siteCount: width, costs: rows.flatMap { $0 })
    }

    /// A sparse input: only the listed (client, site, cost) entries are allowed, in any order.
    public init(clientCount: Int, siteCount: Int, entries: [(client: Int, site: Int, cost: Double)]) throws {
        var counts = [Int](repeating: 0, count: max(0, clientCount) + 1)
        for entry in entries {
            guard entry.client >= 0, entry.client < clientCount, entry.site >= 0, entry.site < siteCount else {
                throw LocationModelError.indexOutOfRange(client: entry.client, site: entry.site,
                                                         clientCount: clientCount, siteCount: siteCount)
            }
            guard entry.cost >= 0, entry.cost.isFinite else {
                throw LocationModelError.invalidCost(client: entry.client, site: entry.site, value: entry.cost)
            }
            counts[entry.client + 1] += 1
        }
        for i in 0 ..< max(0, clientCount) { counts[i + 1] += counts[i] }
        let ordered = entries.sorted { ($0.client, $0.site) < ($1.client, $1.site) }
        for k in ordered.indices.dropFirst() where ordered[k].client == ordered[k - 1].client && ordered[k].site == ordered[k - 1].site {
            throw LocationModelError.duplicateEntry(client: ordered[k].client, site: ordered[k].site)
        }
        self.clientCount = clientCount
        self.siteCount = siteCount
        self.start = counts
        self.sites = ordered.map(\.site)
        self.costs = ordered.map(\.cost)
    }

    /// The cost of serving `client` from `site`, or nil when the pair is not allowed.
    public func cost(client: Int, site: Int) -> Double? {
        let range = start[client] ..< start[client + 1]
        var low = range.lowerBound, high = range.upperBound
        while low < high {
            let mid = (low + high) / 2
            if sites[mid] < site { low = mid + 1 } else { high = mid }
        }
        return low < range.upperBound && sites[low] == site ? costs[low] : nil
    }

    /// The allowed sites of `client` with their costs, in ascending site order.
    public func entries(ofClient client: Int) -> Zip2Sequence<ArraySlice<Int>, ArraySlice<Double>> {
        let range = start[client] ..< start[client + 1]
        return zip(sites[range], costs[range])
    }

    /// Number of allowed (client, site) pairs.
    public var entryCount: Int { sites.count }

    /// A dense row-major copy, +infinity where not allowed (for heuristics that index directly).
    func denseMatrix() -> [Double] {
        var dense = [Double](repeating: .infinity, count: clientCount * siteCount)
        for i in 0 ..< clientCount {
            for k in start[i] ..< start[i + 1] { dense[i * siteCount + sites[k]] = costs[k] }
        }
        return dense
    }
}
