import Estate
import Optimisation

/// The exact MILP for one planning question, after reductions, with the maps needed to read a
/// solution back onto the instance's areas and sites.
///
/// Formulations (one binary `y_j` per site that is still free after reductions):
/// - coverage without capacity: `z_g <= sum_{j in C_g} y_j`, `0 <= z_g <= 1`, for each group `g`
///   of areas with the same set `C_g` of free sites within the coverage time;
/// - `min_travel` without capacity: the radius formulation (Elloumi 2010; Garcia, Labbe & Marin 2011):
///   with the distinct minutes `D_1 < ... < D_K` of a group, cost `D_1 + sum_k (D_{k+1} - D_k) u_k`,
///   `u_k >= 1 - sum_{j: t_j <= D_k} y_j`; it needs one column per distinct distance instead of one
///   per pair and its LP relaxation is as strong as the assignment one;
/// - with capacity: fractional assignment `x_gk` of a group's demand to its pairs, `x_gk <= y_j`,
///   `sum_k x_gk <= 1` (`= 1` when every area must be served), `sum d_g x_gk <= cap_j y_j`;
/// - with single sourcing: the same per area with binary `x_ij` (`SingleSourcedAssignment`).
struct PlanningModel {
    let instance: PlanningInstance
    let specification: PlanSpecification
    private(set) var formulation: Formulation
    /// Column of each site's keep decision; nil when the site is fixed.
    private(set) var siteColumn: [Int?]
    /// Sites open whatever the solve (status keep).
    private(set) var siteFixedOpen: [Bool]
    /// Sites closed whatever the solve (status close, or dominated).
    private(set) var siteFixedClosed: [Bool]
    /// Sites closed by dominance (a subset of `siteFixedClosed`).
    private(set) var siteDominated: [Bool]
    /// With capacity: for each area, the (site, column, minutes) of its assignment columns.
    private(set) var assignment: [[(site: Int, column: Int, minutes: Double)]]
    /// Reasons found while building that make the model infeasible whatever the solve,
    /// keyed by the constraint group they belong to (e.g. an area with no site within max_minutes).
    private(set) var dataConflicts: [ConstraintGroup: [String]]
    private(set) var report: ReductionReport
    /// With single sourcing: what its reductions removed.
    private(set) var singleSourced: SingleSourcedAssignment?

    /// Builds the model; `areaIDs` name areas in conflict messages. `fixings` (single sourcing
    /// only) closes sites and drops pairs that reduced-cost fixing proved absent from every plan
    /// at least as good as a known one.
    init(instance: PlanningInstance, specification spec: PlanSpecification, areaIDs: [String],
         fixings: ReducedCostFixings = ReducedCostFixings()) {
        self.instance = instance
        self.specification = spec
        let n = instance.areaCount, m = instance.siteCount
        let c = spec.constraints
        formulation = Formulation(sense: spec.objective == .maxCoverage ? .maximise : .minimise)
        siteColumn = Array(repeating: nil, count: m)
        siteFixedOpen = instance.siteStatus.map { $0 == .keep }
        siteFixedClosed = instance.siteStatus.map { $0 == .close }
        siteDominated = Array(repeating: false, count: m)
        assignment = Array(repeating: [], count: n)
        dataConflicts = [:]
        report = ReductionReport()
        report.areas = n
        report.sites = m
        report.pairs = instance.pairSite.count
        report.sitesFixedOpen = siteFixedOpen.filter { $0 }.count
        report.sitesFixedClosed = siteFixedClosed.filter { $0 }.count
        report.areasUnreachable = instance.areasLeftOutOfTravel(spec).count
        for j in fixings.closedSites { siteFixedClosed[j] = true }

        if Self.dominanceIsExact(spec) {
            siteDominated = Self.dominatedSites(instance: instance, specification: spec, fixedClosed: siteFixedClosed)
            for j in 0 ..< m where siteDominated[j] { siteFixedClosed[j] = true }
            report.sitesDominated = siteDominated.filter { $0 }.count
        }

        // Site decisions.
        let siteObjective: [Double] = switch spec.objective {
        case .minCost: instance.siteCost
        case .minCarbon: instance.siteCarbon
        case .minSites: Array(repeating: 1, count: m)
        case .maxCoverage, .minTravel: Array(repeating: 0, count: m)
        }
        var constant = 0.0
        for j in 0 ..< m {
            if siteFixedOpen[j] { constant += siteObjective[j] } else if !siteFixedClosed[j] {
                siteColumn[j] = formulation.addVariable(.binary, lower: 0, upper: 1, objective: siteObjective[j])
            }
        }

        var coverage = LinearTerms()
        switch c.capacity {
        case .split?:
            constant += buildCapacitated(coverage: &coverage, areaIDs: areaIDs)
        case .single?:
            let built = SingleSourcedAssignment(
                instance: instance, specification: spec, siteColumn: siteColumn, siteFixedClosed: siteFixedClosed,
                deprived: deprivedFlags, excludedPairs: fixings.excludedPairs, areaIDs: areaIDs,
                formulation: &formulation, coverage: &coverage)
            assignment = built.assignment
            dataConflicts.merge(built.dataConflicts) { $0 + $1 }
            report.areaGroups = built.assignment.filter { !$0.isEmpty }.count
            singleSourced = built
        case nil:
            if Self.needsCoverage(spec) { constant += buildCoverage(coverage: &coverage) }
            if spec.objective == .minTravel { constant += buildRadiusTravel(areaIDs: areaIDs) }
            if let limit = c.maxMinutes, spec.objective != .minTravel { buildMaxMinutes(limit: limit, areaIDs: areaIDs) }
        }
        if spec.objective == .maxCoverage {
            for (column, weight) in zip(coverage.columns, coverage.coefficients) {
                formulation.setObjective(column, weight)
            }
            constant += coverage.constant
        }
        formulation.setObjectiveConstant(constant)
        buildCoverageConstraints(coverage)
        buildSiteConstraints()
        report.variables = formulation.variableCount
        report.constraints = formulation.rowCount
    }

    /// Whether closing dominated sites keeps the model exact: no lower bound on the number of sites
    /// (closing a redundant site could break it), no capacity (a dominated site still adds capacity)
    /// and no travel objective (minutes, not just reach, matter there).
    static func dominanceIsExact(_ spec: PlanSpecification) -> Bool {
        spec.constraints.minSites == nil && spec.constraints.minPerDistrict == nil && spec.constraints.capacity == nil
            && spec.objective != .minTravel
    }

    static func needsCoverage(_ spec: PlanSpecification) -> Bool {
        spec.objective == .maxCoverage || spec.constraints.minCoverage != nil
            || spec.constraints.minDistrictCoverage != nil || spec.constraints.minDeprivedCoverage != nil
    }

    // MARK: - Coverage without capacity

    /// The need-weighted coverage as `constant + sum coefficients * x[columns]`, with per-area detail
    /// kept by district and deprivation so the equity rows can be built from it.
    struct LinearTerms {
        var columns: [Int] = []
        var coefficients: [Double] = []
        var districts: [Int] = []
        var deprived: [Bool] = []
        var constant = 0.0
        var constantByDistrict: [Int: Double] = [:]
        var constantDeprived = 0.0
    }

    private var deprivedFlags: [Bool] {
        var flags = Array(repeating: false, count: instance.areaCount)
        for i in specification.deprivedAreas where flags.indices.contains(i) { flags[i] = true }
        return flags
    }

    /// Groups areas by the free sites that cover them, adds one `z` per group; returns nothing to
    /// the objective constant (coverage constants live in `coverage`).
    private mutating func buildCoverage(coverage: inout LinearTerms) -> Double {
        let limit = specification.coverageMinutes
        let splitByDistrict = specification.constraints.minDistrictCoverage != nil
        let deprived = deprivedFlags
        struct Key: Hashable { var sites: [Int]; var district: Int; var deprived: Bool }
        var groupOf: [Key: Int] = [:]
        var groupKeys: [Key] = []
        var groupWeight: [Double] = []
        let neverCovered = instance.unreachableAreas(coverageMinutes: limit).entries.map(\.area)
        var isNeverCovered = [Bool](repeating: false, count: instance.areaCount)
        for i in neverCovered { isNeverCovered[i] = true }
        var settled = 0
        for i in 0 ..< instance.areaCount where !isNeverCovered[i] {
            var free: [Int] = []
            var settledHere = false
            for p in instance.pairs(of: i) where instance.pairMinutes[p] <= limit {
                let j = instance.pairSite[p]
                if siteFixedOpen[j] { settledHere = true; break }
                if siteColumn[j] != nil { free.append(j) }
            }
            let w = instance.areaWeight[i]
            let d = instance.areaDistrict[i]
            if settledHere {
                settled += 1
                coverage.constant += w
                coverage.constantByDistrict[d, default: 0] += w
                if deprived[i] { coverage.constantDeprived += w }
                continue
            }
            // The reductions (dominance, reduced-cost fixing) may leave an area no free site: it
            // adds no group (no link could be met), though some site does reach it.
            if free.isEmpty { continue }
            free.sort()
            let key = Key(sites: free, district: splitByDistrict ? d : -1, deprived: deprived[i])
            if let g = groupOf[key] { groupWeight[g] += w } else {
                groupOf[key] = groupKeys.count
                groupKeys.append(key)
                groupWeight.append(w)
            }
        }
        for (g, key) in groupKeys.enumerated() {
            let z = formulation.addVariable(.continuous, lower: 0, upper: 1)
            formulation.addCoverageLink(share: z, sites: key.sites.map { siteColumn[$0]! })
            coverage.columns.append(z)
            coverage.coefficients.append(groupWeight[g])
            coverage.districts.append(key.district)
            coverage.deprived.append(key.deprived)
        }
        report.areaGroups = max(report.areaGroups, groupKeys.count)
        report.areasSettledByKeptSites = max(report.areasSettledByKeptSites, settled)
        report.areasNeverCovered = neverCovered.count
        return 0
    }

    // MARK: - Travel without capacity

    /// Radius formulation of the travel sum; returns the constant part (each group's nearest distance).
    private mutating func buildRadiusTravel(areaIDs: [String]) -> Double {
        let limit = specification.constraints.maxMinutes ?? .infinity
        let serveGroup: ConstraintGroup = specification.constraints.maxMinutes == nil ? .serveEveryArea : .maxMinutes
        struct Key: Hashable { var sites: [Int]; var minutes: [Double]; var settled: Bool }
        var groupOf: [Key: Int] = [:]
        var keys: [Key] = []
        var weights: [Double] = []
        var settled = 0
        for i in 0 ..< instance.areaCount {
            var sites: [Int] = [], minutes: [Double] = []
            var endsAtKeptSite = false
            var reachable = false
            for p in instance.pairs(of: i) where instance.pairMinutes[p] <= limit {
                let j = instance.pairSite[p]
                reachable = true
                if siteFixedClosed[j] { continue }
                sites.append(j)
                minutes.append(instance.pairMinutes[p])
                if siteFixedOpen[j] { endsAtKeptSite = true; break }
            }
            if sites.isEmpty {
                if reachable {
                    dataConflicts[serveGroup, default: []].append("area \(areaIDs[i]) can reach only sites marked close")
                } else if specification.constraints.maxMinutes != nil {
                    dataConflicts[.maxMinutes, default: []].append(
                        "area \(areaIDs[i]) has no site within \(format(limit)) minutes")
                }
                // Else no site at all is within the horizon: out of the travel sum (`areasLeftOutOfTravel`).
                continue
            }
            if endsAtKeptSite { settled += 1 }
            let key = Key(sites: sites, minutes: minutes, settled: endsAtKeptSite)
            if let g = groupOf[key] { weights[g] += instance.areaWeight[i] } else {
                groupOf[key] = keys.count
                keys.append(key)
                weights.append(instance.areaWeight[i])
            }
        }
        var constant = 0.0
        for (g, key) in keys.enumerated() {
            let w = weights[g]
            var distinct: [Double] = []
            for t in key.minutes where distinct.last != t { distinct.append(t) }
            constant += w * distinct[0]
            // u_k for k = 0 ..< K-1: "no kept site within distinct[k]"
            var p = 0
            var within: [Int] = []
            for k in 0 ..< distinct.count - 1 {
                while p < key.sites.count, key.minutes[p] <= distinct[k] {
                    within.append(key.sites[p]); p += 1
                }
                let u = formulation.addVariable(.continuous, lower: 0, upper: 1, objective: w * (distinct[k + 1] - distinct[k]))
                let free = within.filter { siteColumn[$0] != nil }
                // u + sum y >= 1 (a kept site among `within` is fixed open only at the end of the list)
                formulation.addRow([u] + free.map { siteColumn[$0]! }, Array(repeating: 1, count: free.count + 1),
                                   lower: 1, group: nil)
            }
            if !key.settled {
                let free = key.sites.compactMap { siteColumn[$0] }
                formulation.addRow(free, Array(repeating: 1, count: free.count), lower: 1, group: serveGroup)
            }
        }
        report.areaGroups = max(report.areaGroups, keys.count)
        report.areasSettledByKeptSites = max(report.areasSettledByKeptSites, settled)
        return constant
    }

    /// Every area needs a kept site within `limit` minutes: one covering row per distinct site set.
    private mutating func buildMaxMinutes(limit: Double, areaIDs: [String]) {
        var seen = Set<[Int]>()
        for i in 0 ..< instance.areaCount {
            var free: [Int] = []
            var settled = false
            for p in instance.pairs(of: i) where instance.pairMinutes[p] <= limit {
                let j = instance.pairSite[p]
                if siteFixedOpen[j] { settled = true; break }
                if let column = siteColumn[j] { free.append(column) }
            }
            if settled { continue }
            if free.isEmpty {
                let reachable = instance.pairs(of: i).contains { instance.pairMinutes[$0] <= limit }
                dataConflicts[.maxMinutes, default: []].append(reachable
                    ? "area \(areaIDs[i]) can reach only sites marked close within \(format(limit)) minutes"
                    : "area \(areaIDs[i]) has no site within \(format(limit)) minutes")
                continue
            }
            free.sort()
            if seen.insert(free).inserted {
                formulation.addRow(free, Array(repeating: 1, count: free.count), lower: 1, group: .maxMinutes)
            }
        }
    }

    // MARK: - Capacity

    /// Fractional assignment of demand to kept sites within reach, respecting capacities.
    private mutating func buildCapacitated(coverage: inout LinearTerms, areaIDs: [String]) -> Double {
        let spec = specification
        let mustServe = spec.objective == .minTravel || spec.constraints.maxMinutes != nil
        let reach = spec.constraints.maxMinutes ?? (spec.objective == .minTravel ? .infinity : spec.coverageMinutes)
        let serveGroup: ConstraintGroup = spec.constraints.maxMinutes == nil ? .serveEveryArea : .maxMinutes
        let splitByDistrict = spec.constraints.minDistrictCoverage != nil
        let deprived = deprivedFlags
        struct Key: Hashable { var sites: [Int]; var minutes: [Double]; var district: Int; var deprived: Bool }
        var groupOf: [Key: Int] = [:]
        var keys: [Key] = []
        var weights: [Double] = [], demands: [Double] = []
        var members: [[Int]] = []
        for i in 0 ..< instance.areaCount {
            var sites: [Int] = [], minutes: [Double] = []
            var reachable = false
            for p in instance.pairs(of: i) where instance.pairMinutes[p] <= reach {
                reachable = true
                if siteFixedClosed[instance.pairSite[p]] { continue }
                sites.append(instance.pairSite[p])
                minutes.append(instance.pairMinutes[p])
            }
            if sites.isEmpty {
                if reachable && mustServe {
                    dataConflicts[serveGroup, default: []].append("area \(areaIDs[i]) can reach only sites marked close")
                } else if spec.constraints.maxMinutes != nil {
                    dataConflicts[.maxMinutes, default: []].append(
                        "area \(areaIDs[i]) has no site within \(format(reach)) minutes")
                }
                // Else out of reach: uncovered, or out of the travel sum (`areasLeftOutOfTravel`).
                continue
            }
            let key = Key(sites: sites, minutes: minutes, district: splitByDistrict ? instance.areaDistrict[i] : -1,
                          deprived: deprived[i])
            if let g = groupOf[key] {
                weights[g] += instance.areaWeight[i]
                demands[g] += instance.areaDemand[i]
                members[g].append(i)
            } else {
                groupOf[key] = keys.count
                keys.append(key)
                weights.append(instance.areaWeight[i])
                demands.append(instance.areaDemand[i])
                members.append([i])
            }
        }
        var load: [[(column: Int, demand: Double)]] = Array(repeating: [], count: instance.siteCount)
        for (g, key) in keys.enumerated() {
            var columns: [Int] = []
            for (k, j) in key.sites.enumerated() {
                let t = key.minutes[k]
                let travelCost = spec.objective == .minTravel ? weights[g] * t : 0
                let x = formulation.addVariable(.continuous, lower: 0, upper: 1, objective: travelCost)
                columns.append(x)
                if let y = siteColumn[j] { formulation.addRow([x, y], [1, -1], upper: 0, group: nil) }
                load[j].append((x, demands[g]))
                if t <= spec.coverageMinutes {
                    coverage.columns.append(x)
                    coverage.coefficients.append(weights[g])
                    coverage.districts.append(key.district)
                    coverage.deprived.append(key.deprived)
                }
                for i in members[g] { assignment[i].append((j, x, t)) }
            }
            // Structural "at most all of it", and, tagged separately so that dropping it while
            // explaining infeasibility never lets an area be served twice, "all of it".
            let ones = Array(repeating: 1.0, count: columns.count)
            formulation.addRow(columns, ones, upper: 1, group: nil)
            if mustServe { formulation.addRow(columns, ones, lower: 1, group: serveGroup) }
        }
        formulation.addCapacityRows(load: load, capacities: instance.siteCapacity, siteColumn: siteColumn)
        report.areaGroups = keys.count
        return 0
    }

    // MARK: - Shares and site counts

    private mutating func buildCoverageConstraints(_ coverage: LinearTerms) {
        let c = specification.constraints
        let totalWeight = instance.areaWeight.reduce(0, +)
        if let share = c.minCoverage {
            formulation.addRow(coverage.columns, coverage.coefficients,
                               lower: share * totalWeight - coverage.constant, group: .minCoverage)
        }
        if let share = c.minDistrictCoverage {
            var districtWeight = Array(repeating: 0.0, count: instance.districtCount)
            for i in 0 ..< instance.areaCount { districtWeight[instance.areaDistrict[i]] += instance.areaWeight[i] }
            for d in 0 ..< instance.districtCount where districtWeight[d] > 0 {
                let picked = coverage.districts.indices.filter { coverage.districts[$0] == d }
                formulation.addRow(picked.map { coverage.columns[$0] }, picked.map { coverage.coefficients[$0] },
                                   lower: share * districtWeight[d] - coverage.constantByDistrict[d, default: 0],
                                   group: .minDistrictCoverage, member: d)
            }
        }
        if let share = c.minDeprivedCoverage {
            let deprivedWeight = specification.deprivedAreas.reduce(0) { $0 + instance.areaWeight[$1] }
            let picked = coverage.deprived.indices.filter { coverage.deprived[$0] }
            formulation.addRow(picked.map { coverage.columns[$0] }, picked.map { coverage.coefficients[$0] },
                               lower: share * deprivedWeight - coverage.constantDeprived, group: .minDeprivedCoverage)
        }
    }

    private mutating func buildSiteConstraints() {
        let c = specification.constraints
        let m = instance.siteCount
        let free = (0 ..< m).filter { siteColumn[$0] != nil }
        let columns = free.map { siteColumn[$0]! }
        func fixedSum(_ values: [Double]) -> Double { (0 ..< m).reduce(0) { siteFixedOpen[$1] ? $0 + values[$1] : $0 } }
        if let budget = c.budget {
            formulation.addRow(columns, free.map { instance.siteCost[$0] },
                               upper: budget - fixedSum(instance.siteCost), group: .budget)
        }
        if let cap = c.carbon {
            formulation.addRow(columns, free.map { instance.siteCarbon[$0] },
                               upper: cap - fixedSum(instance.siteCarbon), group: .carbon)
        }
        if c.maxSites != nil || c.minSites != nil {
            let kept = Double(siteFixedOpen.filter { $0 }.count)
            formulation.addRow(columns, Array(repeating: 1, count: columns.count),
                               lower: c.minSites.map { Double($0) - kept } ?? -.infinity,
                               upper: c.maxSites.map { Double($0) - kept } ?? .infinity, group: .sites)
        }
        if let k = c.minPerDistrict {
            for d in 0 ..< instance.districtCount {
                let inDistrict = (0 ..< m).filter { instance.siteDistrict[$0] == d }
                guard !inDistrict.isEmpty else { continue }
                let kept = inDistrict.filter { siteFixedOpen[$0] }.count
                let open = inDistrict.compactMap { siteColumn[$0] }
                formulation.addRow(open, Array(repeating: 1, count: open.count), lower: Double(k - kept), group: .minPerDistrict, member: d)
            }
        }
    }

    // MARK: - Dominance

    /// Candidate sites that another open-able site dominates: it covers (within the coverage time and
    /// within max_minutes) every area the first covers, for no more cost and no more carbon. Ties are
    /// broken by a strict order (set inclusion, then cost, carbon, index) so that of identical sites one stays.
    static func dominatedSites(instance: PlanningInstance, specification spec: PlanSpecification, fixedClosed: [Bool]) -> [Bool] {
        let m = instance.siteCount
        let coverLimit = spec.coverageMinutes
        let reachLimit = spec.constraints.maxMinutes
        var covers = Array(repeating: [Int](), count: m)
        var reaches = Array(repeating: [Int](), count: m)
        for i in 0 ..< instance.areaCount {
            for p in instance.pairs(of: i) {
                let j = instance.pairSite[p], t = instance.pairMinutes[p]
                if t <= coverLimit { covers[j].append(i) }
                if let r = reachLimit, t <= r { reaches[j].append(i) }
            }
        }
        func isSubset(_ a: [Int], _ b: [Int]) -> Bool {
            guard a.count <= b.count else { return false }
            var q = 0
            for x in a {
                while q < b.count, b[q] < x { q += 1 }
                if q == b.count || b[q] != x { return false }
                q += 1
            }
            return true
        }
        var dominated = Array(repeating: false, count: m)
        for j in 0 ..< m where instance.siteStatus[j] == .candidate && !fixedClosed[j] {
            for k in 0 ..< m where k != j && !fixedClosed[k] {
                guard instance.siteCost[k] <= instance.siteCost[j], instance.siteCarbon[k] <= instance.siteCarbon[j],
                      isSubset(covers[j], covers[k]), isSubset(reaches[j], reaches[k]) else { continue }
                let strictlyBetter = covers[j].count < covers[k].count || reaches[j].count < reaches[k].count
                    || instance.siteCost[k] < instance.siteCost[j] || instance.siteCarbon[k] < instance.siteCarbon[j]
                if strictlyBetter || k < j { dominated[j] = true; break }
            }
        }
        return dominated
    }
}

/// Minutes as people read them: no trailing ".0".
func format(_ minutes: Double) -> String {
    minutes == minutes.rounded() && abs(minutes) < 1e15 ? String(Int(minutes)) : String(minutes)
}
