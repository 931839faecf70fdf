import LocationModels

/// A small random location instance, with brute-force optima by enumerating site subsets.
struct RandomLocationInstance {
    var clients: Int
    var sites: Int
    /// Row-major costs, +infinity where the pair is not allowed.
    var dense: [Double]
    var weights: [Double]
    var siteCosts: [Double]
    var costs: ServiceCosts

    /// Random integer costs 0...20 (or planar distances when `clients` is given, so that
    /// nearby sites serve nearby clients as in real instances).
    init(seed: UInt64, sparse: Bool = false, clients fixedClients: Int? = nil, sites fixedSites: Int? = nil) throws {
        var rng = SeededGenerator(seed: seed)
        clients = fixedClients ?? Int.random(in: 4 ... 9, using: &rng)
        sites = fixedSites ?? Int.random(in: 3 ... 8, using: &rng)
        if fixedClients != nil {
            let c = (0 ..< clients).map { _ in (Double.random(in: 0 ..< 100, using: &rng), Double.random(in: 0 ..< 100, using: &rng)) }
            let s = (0 ..< sites).map { _ in (Double.random(in: 0 ..< 100, using: &rng), Double.random(in: 0 ..< 100, using: &rng)) }
            dense = c.flatMap { a in s.map { b in (((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1)).squareRoot()).rounded() } }
        } else {
            dense = (0 ..< clients * sites).map { _ in Double(Int.random(in: 0 ... 20, using: &rng)) }
        }
        if sparse {
            for k in dense.indices where Int.random(in: 0 ..< 4, using: &rng) == 0 { dense[k] = .infinity }
        }
        // Some clients duplicated exactly, to exercise the merging of identical clients.
        if clients > 5 { for j in 0 ..< sites { dense[(clients - 1) * sites + j] = dense[j] } }
        weights = (0 ..< clients).map { _ in Double(Int.random(in: 0 ... 5, using: &rng)) }
        siteCosts = (0 ..< sites).map { _ in Double(Int.random(in: 1 ... 9, using: &rng)) }
        costs = try ServiceCosts(clientCount: clients, siteCount: sites, costs: dense)
    }

    /// Every subset of sites (as a sorted array) with its total site cost.
    var subsets: [(sites: [Int], cost: Double)] {
        (0 ..< (1 << sites)).map { mask in
            let chosen = (0 ..< sites).filter { mask & (1 << $0) != 0 }
            return (chosen, chosen.reduce(0.0) { $0 + siteCosts[$1] })
        }
    }

    func pMedianOptimum(p: Int, budget: Double?) -> Double? {
        var best: Double?
        for subset in subsets where subset.sites.count == p && subset.cost <= (budget ?? .infinity) {
            var total = 0.0
            var feasible = true
            for i in 0 ..< clients {
                let nearest = subset.sites.map { dense[i * sites + $0] }.min() ?? .infinity
                if nearest == .infinity { feasible = false; break }
                total += weights[i] * nearest
            }
            if feasible, total < (best ?? .infinity) { best = total }
        }
        return best
    }

    func coveredWeight(_ chosen: [Int], radius: Double) -> Double {
        (0 ..< clients).reduce(0.0) { sum, i in
            chosen.contains { dense[i * sites + $0] <= radius } ? sum + weights[i] : sum
        }
    }

    func maxCoveringOptimum(p: Int, radius: Double, budget: Double?) -> Double {
        subsets.filter { $0.sites.count <= p && $0.cost <= (budget ?? .infinity) }
            .map { coveredWeight($0.sites, radius: radius) }.max() ?? 0
    }

    func setCoveringOptimum(radius: Double, budget: Double?) -> Int? {
        subsets.filter { subset in
            subset.cost <= (budget ?? .infinity)
                && (0 ..< clients).allSatisfy { i in subset.sites.contains { dense[i * sites + $0] <= radius } }
        }.map(\.sites.count).min()
    }
}
