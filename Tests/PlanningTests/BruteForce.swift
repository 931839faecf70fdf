import Estate
import Optimisation
import Planning

/// Exhaustive reference: every subset of sites, checked and scored from first principles
/// (nearest kept site per area; with split capacity, the best assignment for that subset as a plain
/// LP, with no binary variable and none of the planner's reductions; with single sourcing, every
/// assignment of each area to one site enumerated).
struct BruteForce {
    let instance: PlanningInstance
    let spec: PlanSpecification

    /// The best objective over all feasible subsets, or nil when none is feasible.
    func optimum() throws -> Double? { try optimumWithTieBreak()?.objective }

    /// The best objective and, among subsets achieving it, the smallest cost (carbon for min_cost).
    func optimumWithTieBreak() throws -> (objective: Double, secondary: Double)? {
        var best: (objective: Double, secondary: Double)?
        let m = instance.siteCount
        for mask in 0 ..< (1 << m) {
            let keep = (0 ..< m).map { mask & (1 << $0) != 0 }
            guard let value = try value(of: keep) else { continue }
            let secondary = (0 ..< m).reduce(0.0) {
                keep[$1] ? $0 + (spec.objective == .minCost ? instance.siteCarbon[$1] : instance.siteCost[$1]) : $0
            }
            if let current = best {
                if better(value, than: current.objective) || (!better(current.objective, than: value) && secondary < current.secondary - 1e-9) {
                    best = (value, secondary)
                }
            } else {
                best = (value, secondary)
            }
        }
        return best
    }

    private func better(_ a: Double, than b: Double) -> Bool {
        spec.objective == .maxCoverage ? a > b + 1e-9 : a < b - 1e-9
    }

    /// The objective of `keep` if it satisfies every constraint.
    func value(of keep: [Bool]) throws -> Double? {
        let c = spec.constraints
        let m = instance.siteCount, n = instance.areaCount
        for j in 0 ..< m {
            if instance.siteStatus[j] == .keep && !keep[j] { return nil }
            if instance.siteStatus[j] == .close && keep[j] { return nil }
        }
        let count = keep.filter { $0 }.count
        var cost = 0.0, carbon = 0.0
        for j in 0 ..< m where keep[j] { cost += instance.siteCost[j]; carbon += instance.siteCarbon[j] }
        if let b = c.budget, cost > b + 1e-6 { return nil }
        if let b = c.carbon, carbon > b + 1e-6 { return nil }
        if let k = c.maxSites, count > k { return nil }
        if let k = c.minSites, count < k { return nil }
        if let k = c.minPerDistrict {
            for d in 0 ..< instance.districtCount {
                let sites = (0 ..< m).filter { instance.siteDistrict[$0] == d }
                if !sites.isEmpty && sites.filter({ keep[$0] }).count < k { return nil }
            }
        }
        // Per-area covered share and travel: one candidate without capacity or with a split
        // assignment (its LP optimum), every single-source assignment otherwise.
        var candidates: [(covered: [Double], travel: Double)] = []
        switch c.capacity {
        case .split?:
            guard let lp = try capacityLP(keep) else { return nil }
            candidates = [lp]
        case .single?:
            candidates = singleSourceAssignments(keep)
        case nil:
            var covered = Array(repeating: 0.0, count: n)
            var travel = 0.0
            for i in 0 ..< n {
                var nearest: Double?
                for p in instance.pairs(of: i) where keep[instance.pairSite[p]] {
                    nearest = min(nearest ?? .infinity, instance.pairMinutes[p])
                }
                if let t = nearest, t <= spec.coverageMinutes { covered[i] = 1 }
                if let limit = c.maxMinutes, !((nearest ?? .infinity) <= limit) { return nil }
                if spec.objective == .minTravel {
                    let reachable = !instance.pairs(of: i).isEmpty
                    if reachable && nearest == nil { return nil }
                    travel += instance.areaWeight[i] * (nearest ?? 0)
                }
            }
            candidates = [(covered, travel)]
        }
        var best: Double?
        for candidate in candidates {
            guard let value = objective(covered: candidate.covered, travel: candidate.travel, cost: cost, carbon: carbon,
                                        count: count) else { continue }
            if best == nil || better(value, than: best!) { best = value }
        }
        return best
    }

    /// The objective of one assignment if it meets the coverage shares.
    private func objective(covered: [Double], travel: Double, cost: Double, carbon: Double, count: Int) -> Double? {
        let c = spec.constraints
        let n = instance.areaCount
        let w = instance.areaWeight
        let total = w.reduce(0, +)
        let coveredWeight = (0 ..< n).reduce(0) { $0 + w[$1] * covered[$1] }
        if let s = c.minCoverage, coveredWeight < s * total - 1e-6 { return nil }
        if let s = c.minDistrictCoverage {
            for d in 0 ..< instance.districtCount {
                let areas = (0 ..< n).filter { instance.areaDistrict[$0] == d }
                let dw = areas.reduce(0) { $0 + w[$1] }
                let dc = areas.reduce(0) { $0 + w[$1] * covered[$1] }
                if dc < s * dw - 1e-6 { return nil }
            }
        }
        if let s = c.minDeprivedCoverage {
            let dw = spec.deprivedAreas.reduce(0) { $0 + w[$1] }
            let dc = spec.deprivedAreas.reduce(0) { $0 + w[$1] * covered[$1] }
            if dc < s * dw - 1e-6 { return nil }
        }
        switch spec.objective {
        case .maxCoverage: return coveredWeight
        case .minCost: return cost
        case .minCarbon: return carbon
        case .minSites: return Double(count)
        case .minTravel: return travel
        }
    }

    /// Every way of sending each area whole to one kept site within reach (or, where FORMAT.md
    /// does not require every area to be served, to none), within every site's capacity.
    /// Served are: with `max_minutes`, every area; with `min_travel`, every area with a site in
    /// the horizon. Reach is `max_minutes`, else the horizon for `min_travel`, else the coverage time.
    private func singleSourceAssignments(_ keep: [Bool]) -> [(covered: [Double], travel: Double)] {
        let c = spec.constraints
        let n = instance.areaCount
        let reach = c.maxMinutes ?? (spec.objective == .minTravel ? .infinity : spec.coverageMinutes)
        var options: [[(site: Int, minutes: Double)]] = []
        var mustServe: [Bool] = []
        for i in 0 ..< n {
            options.append(instance.pairs(of: i).filter { keep[instance.pairSite[$0]] && instance.pairMinutes[$0] <= reach }
                .map { (instance.pairSite[$0], instance.pairMinutes[$0]) })
            mustServe.append(c.maxMinutes != nil || (spec.objective == .minTravel && !instance.pairs(of: i).isEmpty))
        }
        var results: [(covered: [Double], travel: Double)] = []
        var residual = instance.siteCapacity.map { $0 ?? .infinity }
        var covered = Array(repeating: 0.0, count: n)
        func visit(_ i: Int, _ travel: Double) {
            if i == n { results.append((covered, travel)); return }
            if !mustServe[i] { visit(i + 1, travel) }
            for (site, minutes) in options[i] where residual[site] >= instance.areaDemand[i] - 1e-9 {
                residual[site] -= instance.areaDemand[i]
                covered[i] = minutes <= spec.coverageMinutes ? 1 : 0
                visit(i + 1, travel + instance.areaWeight[i] * minutes)
                covered[i] = 0
                residual[site] += instance.areaDemand[i]
            }
        }
        visit(0, 0)
        return results
    }

    /// With capacity and the kept set fixed, the assignment is a transportation LP: solve it directly.
    private func capacityLP(_ keep: [Bool]) throws -> (covered: [Double], travel: Double)? {
        let c = spec.constraints
        let n = instance.areaCount
        let mustServe = spec.objective == .minTravel || c.maxMinutes != nil
        let reach = c.maxMinutes ?? (spec.objective == .minTravel ? .infinity : spec.coverageMinutes)
        var model = LinearModel(sense: spec.objective == .maxCoverage ? .maximise : .minimise)
        var columns: [[(column: Int, site: Int, minutes: Double)]] = Array(repeating: [], count: n)
        var bySite: [Int: [(Int, Double)]] = [:]
        for i in 0 ..< n {
            for p in instance.pairs(of: i) where keep[instance.pairSite[p]] && instance.pairMinutes[p] <= reach {
                let t = instance.pairMinutes[p], j = instance.pairSite[p]
                let objective = spec.objective == .maxCoverage ? (t <= spec.coverageMinutes ? instance.areaWeight[i] : 0)
                    : (spec.objective == .minTravel ? instance.areaWeight[i] * t : 0)
                let x = model.addVariable(.continuous, lower: 0, upper: 1, objective: objective)
                columns[i].append((x, j, t))
                bySite[j, default: []].append((x, instance.areaDemand[i]))
            }
            let reachable = instance.pairs(of: i).contains { instance.pairMinutes[$0] <= reach }
            let cols = columns[i].map(\.column)
            if mustServe && (spec.objective != .minTravel || c.maxMinutes != nil || reachable) {
                if cols.isEmpty { return nil }
                model.addRow(columns: cols, coefficients: cols.map { _ in 1 }, lower: 1, upper: 1)
            } else if !cols.isEmpty {
                model.addRow(columns: cols, coefficients: cols.map { _ in 1 }, upper: 1)
            }
        }
        for (j, load) in bySite.sorted(by: { $0.key < $1.key }) {
            if let capacity = instance.siteCapacity[j] {
                model.addRow(columns: load.map(\.0), coefficients: load.map(\.1), upper: capacity)
            }
        }
        // Coverage shares enter constraints; add them as rows so the LP finds a feasible split.
        func coverageTerms(_ areas: [Int]) -> ([Int], [Double]) {
            var cols: [Int] = [], coefs: [Double] = []
            for i in areas { for x in columns[i] where x.minutes <= spec.coverageMinutes { cols.append(x.column); coefs.append(instance.areaWeight[i]) } }
            return (cols, coefs)
        }
        let w = instance.areaWeight
        if let s = c.minCoverage {
            let (cols, coefs) = coverageTerms(Array(0 ..< n))
            model.addRow(columns: cols, coefficients: coefs, lower: s * w.reduce(0, +) - 1e-7)
        }
        if let s = c.minDistrictCoverage {
            for d in 0 ..< instance.districtCount {
                let areas = (0 ..< n).filter { instance.areaDistrict[$0] == d }
                let (cols, coefs) = coverageTerms(areas)
                model.addRow(columns: cols, coefficients: coefs, lower: s * areas.reduce(0) { $0 + w[$1] } - 1e-7)
            }
        }
        if let s = c.minDeprivedCoverage {
            let (cols, coefs) = coverageTerms(spec.deprivedAreas)
            model.addRow(columns: cols, coefficients: coefs, lower: s * spec.deprivedAreas.reduce(0) { $0 + w[$1] } - 1e-7)
        }
        let solution = try GLPKSolver.solve(model)
        guard solution.status == .optimal else { return nil }
        var covered = Array(repeating: 0.0, count: n)
        var travel = 0.0
        for i in 0 ..< n {
            for x in columns[i] {
                if x.minutes <= spec.coverageMinutes { covered[i] += solution[x.column] }
                travel += w[i] * x.minutes * solution[x.column]
            }
        }
        return (covered, travel)
    }
}
