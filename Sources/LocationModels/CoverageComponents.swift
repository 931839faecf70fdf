import Optimisation

/// The independent parts of a covering model: site columns joined whenever one group of clients
/// is covered by both. Two sites in different parts never cover the same client, so with the
/// other parts' sites held, a part's best plan is a covering problem of its own (clustered towns
/// at England scale, 15 minutes: 223 parts of 3,000 sites, the largest 961, then 355 and 248).
public enum CoverageComponents {
    /// The site columns of each part, smallest part first (ties by first column), each sorted.
    public static func parts(of cuts: CoverageCuts) -> [[Int]] {
        let columns = (cuts.covering.lazy.compactMap { $0.max() }.max() ?? -1) + 1
        var parent = [Int](repeating: -1, count: columns) // -1: not a site column of any group
        func root(_ column: Int) -> Int {
            var node = column
            while parent[node] != node { node = parent[node] }
            var walk = column
            while parent[walk] != node { (parent[walk], walk) = (node, parent[walk]) }
            return node
        }
        for sites in cuts.covering {
            for column in sites where parent[column] < 0 { parent[column] = column }
            guard let first = sites.first else { continue }
            for column in sites.dropFirst() {
                let a = root(first), b = root(column)
                if a != b { parent[b] = a }
            }
        }
        var members = [[Int]](repeating: [], count: columns)
        for column in 0 ..< columns where parent[column] >= 0 { members[root(column)].append(column) }
        return members.filter { !$0.isEmpty }.sorted { ($0.count, $0[0]) < ($1.count, $1[0]) }
    }

    /// Per part: the groups (indices into `cuts.covering`) its sites cover. A group's sites all
    /// lie in one part, so its first site names the part.
    static func groups(of parts: [[Int]], in cuts: CoverageCuts) -> [[Int]] {
        var partOf = [Int: Int]()
        for (k, part) in parts.enumerated() { for column in part { partOf[column] = k } }
        var groups = [[Int]](repeating: [], count: parts.count)
        for (g, sites) in cuts.covering.enumerated() {
            if let first = sites.first, let k = partOf[first] { groups[k].append(g) }
        }
        return groups
    }

    /// Whether a part is worth searching at `point`: it keeps some but not all of its `sites`, and
    /// some of its `groups` is covered less than its share's bound allows, so another choice of
    /// its sites might cover more.
    static func isWorthSearching(sites: [Int], groups: [Int], at point: [Double], model: LinearModel,
                                 cuts: CoverageCuts) -> Bool {
        let open = sites.count { point[$0] > 0.5 }
        return open > 0 && open < sites.count
            && groups.contains { point[cuts.share[$0]] < model.bounds(of: cuts.share[$0]).upper - 1e-9 }
    }
}
