import Estate
import Foundation
import LocationModels
import Optimisation
import Quantities

/// Plans a v2 specification (services, Family Hubs, outreach): builds `ServiceModel`, solves it
/// with GLPK, breaks ties by cost, reads the decisions back, evaluates them with
/// `ServiceEvaluation`, and explains infeasibility by constraint group, service and district.
/// `Planner.plan` hands every specification with `services` here.
enum ServicePlanner {
    static func plan(_ instance: PlanningInstance, _ spec: PlanSpecification, rules: ServiceRules,
                     areaIDs: [String], modelSeconds: inout Double) throws -> Plan {
        let clock = ContinuousClock.now
        try validate(instance, spec, rules)
        let services = instance.services!
        let model = ServiceModel(instance: instance, services: services, specification: spec, rules: rules, areaIDs: areaIDs)
        modelSeconds = Planner.seconds(since: clock)
        var options = SolveOptions(timeLimit: spec.timeLimit, relativeGap: spec.relativeGap, verbose: spec.solverLog)
        options.cutFamilies = spec.cutFamilies
        // Maximising coverage, the all-slack basis is not dual feasible, and the primal simplex
        // was measured faster (benchmarks/services, the Kent Family Hub Network: 0.87 s against
        // 1.10 s CPU for the whole run; 1.5 s against 2.0 s for an earlier 6-service Kent scenario).
        if spec.objective == .maxCoverage { options.simplex = .primal }

        func infeasible() throws -> Plan {
            var plan = Plan.empty(status: .infeasible, seconds: 0, reductions: model.report,
                                  message: "no plan satisfies every constraint")
            plan.conflicts = try explain(model, options: options, areaIDs: areaIDs)
            plan.seconds = Planner.seconds(since: clock)
            return plan
        }
        if !model.dataConflicts.isEmpty || model.formulation.hasViolatedEmptyRow() { return try infeasible() }
        let (primary, coverage) = try solve(model, options: options, start: clock)
        switch primary.status {
        case .optimal, .feasible:
            let solution = try breakTies(primary, model: model, options: options)
            var plan = decode(solution, model: model)
            plan.status = primary.status == .optimal ? .optimal : .feasible
            plan.message = primary.message
            plan.coverage = coverage
            plan.relaxationBasis = RelaxationBasis(primary.basis, formulation: model.formulation)
            plan.seconds = Planner.seconds(since: clock)
            return plan
        case .infeasible:
            return try infeasible()
        case .unbounded:
            return .empty(status: .unbounded, seconds: Planner.seconds(since: clock), reductions: model.report,
                          message: primary.message)
        case .limitWithoutSolution:
            var plan = Plan.empty(status: .timeLimit, seconds: Planner.seconds(since: clock), reductions: model.report,
                                  message: primary.message ?? "time limit reached before any feasible plan")
            plan.bound = primary.bound
            return plan
        case .error:
            return .empty(status: .error, seconds: Planner.seconds(since: clock), reductions: model.report,
                          message: primary.message)
        }
    }

    /// Share of the time limit kept for `ServiceDive` when there is no heuristic plan.
    static let diveShare = 0.1

    /// The heuristic plan first (`ServiceHeuristic`), then GLPK in the time left: from it as the
    /// first incumbent for `min_travel` (as `Planner` does, measured there), else by
    /// ``branchAndCut(_:options:heuristic:)`` with the heuristic plan as the fallback
    /// (`Planner.withFallback`). When the heuristic finds no plan, GLPK gets the time limit less
    /// `diveShare`, and if it stops there with no plan or a worse one than `ServiceDive` finds in the
    /// rest, the dive's plan stands, with GLPK's bound (or the relaxation's, or every column at its
    /// best bound), or for `max_coverage` ``coverageBound(_:backstop:)`` where that is tighter.
    /// Returns also how the coverage links were handed to GLPK, for `summary.json`.
    ///
    /// The heuristic's local search and the capacity-aware bound stop at counts of their own
    /// (`ServiceHeuristic.trialLimit`, `ServiceCapacityBound.iterations`), not at shares of
    /// the time limit, so that what they find does not depend on how busy the machine is; the
    /// run's limit (from `start`) stops them only as a backstop.
    static func solve(_ model: ServiceModel, options: SolveOptions, start: ContinuousClock.Instant)
        throws -> (solution: Solution, coverage: CoverageReport?) {
        let backstop = options.timeLimit.map { start + .seconds($0) }
        let coverageBound = coverageBound(model, backstop: backstop)
        let (solution, coverage) = try solve(model, options: options, start: start, backstop: backstop, coverageBound: coverageBound)
        return (tightened(solution, bound: coverageBound), coverage)
    }

    private static func solve(_ model: ServiceModel, options: SolveOptions, start: ContinuousClock.Instant,
                              backstop: ContinuousClock.Instant?, coverageBound: Double?)
        throws -> (solution: Solution, coverage: CoverageReport?) {
        let lp = model.formulation.linearModel()
        let warm = options.warmStarted(by: model.specification, formulation: model.formulation)
        if let heuristic = try ServiceHeuristic(model).solution(options: options, backstop: backstop) {
            // A plan covering all that every site open could (or, under capacity, all that the
            // capacity-aware bound allows) is optimal: no branch and cut.
            if let bound = coverageBound, let found = heuristic.objective,
               found >= bound - max(options.relativeGap * abs(bound), 1e-9 * max(1, abs(bound))) {
                let reason = bound < (everySiteBound(model) ?? bound) ? "reaches the capacity-aware coverage bound"
                    : "covers all that every site open could"
                var proven = Solution(status: .optimal, objective: found, bound: bound,
                                      gap: Solution.relativeGap(objective: found, bound: bound),
                                      seconds: Planner.seconds(since: start), values: heuristic.values,
                                      message: "the heuristic plan \(reason)")
                // The heuristic plan's LP basis, feasible for the tie-break: from it the tie-break's
                // relaxation took 1,170 simplex iterations against 5,240 from scratch (Kent, no budget).
                proven.basis = heuristic.basis
                return (proven, nil)
            }
            var remaining = warm
            if let limit = options.timeLimit { remaining.timeLimit = max(0, limit - Planner.seconds(since: start)) }
            var solution: Solution, coverage: CoverageReport?
            if model.specification.objective == .minTravel {
                remaining.incumbent = heuristic.values
                solution = try GLPKSolver.solve(lp, options: remaining)
            } else {
                (solution, coverage) = try branchAndCut(model, options: remaining, heuristic: heuristic)
            }
            return (Planner.withFallback(solution, fallback: heuristic, model: lp, relaxationBound: coverageBound), coverage)
        }
        guard let limit = options.timeLimit else { return try branchAndCut(model, options: warm, heuristic: nil) }
        var primaryOptions = warm
        primaryOptions.timeLimit = max(0.01, limit * (1 - diveShare) - Planner.seconds(since: start))
        let (solution, coverage) = try branchAndCut(model, options: primaryOptions, heuristic: nil)
        guard solution.status == .feasible || solution.status == .limitWithoutSolution else { return (solution, coverage) }
        let dive = try ServiceDive.run(lp, options: options, deadline: start + .seconds(max(limit, 1)))
        return (Planner.withFallback(solution, fallback: dive.solution, model: lp,
                                     relaxationBound: dive.relaxationBound ?? coverageBound), coverage)
    }

    /// GLPK's branch and cut on the model: written out whole (with its MIP preprocessing), or, where
    /// ``bendersCuts(_:)`` chooses, by branch-and-Benders-cut with the coverage links as lazy rows
    /// (``CoverageBenders``, the same machinery as v1's coverage), from `heuristic` as the first
    /// incumbent. Returns the solution and, when the model has coverage links, how they were solved.
    static func branchAndCut(_ model: ServiceModel, options: SolveOptions, heuristic: Solution?)
        throws -> (solution: Solution, coverage: CoverageReport?) {
        if let cuts = bendersCuts(model) {
            let solved = try CoverageBenders.solve(master: model.formulation.bendersMaster(), cuts: cuts,
                                                   incumbent: heuristic?.values, options: options)
            return (solved.solution, CoverageReport(formulation: .benders, rows: solved.rows, solution: solved.solution,
                                                    heuristic: heuristic?.objective, offers: true))
        }
        let lp = model.formulation.linearModel()
        let solution = try Planner.solve(lp, options: options)
        let coverage = model.formulation.coverageCuts == nil ? nil
            : CoverageReport(formulation: .compact, rows: lp.rowCount, solution: solution, heuristic: heuristic?.objective, offers: true)
        return (solution, coverage)
    }

    /// The coverage links `z_g <= sum x` as Benders cuts, where ``CoverageBenders/chosen(_:groups:sites:)``
    /// picks branch-and-Benders-cut for their number (as for v1's coverage); nil: the compact model.
    /// Never for `min_travel`, whose coverage links only serve coverage minimums and which starts
    /// from the heuristic plan as GLPK's incumbent on the compact model.
    static func bendersCuts(_ model: ServiceModel) -> CoverageCuts? {
        guard model.specification.objective != .minTravel, let cuts = model.formulation.coverageCuts,
              CoverageBenders.chosen(model.specification.coverageFormulation, groups: cuts.share.count,
                                     sites: model.instance.siteCount) else { return nil }
        return cuts
    }

    /// For `max_coverage`, the tighter of two bounds that need no branch and cut: the every-site
    /// bound, and under capacity `ServiceCapacityBound` (stopped by `backstop` only where its
    /// count of steps has not). Nil for the other objectives.
    static func coverageBound(_ model: ServiceModel, backstop: ContinuousClock.Instant?) -> Double? {
        guard let everySite = everySiteBound(model) else { return nil }
        guard let capacity = ServiceCapacityBound(model) else { return everySite }
        return min(everySite, capacity.bound(backstop: backstop))
    }

    /// `solution` with `bound` (a proof of `max_coverage`) where it is tighter than the solver's,
    /// never below the plan's own objective; a run with no plan keeps it as its only proof.
    static func tightened(_ solution: Solution, bound: Double?) -> Solution {
        guard let bound, solution.status == .feasible || solution.status == .limitWithoutSolution else { return solution }
        var result = solution
        let proven = min(solution.bound ?? bound, bound)
        result.bound = solution.objective.map { max(proven, $0) } ?? proven
        if let objective = result.objective, let b = result.bound { result.gap = Solution.relativeGap(objective: objective, bound: b) }
        return result
    }

    /// For `max_coverage`, a bound that needs no solve and is far tighter than every column at
    /// its best (which counts an area once per assignment column under capacity): the covered
    /// weight of ``everySiteOpen(_:)``; no plan covers more. Nil for the other objectives.
    static func everySiteBound(_ model: ServiceModel) -> Double? {
        guard model.specification.objective == .maxCoverage else { return nil }
        return everySiteOpen(model).objectiveValue(.maxCoverage, rules: model.rules)
    }

    /// The most any plan can cover: every site not marked close kept and offering every service
    /// it can host, outreach wherever it may go, no budget and no capacity.
    static func everySiteOpen(_ model: ServiceModel) -> ServiceEvaluation {
        let instance = model.instance, services = model.services
        let keep = instance.siteStatus.map { $0 != .close }
        let offered = (0 ..< instance.siteCount).map { j in (0 ..< services.serviceCount).map { services.siteHosts[$0][j] } }
        let outreach = (0 ..< services.serviceCount).map { _ in Array(repeating: 1.0, count: instance.areaCount) }
        return ServiceEvaluation(instance: instance, services: services, rules: model.rules, keep: keep, offered: offered,
                                 outreach: outreach, assignment: nil)
    }

    static func validate(_ instance: PlanningInstance, _ spec: PlanSpecification, _ rules: ServiceRules) throws(PlanningError) {
        guard let services = instance.services else {
            throw .invalidInstance("a specification with services needs an instance with services")
        }
        guard services.serviceCount == rules.services.count,
              services.areaWeight.allSatisfy({ $0.count == instance.areaCount }),
              services.siteHosts.allSatisfy({ $0.count == instance.siteCount }) else {
            throw .invalidInstance("service arrays do not match the instance")
        }
        for (k, rule) in rules.services.enumerated() {
            for share in [rule.minCoverage, rule.minDistrictCoverage, rule.minDeprivedCoverage] {
                if let share, !(0 ... 1).contains(share) {
                    throw .invalidSpecification("service \(services.codes[k]) asks for a coverage share of \(share); expected 0 to 1")
                }
            }
        }
        if let share = spec.constraints.minCoverage, !(0 ... 1).contains(share) {
            throw .invalidSpecification("the services' weighted coverage share is \(share); expected 0 to 1")
        }
        if let core = rules.familyHubCore, core.contains(where: { !(0 ..< services.serviceCount).contains($0) }) {
            throw .invalidInstance("a Family Hub core service index is out of range")
        }
        if let low = spec.constraints.minSites, let high = spec.constraints.maxSites, low > high {
            throw .invalidSpecification("constraints.sites asks for at least \(low) and at most \(high) sites")
        }
    }

    /// The cheapest of the plans with `primary`'s optimal objective (``TieBreak``; the lowest-carbon
    /// for `min_cost`), solved as the proof was: by Benders, the master with the links generated
    /// where violated. The cost is the one the budget bounds: buildings, services, outreach.
    private static func breakTies(_ primary: Solution, model: ServiceModel, options: SolveOptions) throws -> Solution {
        guard primary.status == .optimal, let optimum = primary.objective else { return primary }
        let cuts = bendersCuts(model)
        let instance = model.instance
        let tieBreaker = model.specification.objective == .minCost
            ? (0 ..< instance.siteCount).map { (model.siteColumn[$0], instance.siteCarbon[$0]) } : model.costTerms
        guard var second = try TieBreak.solve(cuts == nil ? model.formulation.linearModel() : model.formulation.bendersMaster(),
                                              optimum: optimum, tieBreaker: tieBreaker, primary: primary, lazyRows: cuts,
                                              options: options) else { return primary }
        if model.rules.services.contains(where: \.outreach) || model.specification.constraints.capacity != nil {
            var binaries = model.siteColumn + model.offerColumn.flatMap { $0.compactMap { $0 } }
            // Under `capacity: single` the assignment is binary too: relaxed, the LP would split an
            // area's demand (a plan the scenario forbids, covering more than the optimum).
            if model.specification.constraints.capacity == .single { binaries += model.assignment.flatMap { $0.flatMap { $0.map(\.column) } } }
            guard let rest = try TieBreak.reoptimised(model.formulation.linearModel(), fixing: binaries, at: second,
                                                      basis: primary.basis, options: options) else { return primary }
            second = rest
        }
        return TieBreak.withProof(of: primary, decisions: second)
    }

    /// The plan of a solution. A kept site offers every service it can host that costs nothing
    /// to run there (offering it can only add coverage), so that such offers are not arbitrary.
    private static func decode(_ solution: Solution, model: ServiceModel) -> Plan {
        let instance = model.instance, services = model.services, spec = model.specification
        let m = instance.siteCount, s = services.serviceCount
        let keep = (0 ..< m).map { solution[model.siteColumn[$0]] > 0.5 }
        let offered = (0 ..< m).map { j in
            (0 ..< s).map { k in
                guard keep[j], let x = model.offerColumn[k][j] else { return false }
                return solution[x] > 0.5 || model.rules.services[k].costPerSite == 0
            }
        }
        let outreach = (0 ..< s).map { k in model.outreachColumn[k].map { $0.map { solution[$0] } ?? 0 } }
        let assignment: [[[(site: Int, share: Double)]]]? = spec.constraints.capacity == nil ? nil
            : model.assignment.map { areas in
                areas.map { pairs in pairs.compactMap { solution[$0.column] > 1e-9 ? ($0.site, min(1, solution[$0.column])) : nil } }
            }
        let evaluation = ServiceEvaluation(instance: instance, services: services, rules: model.rules, keep: keep,
                                           offered: offered, outreach: outreach, assignment: assignment)
        let buildings = PlanEvaluation(instance: instance, keep: keep, coverageMinutes: spec.coverageMinutes, assignment: nil)
        let objective = evaluation.objectiveValue(spec.objective, rules: model.rules)
        let bound = solution.bound.map { spec.objective == .maxCoverage ? max($0, objective) : min($0, objective) }
        let gap = bound.map { Solution.relativeGap(objective: objective, bound: $0) }
        var plan = Plan(
            status: .optimal, objective: objective, bound: bound, gap: gap.map { $0 < 1e-9 ? 0 : $0 }, seconds: 0,
            keep: keep, areaSite: buildings.areaSite, areaMinutes: buildings.areaMinutes,
            areaCoveredShare: buildings.areaCoveredShare, areaAssignment: [], conflicts: [],
            reductions: model.report, message: nil)
        plan.services = ServiceOutcome(codes: services.codes, offered: offered, evaluation: evaluation, assignment: assignment)
        return plan
    }

    // MARK: - Explaining infeasibility

    /// An irreducible set of conflicting constraint groups (a deletion filter, as `Planner`'s),
    /// each with its smallest violation alone, and, for coverage minimums and Family Hubs, the
    /// services and districts that cannot reach them even with every site able to host open.
    static func explain(_ model: ServiceModel, options: SolveOptions, areaIDs: [String]) throws -> [Conflict] {
        func isInfeasible(dropping dropped: Set<ConstraintGroup>) throws -> Bool {
            if model.dataConflicts.keys.contains(where: { !dropped.contains($0) }) { return true }
            if model.formulation.hasViolatedEmptyRow(dropping: dropped) { return true }
            let solution = try Planner.solve(model.formulation.linearModel(dropping: dropped, feasibilityOnly: true),
                                             options: options)
            return solution.status == .infeasible
        }
        let candidates = model.formulation.groups.union(model.dataConflicts.keys)
        var dropped = Set<ConstraintGroup>()
        for group in candidates.sorted() where try isInfeasible(dropping: dropped.union([group])) {
            dropped.insert(group)
        }
        let structural = unreachableShares(model)
        return try candidates.subtracting(dropped).sorted().map { group in
            var conflict = Conflict(constraint: group, details: model.dataConflicts[group] ?? structural[group] ?? [])
            if group != .siteStatus, model.dataConflicts[group] == nil {
                let (elastic, slacks) = model.formulation.elasticModel(elastic: group, dropping: dropped)
                let solution = try Planner.solve(elastic, options: options)
                if solution.status == .optimal { conflict.minimumViolation = slacks.reduce(0) { $0 + solution[$1] } }
                // The floors short in the plan closest to them all with every other constraint held
                // (not only those of the conflict), each then re-solved alone.
                let held = dropped.isEmpty ? solution
                    : try Planner.solve(model.formulation.elasticModel(elastic: group, dropping: []).model, options: options)
                if structural[group] == nil, held.status == .optimal {
                    conflict.floors = try floors(group, closest: held, model: model) { member in
                        let (alone, slacks) = model.formulation.elasticModel(elastic: group, member: member, dropping: [])
                        let own = try Planner.solve(alone, options: options)
                        return own.status == .optimal ? slacks.reduce(0) { $0 + own[$1] } : nil
                    }
                    conflict.details = conflict.floors.map(ConflictFacts.sentence)
                }
            }
            return conflict
        }
    }

    /// The floors of `group` that the plan closest to meeting them all (`closest`, the elastic
    /// solution: least total shortfall, every other constraint held) leaves short, service by
    /// service and district by district, each with its own best from `leastViolation(member)`:
    /// the least violation of that floor alone (`ServiceModel.floorMember`), in need weight or
    /// hubs, every other constraint held and the group's other floors dropped; nil when that
    /// solve did not finish. Empty under capacity, where coverage depends on the assignment.
    static func floors(_ group: ConstraintGroup, closest solution: Solution, model: ServiceModel,
                       leastViolation: (Int) throws -> Double?) throws -> [FloorReach] {
        let instance = model.instance, services = model.services, rules = model.rules, spec = model.specification
        guard spec.constraints.capacity == nil else { return [] }
        let m = instance.siteCount, s = services.serviceCount, districts = instance.districtCount
        let keep = (0 ..< m).map { solution[model.siteColumn[$0]] > 0.5 }
        let offered = (0 ..< m).map { j in
            (0 ..< s).map { k in
                guard keep[j], let x = model.offerColumn[k][j] else { return false }
                return solution[x] > 0.5 || rules.services[k].costPerSite == 0
            }
        }
        let outreach = (0 ..< s).map { k in model.outreachColumn[k].map { $0.map { solution[$0] } ?? 0 } }
        let evaluation = ServiceEvaluation(instance: instance, services: services, rules: rules, keep: keep, offered: offered,
                                           outreach: outreach, assignment: nil)
        let shares = ServiceShares(evaluation, instance: instance, services: services, rules: rules,
                                   deprivedAreas: spec.deprivedAreas)
        let deprived = Set(spec.deprivedAreas)
        func weight(_ k: Int, _ areas: (Int) -> Bool) -> Double {
            (0 ..< instance.areaCount).filter(areas).reduce(0) { $0 + services.areaWeight[k][$1] }
        }
        var floors: [FloorReach] = []
        func check(_ reached: Double, _ floor: Double?, _ what: String, service: Int?, district: Int? = nil, total: Double) throws {
            guard let floor, total > 0, reached < floor - 1e-6,
                  let violation = try leastViolation(ServiceModel.floorMember(service: service, district: district, districts: districts))
            else { return }
            floors.append(FloorReach(floor: what, measure: .coverage, asked: floor, best: max(0, floor - violation / total)))
        }
        switch group {
        case .minCoverage:
            if let floor = spec.constraints.minCoverage {
                var covered = 0.0, total = 0.0
                for (k, rule) in rules.services.enumerated() where rule.weight != 0 {
                    covered += rule.weight * evaluation.coveredWeight[k]
                    total += rule.weight * services.areaWeight[k].reduce(0, +)
                }
                try check(total > 0 ? covered / total : 1, floor, "the services' weighted need", service: nil, total: total)
            }
            for k in 0 ..< s {
                try check(shares.county[k], rules.services[k].minCoverage, services.codes[k], service: k, total: weight(k) { _ in true })
            }
        case .minDistrictCoverage:
            for k in 0 ..< s {
                for d in 0 ..< districts {
                    try check(shares.district[k][d], rules.services[k].minDistrictCoverage,
                              "\(services.codes[k]) in \(instance.districtNames[d])", service: k, district: d,
                              total: weight(k) { instance.areaDistrict[$0] == d })
                }
            }
        case .minDeprivedCoverage:
            for k in 0 ..< s {
                try check(shares.deprived[k], rules.services[k].minDeprivedCoverage, "\(services.codes[k]) in the most deprived areas",
                          service: k, total: weight(k) { deprived.contains($0) })
            }
        case .familyHubs:
            guard let core = rules.familyHubCore else { break }
            var hubs: [Int: Int] = [:]
            for j in 0 ..< m where core.allSatisfy({ services.siteHosts[$0][j] }) {
                hubs[instance.siteDistrict[j], default: 0] += evaluation.familyHub[j] ? 1 : 0
            }
            let asked = Double(rules.familyHubsPerDistrict)
            for (d, count) in hubs.sorted(by: { $0.key < $1.key }) where count < rules.familyHubsPerDistrict {
                guard let violation = try leastViolation(d) else { continue }
                floors.append(FloorReach(floor: instance.districtNames[d], measure: .familyHubs, asked: asked,
                                         best: max(0, (asked - violation).rounded())))
            }
        default:
            break
        }
        return floors
    }

    /// Minimums no plan can meet whatever it spends: each service's best coverage (county,
    /// district, most deprived) with every site that can host it and is not marked close
    /// offering it, and outreach everywhere it may go; districts with no open-able Family Hub.
    static func unreachableShares(_ model: ServiceModel) -> [ConstraintGroup: [String]] {
        let instance = model.instance, services = model.services, rules = model.rules
        let m = instance.siteCount
        let keep = instance.siteStatus.map { $0 != .close }
        let best = everySiteOpen(model)
        var details: [ConstraintGroup: [String]] = [:]
        let deprived = Set(model.specification.deprivedAreas)
        func percent(_ x: Double) -> String { Quantity.share.display(x) }
        for (k, rule) in rules.services.enumerated() {
            let code = services.codes[k]
            let weights = services.areaWeight[k]
            func share(_ areas: (Int) -> Bool) -> (best: Double, total: Double) {
                var covered = 0.0, total = 0.0
                for i in 0 ..< instance.areaCount where areas(i) {
                    total += weights[i]
                    covered += weights[i] * (best.coveredShare[k][i] + rules.outreachValue * best.outreachShare[k][i])
                }
                return (total > 0 ? covered / total : 1, total)
            }
            let hosts = "with every site that can host \(code) open" + (rule.outreach ? " and outreach everywhere" : "")
            if let target = rule.minCoverage {
                let (value, total) = share { _ in true }
                if total > 0, value < target - 1e-9 {
                    details[.minCoverage, default: []].append(
                        "\(code) coverage cannot reach \(percent(target)): the best is \(percent(value)) \(hosts)")
                }
            }
            if let target = rule.minDistrictCoverage {
                for d in 0 ..< instance.districtCount {
                    let (value, total) = share { instance.areaDistrict[$0] == d }
                    if total > 0, value < target - 1e-9 {
                        details[.minDistrictCoverage, default: []].append(
                            "\(code) coverage in \(instance.districtNames[d]) cannot reach \(percent(target)): "
                            + "the best is \(percent(value)) \(hosts)")
                    }
                }
            }
            if let target = rule.minDeprivedCoverage {
                let (value, total) = share { deprived.contains($0) }
                if total > 0, value < target - 1e-9 {
                    details[.minDeprivedCoverage, default: []].append(
                        "\(code) coverage of the most deprived areas cannot reach \(percent(target)): the best is \(percent(value)) \(hosts)")
                }
            }
        }
        if let core = rules.familyHubCore {
            var capable = Set<Int>(), open = Set<Int>()
            for j in 0 ..< m where core.allSatisfy({ services.siteHosts[$0][j] }) {
                capable.insert(instance.siteDistrict[j])
                if keep[j] { open.insert(instance.siteDistrict[j]) }
            }
            for d in capable.subtracting(open).sorted() {
                details[.familyHubs, default: []].append(
                    "\(instance.districtNames[d]) cannot have a Family Hub: every site there able to host all core services is marked close")
            }
        }
        return details
    }
}
