import Estate
import Optimisation

/// The v2 MILP (FORMAT.md, "Services, Family Hubs and outreach"): `y_j` site kept, `x_jk` site
/// `j` offers service `k` (`x_jk <= y_j`), `h_j` Family Hub (`h_j <= x_jk` for every core `k`),
/// `z <= sum_{j in C_ik} x_jk` covered share, `o_ik` outreach share (`z + o_ik <= 1`). With
/// capacity or `min_travel`, `a_ijk` assigns service `k`'s demand of area `i` to site `j`
/// (`a_ijk <= x_jk`); under capacity, the covered share is the demand assigned within the
/// coverage time, and `sum_{i,k} d_ik a_ijk <= cap_j y_j` shares a building between the
/// services it offers.
///
/// Exact reductions (`reduce`; none changes an optimum, `ServiceReductionTests` solves both ways):
/// - a service that costs nothing to run (`cost_per_site` 0) is offered wherever its site is
///   kept: `x_jk` is `y_j` itself (offering it only relaxes coverage, hub and assignment rows and
///   adds no cost), so it needs no column and no row;
/// - a Family Hub whose core offers are all one column (every core service free) is that column;
/// - one covered share `z` per distinct set of offer columns within the coverage time, shared by
///   every area and service with that set (in an optimum each such `z_ik` is
///   `min(1, sum x)`, the same for all of them); the coverage rows and the objective sum the
///   weights of the areas it stands for;
/// - no covered share and no outreach for a service that neither the objective nor a
///   coverage minimum asks about, and no outreach where it is worth nothing (it then only costs);
/// - outreach shared likewise by the areas of one covered share whose outreach costs the same
///   per unit of weight (and, where the service's minimums split by district or deprivation,
///   that are in the same one): cost and covered weight are both linear in the weight reached;
/// - `max_minutes` rows with the same offers are written once;
/// - `min_travel` without capacity: the radius formulation (as `PlanningModel`'s) over each
///   area's offers within reach, one column per distinct further distance instead of one
///   assignment per pair, shared by the areas and services with the same offers at the same
///   minutes (`u_r >= 1 - sum_{t_j <= D_r} x_j`; the serve rows written once per set of offers).
/// `report` gives the size as written (`variablesAsWritten`) and after the reductions.
///
/// Site statuses are rows (`y_j = 1` or `0`) tagged `.siteStatus`, so the infeasibility
/// explanation can drop them like any other constraint group.
struct ServiceModel {
    let instance: PlanningInstance
    let services: ServiceInstance
    let specification: PlanSpecification
    let rules: ServiceRules
    private(set) var formulation: Formulation
    /// `y_j`.
    private(set) var siteColumn: [Int] = []
    /// `x_jk` as `[k][j]`; nil where `j` cannot host `k`; `y_j`'s column for a free service
    /// (with `reduce`).
    private(set) var offerColumn: [[Int?]] = []
    /// `h_j`; nil where `j` cannot host every core service, and the offers' column where every
    /// core service is free there (with `reduce`).
    private(set) var hubColumn: [Int?] = []
    /// `o_ik` as `[k][i]`; nil where outreach cannot deliver `k`.
    private(set) var outreachColumn: [[Int?]] = []
    /// `a_ijk` as `[k][i]` -> (site, column, minutes); empty without capacity or min_travel.
    private(set) var assignment: [[[(site: Int, column: Int, minutes: Double)]]] = []
    /// Reasons in the data that make the model infeasible whatever the solve.
    private(set) var dataConflicts: [ConstraintGroup: [String]] = [:]
    private(set) var report = ReductionReport()
    /// Columns and weights of each service's covered weight `sum_i w_ik (z_ik + value o_ik)`
    /// (a shared `z` appears once per area it stands for).
    private(set) var coverageTerms: [[(column: Int, weight: Double, area: Int)]] = []
    /// The total cost (buildings, services, outreach) as `sum cost x[column]`, one term per column:
    /// what `budget` bounds and `min_cost` minimises.
    private(set) var costTerms: [(column: Int, cost: Double)] = []
    /// Whether the exact reductions were applied.
    let reduce: Bool
    /// What the model as written would have had beyond this one (columns, rows).
    private var removedVariables = 0, removedRows = 0

    init(instance: PlanningInstance, services: ServiceInstance, specification spec: PlanSpecification,
         rules: ServiceRules, areaIDs: [String], reduce: Bool = true) {
        self.reduce = reduce
        self.instance = instance
        self.services = services
        self.specification = spec
        self.rules = rules
        let n = instance.areaCount, m = instance.siteCount, s = services.serviceCount
        let c = spec.constraints
        formulation = Formulation(sense: spec.objective == .maxCoverage ? .maximise : .minimise)
        report.areas = n
        report.sites = m
        report.pairs = instance.pairSite.count
        report.sitesFixedOpen = instance.siteStatus.filter { $0 == .keep }.count
        report.sitesFixedClosed = instance.siteStatus.filter { $0 == .close }.count
        report.offersTiedToSites = 0

        // Cost terms (GBP/year) for the budget and min_cost.
        var costColumns: [Int] = [], costCoefficients: [Double] = []
        for j in 0 ..< m {
            let y = formulation.addVariable(.binary, lower: 0, upper: 1)
            siteColumn.append(y)
            costColumns.append(y); costCoefficients.append(instance.siteCost[j])
            switch instance.siteStatus[j] {
            case .keep: formulation.addRow([y], [1], lower: 1, group: .siteStatus)
            case .close: formulation.addRow([y], [1], upper: 0, group: .siteStatus)
            case .candidate: break
            }
        }
        for k in 0 ..< s {
            var row: [Int?] = []
            for j in 0 ..< m {
                guard services.siteHosts[k][j] else { row.append(nil); continue }
                if reduce && rules.services[k].costPerSite == 0 {
                    row.append(siteColumn[j])
                    removedVariables += 1; removedRows += 1
                    report.offersTiedToSites! += 1
                    continue
                }
                let x = formulation.addVariable(.binary, lower: 0, upper: 1)
                formulation.addRow([x, siteColumn[j]], [1, -1], upper: 0, group: nil)
                if rules.services[k].costPerSite != 0 {
                    costColumns.append(x); costCoefficients.append(rules.services[k].costPerSite)
                }
                row.append(x)
            }
            offerColumn.append(row)
        }
        buildFamilyHubs()

        let useAssignment = c.capacity != nil || spec.objective == .minTravel
        var travelTerms: [(column: Int, coefficient: Double)] = []
        var load: [[(column: Int, demand: Double)]] = Array(repeating: [], count: m)
        coverageTerms = Array(repeating: [], count: s)
        outreachColumn = Array(repeating: Array(repeating: nil, count: n), count: s)
        assignment = Array(repeating: Array(repeating: [], count: n), count: s)
        var coverageGroup: [[Int]: Int] = [:]
        struct OutreachKey: Hashable { var service, covered: Int; var costPerWeight: UInt64; var district: Int; var deprived: Bool }
        var outreachGroup: [OutreachKey: Int] = [:]
        let deprived = Set(spec.deprivedAreas)
        var coverageColumns = 0
        var maxMinutesRows = Set<[Int]>()
        // min_travel without capacity: the radius formulation (as `PlanningModel`'s, over offers).
        let useRadius = reduce && spec.objective == .minTravel && c.capacity == nil
        struct ServeKey: Hashable { var group: ConstraintGroup; var columns: [Int] }
        struct TravelKey: Hashable { var columns: [Int]; var minutes: [Double] }
        var serveRows = Set<ServeKey>()
        var travelGroup: [TravelKey: Int] = [:]
        var travelKeys: [TravelKey] = [], travelWeight: [Double] = []
        for k in 0 ..< s {
            let rule = rules.services[k]
            let weights = services.areaWeight[k]
            // Without a coverage minimum or weight in the objective, a service's coverage (and
            // its outreach, which then only costs) cannot change the optimum. The weighted
            // minimum over all services (`constraints.minCoverage`) reads every weighted service.
            let coverageMatters = !reduce || rule.minCoverage != nil || rule.minDistrictCoverage != nil
                || rule.minDeprivedCoverage != nil
                || ((spec.objective == .maxCoverage || c.minCoverage != nil) && rule.weight != 0)
            let mustServe = spec.objective == .minTravel || rule.maxMinutes != nil
            let serveGroup: ConstraintGroup = rule.maxMinutes == nil ? .serveEveryArea : .maxMinutes
            let reach = rule.maxMinutes ?? (spec.objective == .minTravel ? .infinity : rule.coverageMinutes)
            for i in 0 ..< n {
                // Covered share: z_ik (no capacity), or the demand assigned within the coverage time.
                var covered: [Int] = []
                if c.capacity == nil {
                    let within = instance.pairs(of: i).compactMap { p -> Int? in
                        instance.pairMinutes[p] <= rule.coverageMinutes ? offerColumn[k][instance.pairSite[p]] : nil
                    }
                    if !within.isEmpty {
                        if reduce {
                            removedVariables += 1; removedRows += 1
                            if coverageMatters {
                                let key = Array(Set(within)).sorted()
                                if let z = coverageGroup[key] { covered = [z] } else {
                                    let z = formulation.addVariable(.continuous, lower: 0, upper: 1)
                                    formulation.addCoverageLink(share: z, sites: key)
                                    coverageGroup[key] = z
                                    coverageColumns += 1
                                    covered = [z]
                                    removedVariables -= 1; removedRows -= 1
                                }
                            }
                        } else {
                            let z = formulation.addVariable(.continuous, lower: 0, upper: 1)
                            formulation.addCoverageLink(share: z, sites: within)
                            covered = [z]
                            coverageColumns += 1
                        }
                    }
                }
                if useRadius {
                    // Offers within reach, nearest first (pairs are sorted by minutes).
                    var offers: [(column: Int, minutes: Double)] = []
                    for p in instance.pairs(of: i) where instance.pairMinutes[p] <= reach {
                        if let x = offerColumn[k][instance.pairSite[p]] { offers.append((x, instance.pairMinutes[p])) }
                    }
                    let reachable = instance.pairs(of: i).contains { offerColumn[k][instance.pairSite[$0]] != nil }
                    let serve = mustServe && (reachable || rule.maxMinutes != nil)
                    removedVariables += offers.count
                    removedRows += offers.count + (offers.isEmpty ? 0 : 1) + (serve ? 1 : 0)
                    if serve {
                        if offers.isEmpty {
                            dataConflicts[serveGroup, default: []].append(
                                "area \(areaIDs[i]) has no site that can host \(services.codes[k])"
                                + (rule.maxMinutes.map { " within \(format($0)) minutes" } ?? ""))
                        }
                        let columns = offers.map(\.column).sorted()
                        if offers.isEmpty || serveRows.insert(ServeKey(group: serveGroup, columns: columns)).inserted {
                            formulation.addRow(columns, columns.map { _ in 1 }, lower: 1, group: serveGroup)
                            removedRows -= 1
                        }
                    }
                    if !offers.isEmpty && weights[i] != 0 {
                        let key = TravelKey(columns: offers.map(\.column), minutes: offers.map(\.minutes))
                        if let g = travelGroup[key] { travelWeight[g] += weights[i] } else {
                            travelGroup[key] = travelKeys.count
                            travelKeys.append(key)
                            travelWeight.append(weights[i])
                        }
                    }
                } else if useAssignment {
                    var columns: [Int] = []
                    for p in instance.pairs(of: i) where instance.pairMinutes[p] <= reach {
                        let j = instance.pairSite[p], t = instance.pairMinutes[p]
                        guard let x = offerColumn[k][j] else { continue }
                        // capacity: single sends each area's demand for a service whole to one site.
                        let a = formulation.addVariable(c.capacity == .single ? .binary : .continuous, lower: 0, upper: 1)
                        formulation.addRow([a, x], [1, -1], upper: 0, group: nil)
                        columns.append(a)
                        assignment[k][i].append((j, a, t))
                        if spec.objective == .minTravel { travelTerms.append((a, weights[i] * t)) }
                        if c.capacity != nil {
                            load[j].append((a, services.areaDemand[k][i]))
                            if t <= rule.coverageMinutes { covered.append(a) }
                        }
                    }
                    let ones = Array(repeating: 1.0, count: columns.count)
                    if !columns.isEmpty { formulation.addRow(columns, ones, upper: 1, group: nil) }
                    let reachable = instance.pairs(of: i).contains { offerColumn[k][instance.pairSite[$0]] != nil }
                    if mustServe && (reachable || rule.maxMinutes != nil) {
                        if columns.isEmpty {
                            dataConflicts[serveGroup, default: []].append(
                                "area \(areaIDs[i]) has no site that can host \(services.codes[k])"
                                + (rule.maxMinutes.map { " within \(format($0)) minutes" } ?? ""))
                        }
                        formulation.addRow(columns, ones, lower: 1, group: serveGroup)
                    }
                }
                for column in covered { coverageTerms[k].append((column, weights[i], i)) }
                // Outreach that cannot add covered weight only costs: 0 in every optimum.
                if rule.outreach && (!coverageMatters || reduce && weights[i] * rules.outreachValue == 0) {
                    removedVariables += 1
                    if !covered.isEmpty || c.capacity == nil && instance.pairs(of: i).contains(where: {
                        instance.pairMinutes[$0] <= rule.coverageMinutes && offerColumn[k][instance.pairSite[$0]] != nil
                    }) { removedRows += 1 }
                } else if rule.outreach {
                    // Areas sharing a covered share, with the same cost per unit of weight (and
                    // the same district and deprivation where the service's minimums split by
                    // them), share one outreach share: cost and covered weight are both linear
                    // in their summed weight reached.
                    let key = OutreachKey(
                        service: k, covered: covered.first ?? -1,
                        costPerWeight: (services.areaPopulation[k][i] / weights[i]).bitPattern,
                        district: rule.minDistrictCoverage == nil ? -1 : instance.areaDistrict[i],
                        deprived: rule.minDeprivedCoverage != nil && deprived.contains(i))
                    let o: Int
                    if reduce && c.capacity == nil, let shared = outreachGroup[key] {
                        o = shared
                        removedVariables += 1
                        if !covered.isEmpty { removedRows += 1 }
                    } else {
                        o = formulation.addVariable(.continuous, lower: 0, upper: 1)
                        if reduce && c.capacity == nil { outreachGroup[key] = o }
                        if !covered.isEmpty {
                            formulation.addRow(covered + [o], Array(repeating: 1, count: covered.count + 1), upper: 1, group: nil)
                        }
                    }
                    outreachColumn[k][i] = o
                    coverageTerms[k].append((o, weights[i] * rules.outreachValue, i))
                    let cost = rules.outreachCostPerPerson * services.areaPopulation[k][i]
                    if cost != 0 { costColumns.append(o); costCoefficients.append(cost) }
                }
                // max_minutes without an assignment: a kept site offering k within the limit.
                if let limit = rule.maxMinutes, !useAssignment {
                    let within = instance.pairs(of: i).compactMap { p -> Int? in
                        instance.pairMinutes[p] <= limit ? offerColumn[k][instance.pairSite[p]] : nil
                    }
                    if within.isEmpty {
                        dataConflicts[.maxMinutes, default: []].append(
                            "area \(areaIDs[i]) has no site that can host \(services.codes[k]) within \(format(limit)) minutes")
                    }
                    let key = reduce ? Array(Set(within)).sorted() : within
                    if reduce && !within.isEmpty && !maxMinutesRows.insert(key).inserted {
                        removedRows += 1
                    } else {
                        formulation.addRow(key, key.map { _ in 1 }, lower: 1, group: .maxMinutes)
                    }
                }
            }
        }
        if c.capacity != nil {
            for j in 0 ..< m where !load[j].isEmpty {
                guard let capacity = instance.siteCapacity[j] else { continue }
                formulation.addRow(load[j].map(\.column) + [siteColumn[j]], load[j].map(\.demand) + [-capacity],
                                   upper: 0, group: .capacity)
            }
        }

        if useRadius {
            // Each group costs its nearest offer's minutes, plus each further step `D_r+1 - D_r`
            // while no offer within `D_r` is open: `u_r + sum_{t_j <= D_r} x_j >= 1`.
            var constant = 0.0
            for (g, key) in travelKeys.enumerated() {
                let w = travelWeight[g]
                var distinct: [Double] = []
                for t in key.minutes where distinct.last != t { distinct.append(t) }
                constant += w * distinct[0]
                for r in 0 ..< distinct.count - 1 {
                    let u = formulation.addVariable(.continuous, lower: 0, upper: 1, objective: w * (distinct[r + 1] - distinct[r]))
                    let within = zip(key.columns, key.minutes).filter { $0.1 <= distinct[r] }.map(\.0)
                    formulation.addRow([u] + within, Array(repeating: 1, count: within.count + 1), lower: 1, group: nil)
                    removedVariables -= 1; removedRows -= 1
                }
            }
            formulation.setObjectiveConstant(constant)
        }

        // Objective.
        switch spec.objective {
        case .maxCoverage:
            var objective: [Int: Double] = [:]
            for k in 0 ..< s where rules.services[k].weight != 0 {
                for term in coverageTerms[k] { objective[term.column, default: 0] += rules.services[k].weight * term.weight }
            }
            for (column, value) in objective { formulation.setObjective(column, value) }
        case .minCost:
            var objective: [Int: Double] = [:]
            for (column, value) in zip(costColumns, costCoefficients) { objective[column, default: 0] += value }
            for (column, value) in objective { formulation.setObjective(column, value) }
        case .minCarbon:
            for j in 0 ..< m { formulation.setObjective(siteColumn[j], instance.siteCarbon[j]) }
        case .minSites:
            for j in 0 ..< m { formulation.setObjective(siteColumn[j], 1) }
        case .minTravel:
            for term in travelTerms { formulation.setObjective(term.column, term.coefficient) }
        }

        buildCoverageConstraints()
        // A shared outreach share carries the cost of every area it stands for, summed once.
        var costOf: [Int: Double] = [:]
        for (column, value) in zip(costColumns, costCoefficients) { costOf[column, default: 0] += value }
        costTerms = costOf.keys.sorted().map { ($0, costOf[$0]!) }
        if let budget = c.budget { formulation.addRow(costTerms.map(\.column), costTerms.map(\.cost), upper: budget, group: .budget) }
        if let cap = c.carbon { formulation.addRow(siteColumn, instance.siteCarbon, upper: cap, group: .carbon) }
        if c.maxSites != nil || c.minSites != nil {
            formulation.addRow(siteColumn, Array(repeating: 1, count: m), lower: c.minSites.map(Double.init) ?? -.infinity,
                               upper: c.maxSites.map(Double.init) ?? .infinity, group: .sites)
        }
        if let k = c.minPerDistrict {
            for d in 0 ..< instance.districtCount {
                let inDistrict = (0 ..< m).filter { instance.siteDistrict[$0] == d }.map { siteColumn[$0] }
                guard !inDistrict.isEmpty else { continue }
                formulation.addRow(inDistrict, inDistrict.map { _ in 1 }, lower: Double(k), group: .minPerDistrict, member: d)
            }
        }
        report.variables = formulation.variableCount
        report.constraints = formulation.rowCount
        report.areaGroups = coverageColumns
        report.variablesAsWritten = formulation.variableCount + removedVariables
        report.constraintsAsWritten = formulation.rowCount + removedRows
    }

    /// `h_j <= x_jk` for every core `k`; at least `per_district` hubs in each district that has
    /// a site able to host every core service.
    private mutating func buildFamilyHubs() {
        hubColumn = Array(repeating: nil, count: instance.siteCount)
        guard let core = rules.familyHubCore else { return }
        var hubsByDistrict: [Int: [Int]] = [:]
        for j in 0 ..< instance.siteCount {
            let offers = core.map { offerColumn[$0][j] }
            guard offers.allSatisfy({ $0 != nil }) else { continue }
            let distinct = Set(offers.compactMap { $0 })
            if reduce, distinct.count == 1, let x = distinct.first {
                // Every core service free here: the hub is the site itself.
                removedVariables += 1; removedRows += offers.count
                hubsByDistrict[instance.siteDistrict[j], default: []].append(x)
                hubColumn[j] = x
                continue
            }
            let h = formulation.addVariable(.binary, lower: 0, upper: 1)
            hubColumn[j] = h
            let bounds = reduce ? distinct.sorted() : offers.compactMap { $0 }
            removedRows += offers.count - bounds.count
            for x in bounds { formulation.addRow([h, x], [1, -1], upper: 0, group: nil) }
            if core.isEmpty { formulation.addRow([h, siteColumn[j]], [1, -1], upper: 0, group: nil) }
            hubsByDistrict[instance.siteDistrict[j], default: []].append(h)
        }
        for d in hubsByDistrict.keys.sorted() {
            let hubs = hubsByDistrict[d]!
            formulation.addRow(hubs, hubs.map { _ in 1 }, lower: Double(rules.familyHubsPerDistrict), group: .familyHubs, member: d)
        }
    }

    /// Each service's county, district and most-deprived coverage minimums, as shares of its
    /// need-weighted population; and the specification's `minCoverage`, a share of the services'
    /// covered weight summed as `max_coverage` weighs them (the bound a frontier sweeps).
    private mutating func buildCoverageConstraints() {
        let deprived = Set(specification.deprivedAreas)
        if let share = specification.constraints.minCoverage {
            var coefficient: [Int: Double] = [:], total = 0.0
            for (k, rule) in rules.services.enumerated() where rule.weight != 0 {
                total += rule.weight * services.areaWeight[k].reduce(0, +)
                for term in coverageTerms[k] { coefficient[term.column, default: 0] += rule.weight * term.weight }
            }
            let columns = coefficient.keys.sorted()
            if total > 0 {
                formulation.addRow(columns, columns.map { coefficient[$0]! }, lower: share * total, group: .minCoverage,
                                   member: Self.floorMember(service: nil, district: nil, districts: instance.districtCount))
            }
        }
        for (k, rule) in rules.services.enumerated() {
            let weights = services.areaWeight[k]
            func addShare(_ share: Double, areas: (Int) -> Bool, group: ConstraintGroup, district: Int? = nil) {
                let total = (0 ..< instance.areaCount).filter(areas).reduce(0) { $0 + weights[$1] }
                guard total > 0 else { return }
                // A shared covered share appears once, with the weights of its areas summed.
                var weightOf: [Int: Double] = [:]
                for term in coverageTerms[k] where areas(term.area) { weightOf[term.column, default: 0] += term.weight }
                let columns = weightOf.keys.sorted()
                formulation.addRow(columns, columns.map { weightOf[$0]! }, lower: share * total, group: group,
                                   member: Self.floorMember(service: k, district: district, districts: instance.districtCount))
            }
            if let share = rule.minCoverage { addShare(share, areas: { _ in true }, group: .minCoverage) }
            if let share = rule.minDistrictCoverage {
                for d in 0 ..< instance.districtCount {
                    addShare(share, areas: { instance.areaDistrict[$0] == d }, group: .minDistrictCoverage, district: d)
                }
            }
            if let share = rule.minDeprivedCoverage {
                addShare(share, areas: { deprived.contains($0) }, group: .minDeprivedCoverage)
            }
        }
    }

    /// The key of one coverage floor within its group (`Formulation.Row.member`): the services'
    /// weighted floor, a service's own floor, or a service's floor in one district.
    static func floorMember(service: Int?, district: Int?, districts: Int) -> Int {
        guard let service else { return -1 }
        return service * (districts + 1) + (district.map { $0 + 1 } ?? 0)
    }
}
