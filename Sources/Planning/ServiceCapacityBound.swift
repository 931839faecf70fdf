import Estate

/// An upper bound on `max_coverage` under `capacity` (split or single) that counts capacity, where
/// the every-site bound (`ServicePlanner.everySiteOpen`) does not: at Kent's Family Hub Network
/// with `capacity: single` that bound was twice the best plan, and GLPK's own needs the LP
/// relaxation of the whole model, which it did not finish in 30 s.
///
/// The relaxation: every site not marked close is kept and offers every service it can host, no
/// budget, no minimum, no Family Hub, shares fractional. What is left is a transportation
/// problem: each (area `i`, service `k`) sends its demand `d_ik` to sites `j` within the
/// service's coverage time, gaining `g_ik = weight_k w_ik (1 - value)` per whole area where
/// outreach could reach what no building covers (`weight_k w_ik` where it cannot, and the rest,
/// `weight_k w_ik value`, is a constant), and a site takes at most its `capacity` over all its
/// services. Its Lagrangian dual, with a price `λ_j >= 0` on each site's capacity,
///
///     L(λ) = constant + sum_j λ_j capacity_j + sum_ik max(0, max_{j covering ik} g_ik - λ_j d_ik),
///
/// is an upper bound at every `λ` (weak duality), so any step of the search below is a proof; the
/// subgradient steps (Polyak's rule) lower it towards the transportation optimum.
struct ServiceCapacityBound {
    /// One (area, service) item with a positive gain and the sites that would cover it.
    private struct Item {
        var gain: Double
        var demand: Double
        var sites: [Int]
    }

    private let items: [Item]
    private let constant: Double
    private let capacity: [Double?]

    /// Nil unless the model maximises coverage under capacity.
    init?(_ model: ServiceModel) {
        guard model.specification.objective == .maxCoverage, model.specification.constraints.capacity != nil else { return nil }
        let instance = model.instance, services = model.services, rules = model.rules
        var items: [Item] = [], constant = 0.0
        for k in 0 ..< services.serviceCount {
            let rule = rules.services[k]
            for i in 0 ..< instance.areaCount {
                let weight = rule.weight * services.areaWeight[k][i]
                guard weight > 0 else { continue }
                let outreach = model.outreachColumn[k][i] != nil ? rules.outreachValue : 0
                let sites = model.assignment[k][i].filter {
                    $0.minutes <= rule.coverageMinutes && instance.siteStatus[$0.site] != .close
                }.map(\.site)
                constant += weight * min(1, outreach)
                let gain = weight * (1 - min(1, outreach))
                if gain > 0, !sites.isEmpty { items.append(Item(gain: gain, demand: max(0, services.areaDemand[k][i]), sites: sites)) }
            }
        }
        self.items = items
        self.constant = constant
        capacity = instance.siteCapacity
    }

    /// `L(λ)` and its subgradient (each site's capacity less the demand the items send it).
    private func evaluate(_ price: [Double]) -> (value: Double, subgradient: [Double]) {
        var value = constant
        var load = Array(repeating: 0.0, count: capacity.count)
        for item in items {
            var best = 0.0, site: Int?
            for j in item.sites {
                let net = item.gain - price[j] * item.demand
                if net > best { best = net; site = j }
            }
            value += best
            if let site { load[site] += item.demand }
        }
        var subgradient = Array(repeating: 0.0, count: capacity.count)
        for j in capacity.indices {
            guard let c = capacity[j] else { continue }
            value += price[j] * c
            subgradient[j] = c - load[j]
        }
        return (value, subgradient)
    }

    /// Subgradient steps the search takes at most: a count, not seconds, so that the bound
    /// proven does not depend on how busy the machine is (it had a twentieth of the time limit).
    /// On Kent's Family Hub Network under `capacity: single` the 200 steps took 0.06 s (release
    /// build, 2 Dec 2026, load average 7), against the second a 20 s limit allowed.
    static let iterations = 200

    /// The lowest `L(λ)` found in at most ``iterations`` steps (stopped earlier by `backstop`, the
    /// run's time limit, only where they have not ended), never above the bound at `λ = 0`
    /// (capacity ignored). `target`: a coverage some plan reaches, if known (Polyak's step aims at
    /// it; without one, at 95% of the best bound so far).
    func bound(backstop: ContinuousClock.Instant? = nil, target: Double? = nil) -> Double {
        var price = Array(repeating: 0.0, count: capacity.count)
        var (best, subgradient) = evaluate(price)
        var current = best, step = 2.0, stale = 0
        for _ in 0 ..< Self.iterations {
            if let backstop, ContinuousClock.now >= backstop { break }
            // Prices only of capacities that bind: a site with room left is pushed towards 0.
            var norm = 0.0
            for j in price.indices where capacity[j] != nil && (subgradient[j] < 0 || price[j] > 0) { norm += subgradient[j] * subgradient[j] }
            guard norm > 0 else { break }
            let aim = min(target ?? 0.95 * best, best)
            let length = step * max(current - aim, 1e-9 * max(1, best)) / norm
            for j in price.indices where capacity[j] != nil { price[j] = max(0, price[j] - length * subgradient[j]) }
            (current, subgradient) = evaluate(price)
            if current < best - 1e-9 * max(1, best) {
                best = current
                stale = 0
            } else {
                stale += 1
                if stale >= 10 { step /= 2; stale = 0 }
            }
            if step < 1e-4 { break }
        }
        return best
    }
}
