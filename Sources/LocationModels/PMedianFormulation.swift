import Optimisation

/// Which MILP formulation of the p-median problem to hand to GLPK.
public enum PMedianFormulation: String, Sendable, CaseIterable {
    /// The classic one: x_ij (client i served by site j) for every allowed pair, x_ij <= y_j,
    /// sum_j x_ij = 1. Clients x sites assignment variables and rows.
    case assignment
    /// The radius (covering) formulation of Elloumi (2010) in the chained form of García,
    /// Labbé and Marín (2011): per client, its sorted distinct costs D_1 < D_2 < ...; z_k = 1
    /// when no open site lies within D_k; z_k >= z_(k-1) - sum_{j: d_ij = D_k} y_j. Each
    /// (client, site) pair appears once, levels beyond the (m - p + 1)-th nearest site are
    /// dropped (some site among any m - p + 1 is open), and the LP bound equals Elloumi's.
    case radius
    /// The radius formulation keeping, per client, only the levels up to a limit (the farther
    /// of its ⌈2m/p⌉-th nearest site and its cost in our heuristic solution); the last z is
    /// charged only to the next level, which makes a relaxation. A client the solution serves
    /// beyond that was under-counted: its levels are widened and the MILP solved again, with
    /// the best solution so far as incumbent. When none is, the solution is optimal for the
    /// full problem. Far fewer rows when p is large or costs are many distinct values.
    case incrementalRadius
    /// Branch-and-Benders-cut (``PMedianBendersCuts``): sites and one cost per client group in
    /// the master, the radius formulation's rows generated only where an LP solution violates them.
    case benders
    /// The one measured fastest with GLPK, after reduced-cost fixing of sites (from the LP
    /// relaxation, when our heuristic found an incumbent): ``benders``. Measured in CPU seconds on
    /// a shared 2-core machine: on OR-Library (integral distances, `orlib --formulation
    /// benders|incrementalRadius`) Benders took 0.4-1.9 s against 3.7-17.6 s at p = 5 (n = 400 to
    /// 800), 0.1-16 s against 1.0-34 s at p = 10, and was never slower up to p = 200; on the
    /// generated `min_travel` counties (minutes with 3 decimals, pairs within 45 minutes, p =
    /// sites / 9; benchmarks `counties`) 0.53 s against 3.68 s on 1,000 x 110 and 3.67 s against
    /// 12.3 s on 1,500 x 160, and the same with the minutes scaled to integers: fractional costs
    /// do not weaken it. Before Benders, the incremental radius with fixing was measured against
    /// the full radius and assignment models (`targets`, 300 x 100, p = 10: assignment 45-51 s,
    /// radius 4-10 s, incremental radius 1.1-3.3 s).
    case automatic
}

/// A built p-median MILP and what is needed to translate to and from it.
struct PMedianModel {
    var model = LinearModel()
    /// Variable of site j is j (the first siteCount variables are the y_j).
    let siteCount: Int
    /// Radius: per group, the first z variable and the levels D_k its z's stand for.
    var zStart: [Int] = []
    var levels: [[Double]] = []
    /// Radius: per group, the cost up to which its truncated last z is charged (nil: not truncated).
    var tailNext: [Double?] = []
    /// Assignment: per group, its first x variable and allowed sites (x's in that order).
    var xStart: [Int] = []
    var xSites: [[Int]] = []

    /// The MILP point of `openSites` (sorted or not), for GLPK's incumbent.
    func point(openSites: [Int], costs: ServiceCosts, groups: ClientGroups) -> [Double] {
        var values = [Double](repeating: 0, count: model.variableCount)
        for j in openSites { values[j] = 1 }
        let isOpen = Set(openSites)
        for g in 0 ..< groups.count {
            var best = Double.infinity, bestSite = -1
            for (site, cost) in costs.entries(ofClient: groups.representatives[g]) where cost < best && isOpen.contains(site) {
                best = cost
                bestSite = site
            }
            if !zStart.isEmpty {
                for (k, level) in levels[g].enumerated() where best > level { values[zStart[g] + k] = 1 }
            } else if let k = xSites[g].firstIndex(of: bestSite) {
                values[xStart[g] + k] = 1
            }
        }
        return values
    }

    /// Open sites of a MILP solution, ascending.
    func openSites(_ values: [Double]) -> [Int] {
        (0 ..< siteCount).filter { values[$0] > 0.5 }
    }
}

extension PMedianProblem {
    /// Builds the MILP in `formulation` over merged client groups; the radius formulation
    /// keeps, per group, only the cost levels up to `limits[g]` (nil: all that matter).
    func buildModel(_ formulation: PMedianFormulation, groups: ClientGroups, limits: [Double]? = nil) -> PMedianModel {
        let m = costs.siteCount, p = medians
        var built = PMedianModel(siteCount: m)
        let y = built.model.addVariables(m, kind: .binary)
        built.model.addRow(columns: Array(y), coefficients: Array(repeating: 1, count: m),
                           lower: Double(minimumOpen), upper: Double(p), name: "open sites")
        for row in limitRows {
            let columns = y.filter { row.coefficients[$0] != 0 }
            built.model.addRow(columns: Array(columns), coefficients: columns.map { row.coefficients[$0] },
                               lower: row.lower, upper: row.upper)
        }
        for j in fixedOpen { built.model.setBounds(j, lower: 1, upper: 1) }
        for g in 0 ..< groups.count {
            let client = groups.representatives[g]
            let weight = groups.weights[g]
            let range = costs.start[client] ..< costs.start[client + 1]
            if formulation == .assignment {
                let sites = Array(costs.sites[range])
                let x = built.model.addVariables(sites.count, kind: .continuous, upper: 1)
                for (k, site) in sites.enumerated() {
                    built.model.setObjectiveCoefficient(x.lowerBound + k, weight * costs.costs[range.lowerBound + k])
                    built.model.addRow(columns: [x.lowerBound + k, site], coefficients: [1, -1], upper: 0)
                }
                built.model.addRow(columns: Array(x), coefficients: Array(repeating: 1, count: sites.count), lower: 1, upper: 1)
                built.xStart.append(x.lowerBound)
                built.xSites.append(sites)
            } else {
                addRadiusRows(&built, client: client, weight: weight, range: range, limit: limits?[g] ?? .infinity)
            }
        }
        return built
    }

    private func addRadiusRows(_ built: inout PMedianModel, client: Int, weight: Double, range: Range<Int>,
                               limit: Double) {
        let m = costs.siteCount, p = minimumOpen
        let order = range.sorted { (costs.costs[$0], costs.sites[$0]) < (costs.costs[$1], costs.sites[$1]) }
        // Among any m - p + 1 sites one is open (p the fewest that open), so the client is served
        // within the cost of its (m - p + 1)-th nearest site; the levels beyond it never matter.
        let guaranteed = order.count >= m - p + 1
        let fullCutoff = costs.costs[order[guaranteed ? m - p : order.count - 1]]
        let cutoff = min(fullCutoff, limit)
        var levelSites: [[Int]] = []
        var levelCosts: [Double] = []
        var next: Double?
        for k in order {
            let cost = costs.costs[k]
            if cost > cutoff { next = cost; break }
            if levelCosts.last == cost { levelSites[levelSites.count - 1].append(costs.sites[k]) } else {
                levelCosts.append(cost)
                levelSites.append([costs.sites[k]])
            }
        }
        // Truncated below fullCutoff: the last z stands for "beyond the last level" and is
        // charged only up to the next level (a relaxation, checked after the solve).
        let tail = cutoff < fullCutoff ? next : nil
        built.tailNext.append(weight == 0 ? nil : tail)
        built.model.objectiveConstant += weight * levelCosts[0]
        let levels = levelCosts.count
        let zCount = tail == nil ? levels - 1 : levels
        if weight == 0 || zCount == 0 {
            built.zStart.append(built.model.variableCount)
            built.levels.append([])
            if !guaranteed {
                let all = order.map { costs.sites[$0] }
                built.model.addRow(columns: all, coefficients: Array(repeating: 1, count: all.count), lower: 1)
            }
            return
        }
        // z_k for k = 0 ..< zCount: no open site within levelCosts[k].
        let z = built.model.addVariables(zCount, kind: .continuous)
        for k in 0 ..< zCount {
            let upper = k + 1 < levels ? levelCosts[k + 1] : tail!
            built.model.setObjectiveCoefficient(z.lowerBound + k, weight * (upper - levelCosts[k]))
        }
        built.zStart.append(z.lowerBound)
        built.levels.append(Array(levelCosts[0 ..< zCount]))
        for k in 0 ..< levels {
            if k == levels - 1 && tail == nil && guaranteed { break }
            var columns = levelSites[k]
            var coefficients = [Double](repeating: 1, count: columns.count)
            if k < zCount { columns.append(z.lowerBound + k); coefficients.append(1) }
            if k > 0 { columns.append(z.lowerBound + k - 1); coefficients.append(-1) }
            built.model.addRow(columns: columns, coefficients: coefficients, lower: k == 0 ? 1 : 0)
        }
    }
}
