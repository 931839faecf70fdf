import Estate
import Optimisation
import Planning

/// Exhaustive reference for the v2 model: every set of kept sites and, for each, every choice of
/// the services each kept site offers, checked and scored from FORMAT.md's definitions. What is
/// left once those are fixed (outreach shares, and under capacity the assignment) is continuous:
/// it is solved as a plain LP written here from the definitions, with no binary variable, except
/// under `capacity: single`, where each assignment of an area's service demand is 0 or 1 (a
/// small MILP per choice of sites and offers).
struct ServiceBruteForce {
    let instance: PlanningInstance
    let spec: PlanSpecification
    var rules: ServiceRules { spec.services! }
    var services: ServiceInstance { instance.services! }

    /// The best objective over all feasible decisions, or nil when none is feasible.
    func optimum() throws -> Double? {
        let m = instance.siteCount, s = services.serviceCount
        var best: Double?
        for mask in 0 ..< (1 << m) {
            let keep = (0 ..< m).map { mask & (1 << $0) != 0 }
            // Offers: one bit per (kept site, hostable service).
            let slots = (0 ..< m).flatMap { j in (0 ..< s).compactMap { k in keep[j] && services.siteHosts[k][j] ? (j, k) : nil } }
            for offerMask in 0 ..< (1 << slots.count) {
                var offered = Array(repeating: Array(repeating: false, count: s), count: m)
                for (bit, slot) in slots.enumerated() where offerMask & (1 << bit) != 0 { offered[slot.0][slot.1] = true }
                guard let value = try value(keep: keep, offered: offered) else { continue }
                if best == nil || better(value, than: best!) { best = value }
            }
        }
        return best
    }

    private func better(_ a: Double, than b: Double) -> Bool {
        spec.objective == .maxCoverage ? a > b + 1e-9 : a < b - 1e-9
    }

    /// The best objective with these sites and offers, if they satisfy every constraint.
    func value(keep: [Bool], offered: [[Bool]]) throws -> Double? {
        let c = spec.constraints
        let n = instance.areaCount, m = instance.siteCount, s = services.serviceCount
        for j in 0 ..< m {
            if instance.siteStatus[j] == .keep && !keep[j] { return nil }
            if instance.siteStatus[j] == .close && keep[j] { return nil }
        }
        let count = keep.filter { $0 }.count
        if let k = c.maxSites, count > k { return nil }
        if let k = c.minSites, count < k { return nil }
        let carbon = (0 ..< m).reduce(0.0) { keep[$1] ? $0 + instance.siteCarbon[$1] : $0 }
        if let cap = c.carbon, carbon > cap + 1e-6 { return nil }
        for d in 0 ..< instance.districtCount {
            let sites = (0 ..< m).filter { instance.siteDistrict[$0] == d }
            if let k = c.minPerDistrict, !sites.isEmpty, sites.filter({ keep[$0] }).count < k { return nil }
            if let core = rules.familyHubCore {
                let capable = sites.filter { j in core.allSatisfy { services.siteHosts[$0][j] } }
                let hubs = capable.filter { j in keep[j] && core.allSatisfy { offered[j][$0] } }
                if !capable.isEmpty && hubs.count < rules.familyHubsPerDistrict { return nil }
            }
        }
        var fixedCost = (0 ..< m).reduce(0.0) { keep[$1] ? $0 + instance.siteCost[$1] : $0 }
        for j in 0 ..< m { for k in 0 ..< s where offered[j][k] { fixedCost += rules.services[k].costPerSite } }

        // The continuous rest as an LP: a_ijk (capacity, or min_travel), o_ik (outreach).
        var lp = LinearModel(sense: spec.objective == .maxCoverage ? .maximise : .minimise)
        var constant = 0.0
        var coveredTerms = Array(repeating: Array(repeating: [(Int, Double)](), count: n), count: s)
        var coveredConstant = Array(repeating: Array(repeating: 0.0, count: n), count: s)
        var costTerms: [(Int, Double)] = []
        var load = Array(repeating: [(Int, Double)](), count: m)
        let useAssignment = c.capacity != nil || spec.objective == .minTravel
        for k in 0 ..< s {
            let rule = rules.services[k], w = services.areaWeight[k]
            for i in 0 ..< n {
                let pairs = instance.pairs(of: i).map { (site: instance.pairSite[$0], minutes: instance.pairMinutes[$0]) }
                let open = pairs.filter { keep[$0.site] && offered[$0.site][k] }
                let nearest = open.first?.minutes
                if let limit = rule.maxMinutes, !((nearest ?? .infinity) <= limit) { return nil }
                if c.capacity == nil, let t = nearest, t <= rule.coverageMinutes { coveredConstant[k][i] = 1 }
                if useAssignment {
                    let mustServe = spec.objective == .minTravel || rule.maxMinutes != nil
                    let reach = rule.maxMinutes ?? (spec.objective == .minTravel ? .infinity : rule.coverageMinutes)
                    let capable = pairs.contains { services.siteHosts[k][$0.site] }
                    if c.capacity == nil {
                        // Without capacity every area goes to its nearest offering site.
                        if spec.objective == .minTravel, capable {
                            guard let t = nearest else { return nil }
                            constant += w[i] * t
                        }
                        continue
                    }
                    var columns: [Int] = []
                    for pair in open where pair.minutes <= reach {
                        // Single sourcing: the area's demand for the service goes whole to one site.
                        let a = lp.addVariable(c.capacity == .single ? .binary : .continuous, lower: 0, upper: 1,
                                               objective: spec.objective == .minTravel ? w[i] * pair.minutes : 0)
                        columns.append(a)
                        load[pair.site].append((a, services.areaDemand[k][i]))
                        if pair.minutes <= rule.coverageMinutes { coveredTerms[k][i].append((a, 1)) }
                    }
                    if mustServe && (capable || rule.maxMinutes != nil) {
                        if columns.isEmpty { return nil }
                        lp.addRow(columns: columns, coefficients: columns.map { _ in 1 }, lower: 1, upper: 1)
                    } else if !columns.isEmpty {
                        lp.addRow(columns: columns, coefficients: columns.map { _ in 1 }, upper: 1)
                    }
                }
            }
        }
        for k in 0 ..< s where rules.services[k].outreach {
            for i in 0 ..< n {
                let o = lp.addVariable(.continuous, lower: 0, upper: 1)
                let terms = coveredTerms[k][i]
                lp.addRow(columns: terms.map(\.0) + [o], coefficients: terms.map(\.1) + [1], upper: 1 - coveredConstant[k][i])
                coveredTerms[k][i].append((o, rules.outreachValue))
                costTerms.append((o, rules.outreachCostPerPerson * services.areaPopulation[k][i]))
            }
        }
        if c.capacity != nil {
            for j in 0 ..< m where !load[j].isEmpty {
                if let capacity = instance.siteCapacity[j] {
                    lp.addRow(columns: load[j].map(\.0), coefficients: load[j].map(\.1), upper: capacity)
                }
            }
        }
        // Coverage of service k over some areas, as terms plus a constant.
        func coverage(_ k: Int, _ areas: [Int]) -> (columns: [Int], coefficients: [Double], constant: Double) {
            var columns: [Int] = [], coefficients: [Double] = [], constant = 0.0
            for i in areas {
                let w = services.areaWeight[k][i]
                constant += w * coveredConstant[k][i]
                for (column, factor) in coveredTerms[k][i] { columns.append(column); coefficients.append(w * factor) }
            }
            return (columns, coefficients, constant)
        }
        func require(_ k: Int, _ share: Double?, _ areas: [Int]) -> Bool {
            guard let share else { return true }
            let total = areas.reduce(0.0) { $0 + services.areaWeight[k][$1] }
            guard total > 0 else { return true }
            let (columns, coefficients, fixed) = coverage(k, areas)
            if columns.isEmpty { return fixed >= share * total - 1e-7 }
            lp.addRow(columns: columns, coefficients: coefficients, lower: share * total - fixed)
            return true
        }
        for (k, rule) in rules.services.enumerated() {
            guard require(k, rule.minCoverage, Array(0 ..< n)) else { return nil }
            for d in 0 ..< instance.districtCount {
                guard require(k, rule.minDistrictCoverage, (0 ..< n).filter { instance.areaDistrict[$0] == d }) else { return nil }
            }
            guard require(k, rule.minDeprivedCoverage, spec.deprivedAreas) else { return nil }
        }
        // The services' weighted coverage (what max_coverage maximises) at least c.minCoverage.
        if let share = c.minCoverage {
            var columns: [Int] = [], coefficients: [Double] = [], fixed = 0.0, total = 0.0
            for (k, rule) in rules.services.enumerated() {
                total += rule.weight * services.areaWeight[k].reduce(0, +)
                let terms = coverage(k, Array(0 ..< n))
                fixed += rule.weight * terms.constant
                columns += terms.columns
                coefficients += terms.coefficients.map { rule.weight * $0 }
            }
            if total > 0 {
                if columns.isEmpty { if fixed < share * total - 1e-7 { return nil } } else {
                    lp.addRow(columns: columns, coefficients: coefficients, lower: share * total - fixed)
                }
            }
        }
        if let budget = c.budget {
            if costTerms.isEmpty { if fixedCost > budget + 1e-6 { return nil } } else {
                lp.addRow(columns: costTerms.map(\.0), coefficients: costTerms.map(\.1), upper: budget - fixedCost)
            }
        }
        switch spec.objective {
        case .maxCoverage:
            for k in 0 ..< s {
                let (columns, coefficients, fixed) = coverage(k, Array(0 ..< n))
                constant += rules.services[k].weight * fixed
                for (column, coefficient) in zip(columns, coefficients) {
                    lp.setObjectiveCoefficient(column, lp.objectiveCoefficient(of: column) + rules.services[k].weight * coefficient)
                }
            }
        case .minCost:
            constant += fixedCost
            for (column, coefficient) in costTerms { lp.setObjectiveCoefficient(column, coefficient) }
        case .minCarbon: constant += carbon
        case .minSites: constant += Double(count)
        case .minTravel: break
        }
        if lp.variableCount == 0 { return constant }
        let solution = try GLPKSolver.solve(lp, options: SolveOptions())
        guard solution.status == .optimal, let objective = solution.objective else { return nil }
        return constant + objective
    }
}
