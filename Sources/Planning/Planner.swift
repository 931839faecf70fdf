import Estate
import Foundation
import LocationModels
import Optimisation

/// Chooses which sites to keep: builds the exact reduced model, solves it with GLPK, reads the
/// decisions back, evaluates them independently, and explains infeasibility.
public enum Planner {
    /// Plans one scenario. `areaIDs` name areas in explanations (same order as the instance).
    public static func plan(_ instance: PlanningInstance, _ spec: PlanSpecification, areaIDs: [String]) throws -> Plan {
        var modelSeconds = 0.0
        var plan: Plan
        if let rules = spec.services {
            try instance.checkInvariants()
            plan = try ServicePlanner.plan(instance, spec, rules: rules, areaIDs: areaIDs, modelSeconds: &modelSeconds)
        } else {
            plan = try Planner.plan(instance, spec, areaIDs: areaIDs, modelSeconds: &modelSeconds)
        }
        plan.modelSeconds = modelSeconds
        return plan
    }

    /// Plans a specification without services, noting when its model was built.
    static func plan(_ instance: PlanningInstance, _ spec: PlanSpecification, areaIDs: [String],
                     modelSeconds: inout Double) throws -> Plan {
        let clock = ContinuousClock.now
        try instance.checkInvariants()
        try validate(spec, instance: instance)
        var model = PlanningModel(instance: instance, specification: spec, areaIDs: areaIDs)
        modelSeconds = seconds(since: clock)
        var options = SolveOptions(timeLimit: spec.timeLimit, relativeGap: spec.relativeGap, verbose: spec.solverLog)
        options.cutFamilies = spec.cutFamilies

        /// The infeasible plan, with the constraints in conflict explained.
        func infeasible() throws -> Plan {
            var plan = Plan.empty(status: .infeasible, seconds: 0, reductions: model.report,
                                  message: "no plan satisfies every constraint")
            plan.conflicts = try explainInfeasibility(model, options: options, areaIDs: areaIDs)
            plan.seconds = seconds(since: clock)
            return plan
        }

        if !model.dataConflicts.isEmpty || model.formulation.hasViolatedEmptyRow() { return try infeasible() }
        let primary: Solution
        var singleSource: SingleSourceReport?
        var pMedian: PMedianReport?
        var coverage: CoverageReport?
        if spec.constraints.capacity == .single {
            let result = try solveSingleSource(model, options: options, areaIDs: areaIDs, start: clock)
            model = result.model
            primary = result.solution
            singleSource = result.report
        } else {
            let solved = try solveFromHeuristic(model, options: options, start: clock)
            primary = solved.solution
            pMedian = solved.pMedian
            coverage = solved.coverage
        }
        // A `min_travel` solved as a p-median has broken its ties already (``TravelMedian``).
        let solution = pMedian != nil ? primary : try breakTies(primary, model: model, options: options)
        switch solution.status {
        case .optimal, .feasible:
            var plan = decode(solution, model: model)
            plan.status = solution.status == .optimal ? .optimal : .feasible
            plan.message = solution.message
            plan.singleSource = singleSource
            plan.pMedian = pMedian
            plan.coverage = coverage
            plan.relaxationBasis = RelaxationBasis(primary.basis, formulation: model.formulation)
            plan.seconds = seconds(since: clock)
            return plan
        case .infeasible:
            return try infeasible()
        case .unbounded:
            return .empty(status: .unbounded, seconds: seconds(since: clock), reductions: model.report, message: solution.message)
        case .limitWithoutSolution:
            var plan = Plan.empty(status: .timeLimit, seconds: seconds(since: clock), reductions: model.report,
                                  message: solution.message ?? "time limit reached before any feasible plan")
            plan.bound = solution.bound
            return plan
        case .error:
            return .empty(status: .error, seconds: seconds(since: clock), reductions: model.report, message: solution.message)
        }
    }

    /// Rejects specifications that are wrong before any solve, with the scenario key at fault.
    static func validate(_ spec: PlanSpecification, instance: PlanningInstance) throws(PlanningError) {
        let c = spec.constraints
        func share(_ value: Double?, _ key: String) throws(PlanningError) {
            if let value, !(0 ... 1).contains(value) {
                throw .invalidSpecification("\(key) is \(value); expected a share between 0 and 1")
            }
        }
        try share(c.minCoverage, "constraints.min_coverage")
        try share(c.minDistrictCoverage, "constraints.min_district_coverage")
        try share(c.minDeprivedCoverage, "constraints.min_deprived_coverage")
        guard spec.coverageMinutes >= 0, spec.coverageMinutes.isFinite else {
            throw .invalidSpecification("coverage_minutes is \(spec.coverageMinutes); expected minutes >= 0")
        }
        if let minutes = c.maxMinutes, !(minutes >= 0) {
            throw .invalidSpecification("constraints.max_minutes is \(minutes); expected minutes >= 0")
        }
        if let low = c.minSites, let high = c.maxSites, low > high {
            throw .invalidSpecification("constraints.sites asks for at least \(low) and at most \(high) sites")
        }
        if let k = c.minPerDistrict, k < 0 {
            throw .invalidSpecification("constraints.min_per_district is \(k); expected a whole number >= 0")
        }
        if let bad = spec.deprivedAreas.first(where: { !(0 ..< instance.areaCount).contains($0) }) {
            throw .invalidInstance("deprived area index \(bad) out of range")
        }
    }

    /// Solves with GLPK's MIP preprocessing, which shrinks planning models several times over,
    /// and falls back to the plain branch and cut when GLPK fails in it.
    static func solve(_ model: LinearModel, options: SolveOptions) throws -> Solution {
        var presolved = options
        presolved.mipPresolve = true
        let first = try GLPKSolver.solve(model, options: presolved)
        return first.status == .error ? try GLPKSolver.solve(model, options: options) : first
    }

    /// Finds the heuristic plan (``PlanHeuristic``), then solves the MILP in the time left; when
    /// GLPK stops at its limit with no plan, or a worse one, the heuristic plan stands, with the
    /// best bound proven (at worst every column at its best bound, which needs no solve).
    ///
    /// How the heuristic plan meets GLPK was measured (`benchmarks/planning`, release build): GLPK
    /// takes an incumbent only without its MIP preprocessing. For `min_travel` the incumbent pays
    /// (900 areas x 100 sites, p = 12: 17 s against 52 s with preprocessing); for the covering
    /// objectives preprocessing does (5,000 x 500 MCLP, p = 80: 5.4 s against 8.0 s, and a better
    /// plan at the limit with per-district minimums), so there the heuristic plan is the fallback.
    /// For `min_travel` solved as a p-median, also how (for `summary.json`).
    static func solveFromHeuristic(_ model: PlanningModel, options: SolveOptions,
                                   start: ContinuousClock.Instant)
        throws -> (solution: Solution, pMedian: PMedianReport?, coverage: CoverageReport?) {
        let lp = model.formulation.linearModel()
        if TravelMedian.applies(to: model), let solved = try TravelMedian.solve(model, options: options) {
            var solution = solved.solution
            if solution.status == .feasible, let found = solution.objective {
                let bound = min(solution.bound ?? boxBound(lp), found)
                solution.bound = bound
                solution.gap = Solution.relativeGap(objective: found, bound: bound)
                solution.message = solution.message ?? "time limit reached"
            }
            return (solution, solved.report, nil)
        }
        let heuristic = try PlanHeuristic(model).keepSites().flatMap { keep in
            try PlanHeuristic.point(keep: keep, model: model, options: options)
        }
        var remaining = options.warmStarted(by: model.specification, formulation: model.formulation)
        if let limit = options.timeLimit { remaining.timeLimit = max(0, limit - seconds(since: start)) }
        var solution: Solution
        var coverage: CoverageReport?
        if model.specification.objective == .minTravel, let heuristic {
            remaining.incumbent = heuristic.values
            solution = try GLPKSolver.solve(lp, options: remaining)
        } else if let cuts = model.formulation.coverageCuts, CoverageBenders.chosen(
            model.specification.coverageFormulation, groups: cuts.share.count, sites: model.siteColumn.count { $0 != nil }) {
            let solved = try CoverageBenders.solve(master: model.formulation.bendersMaster(), cuts: cuts,
                                                   incumbent: heuristic?.values, options: remaining)
            solution = solved.solution
            coverage = CoverageReport(benders: solved, heuristic: heuristic?.objective)
        } else {
            solution = try solve(lp, options: remaining)
            if model.formulation.coverageCuts != nil {
                coverage = CoverageReport(formulation: .compact, rows: lp.rowCount, solution: solution, heuristic: heuristic?.objective)
            }
        }
        return (withFallback(solution, fallback: heuristic, model: lp), nil, coverage)
    }

    /// When GLPK stopped at its time limit with no plan, or a worse one than `fallback` (a
    /// heuristic's point of `lp`), the fallback stands, with the best bound proven: GLPK's, else
    /// `relaxationBound`, else every column at its best bound (which needs no solve); the status
    /// is `feasible` with the gap between them. Any other solution is returned as it is. The v1
    /// and v2 (`ServicePlanner`) planners both end their solve here.
    static func withFallback(_ solution: Solution, fallback: Solution?, model lp: LinearModel,
                             relaxationBound: Double? = nil) -> Solution {
        guard let fallback, let value = fallback.objective,
              solution.status == .limitWithoutSolution || solution.status == .feasible else { return solution }
        let maximise = lp.sense == .maximise
        var values = solution.values, found = value
        if let objective = solution.objective, solution.status == .feasible, maximise ? objective >= value : objective <= value {
            found = objective
        } else {
            values = fallback.values
        }
        let proven = solution.bound ?? relaxationBound ?? boxBound(lp)
        let bound = maximise ? max(proven, found) : min(proven, found)
        return Solution(status: .feasible, objective: found, bound: bound,
                        gap: Solution.relativeGap(objective: found, bound: bound), seconds: solution.seconds,
                        values: values, message: solution.message ?? "time limit reached")
    }

    /// The bound of `model` with every column at its most favourable bound and no row: proven
    /// without a solve (planning columns are all bounded).
    static func boxBound(_ model: LinearModel) -> Double {
        var total = model.objectiveConstant
        for j in 0 ..< model.variableCount {
            let c = model.objectiveCoefficient(of: j), (lower, upper) = model.bounds(of: j)
            let ends = [c * lower, c * upper].filter { !$0.isNaN }
            total += model.sense == .maximise ? ends.max()! : ends.min()!
        }
        return total
    }

    // MARK: - Ties

    /// The criterion that chooses among plans with the same optimal objective, so that the plan
    /// reported is not an arbitrary one of many: the cheapest (the lowest-carbon for `min_cost`).
    public static func tieBreaker(for objective: Objective) -> Objective {
        objective == .minCost ? .minCarbon : .minCost
    }

    /// Each site's value on the tie-breaker (``tieBreaker(for:)``).
    static func tieBreakerValues(_ model: PlanningModel) -> [Double] {
        tieBreaker(for: model.specification.objective) == .minCarbon ? model.instance.siteCarbon : model.instance.siteCost
    }

    /// Whether plans with the same optimal objective can differ on the tie-breaker: not when every
    /// free site has the same value on it and that value is 0 or every plan opens as many sites
    /// (`sites: {exactly: p}`). Then the second solve is saved (on the generated `min_travel`
    /// counties of benchmarks/planning/min_travel_highs.py, equal costs and exactly p sites, it
    /// took up to a tenth of the proof's time for nothing).
    static func tiesCanDiffer(_ model: PlanningModel) -> Bool {
        let values = tieBreakerValues(model), c = model.specification.constraints
        let free = (0 ..< model.instance.siteCount).filter { model.siteColumn[$0] != nil }
        let value = free.first.map { values[$0] } ?? 0
        return !(free.allSatisfy { values[$0] == value } && (value == 0 || c.minSites != nil && c.minSites == c.maxSites))
    }

    /// The cheapest of the plans with `primary`'s optimal objective (``TieBreak``) on the planning
    /// model, the tie-breaker on the site columns.
    private static func breakTies(_ primary: Solution, model: PlanningModel, options: SolveOptions) throws -> Solution {
        guard primary.status == .optimal, let optimum = primary.objective, tiesCanDiffer(model) else { return primary }
        let values = tieBreakerValues(model)
        let tieBreaker = (0 ..< model.instance.siteCount).compactMap { site in model.siteColumn[site].map { ($0, values[site]) } }
        guard var second = try TieBreak.solve(model.formulation.linearModel(), optimum: optimum, tieBreaker: tieBreaker,
                                              primary: primary, options: options) else { return primary }
        if model.specification.constraints.capacity == .single {
            // The held row's tolerance may let a single-source assignment give up a sliver of the
            // primary objective: then the primary plan stands.
            let primaryModel = model.formulation.linearModel()
            let achieved = primaryModel.objectiveValue(of: second.values)
            let loss = primaryModel.sense == .maximise ? optimum - achieved : achieved - optimum
            if loss > 1e-9 * max(1, abs(optimum)) { return primary }
        } else if model.specification.constraints.capacity == .split {
            // With the chosen sites fixed, the assignment re-optimised for the primary (from scratch).
            guard let assignment = try TieBreak.reoptimised(model.formulation.linearModel(), fixing: model.siteColumn.compactMap { $0 },
                                                            at: second, basis: nil, options: options) else { return primary }
            second = assignment
        }
        return TieBreak.withProof(of: primary, decisions: second)
    }

    // MARK: - Reading a solution

    private static func decode(_ solution: Solution, model: PlanningModel) -> Plan {
        let instance = model.instance
        let spec = model.specification
        var keep = model.siteFixedOpen
        for j in 0 ..< instance.siteCount {
            if let column = model.siteColumn[j], solution[column] > 0.5 { keep[j] = true }
        }
        var assignment: [[(site: Int, share: Double)]]?
        if spec.constraints.capacity != nil {
            assignment = model.assignment.map { pairs in
                pairs.compactMap { pair in
                    let share = solution[pair.column]
                    return share > 1e-9 ? (pair.site, min(1, share)) : nil
                }
            }
        }
        let evaluation = PlanEvaluation(instance: instance, keep: keep, coverageMinutes: spec.coverageMinutes,
                                        assignment: assignment)
        let objective = evaluation.objectiveValue(spec.objective)
        let bound = solution.bound.map { spec.objective == .maxCoverage ? max($0, objective) : min($0, objective) }
        let gap = bound.map { Solution.relativeGap(objective: objective, bound: $0) }
        return Plan(
            status: .optimal, objective: objective, bound: bound, gap: gap.map { $0 < 1e-9 ? 0 : $0 }, seconds: 0,
            keep: keep, areaSite: evaluation.areaSite, areaMinutes: evaluation.areaMinutes,
            areaCoveredShare: evaluation.areaCoveredShare, areaAssignment: assignment ?? [], conflicts: [],
            reductions: model.report, message: nil)
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    // MARK: - Explaining infeasibility

    /// Finds an irreducible set of constraint groups that cannot hold together (a deletion filter:
    /// drop each group in turn and keep it dropped when the rest is still infeasible), then, for each
    /// group in the set, the smallest violation of that group alone that restores feasibility
    /// (an elastic model with the other groups of the set held).
    static func explainInfeasibility(_ model: PlanningModel, options: SolveOptions, areaIDs: [String]) throws -> [Conflict] {
        var statusFree = model.instance
        statusFree.siteStatus = statusFree.siteStatus.map { _ in .candidate }
        let hasStatus = model.instance.siteStatus.contains { $0 != .candidate }
        var relaxedModel: PlanningModel?

        /// The model without site statuses when `.siteStatus` is dropped (built once), else the model.
        func variant(dropping dropped: Set<ConstraintGroup>) -> PlanningModel {
            guard dropped.contains(.siteStatus) else { return model }
            if relaxedModel == nil {
                relaxedModel = PlanningModel(instance: statusFree, specification: model.specification, areaIDs: areaIDs)
            }
            return relaxedModel!
        }

        func isInfeasible(dropping dropped: Set<ConstraintGroup>) throws -> Bool {
            let current = variant(dropping: dropped)
            if current.dataConflicts.keys.contains(where: { !dropped.contains($0) }) { return true }
            if current.formulation.hasViolatedEmptyRow(dropping: dropped) { return true }
            let solution = try solve(current.formulation.linearModel(dropping: dropped, feasibilityOnly: true),
                                     options: options)
            // A limit without an answer is treated as "feasible", so the group stays in the
            // reported set: we never drop a group we have not proven irrelevant.
            return solution.status == .infeasible
        }

        var candidates = model.formulation.groups.union(model.dataConflicts.keys)
        if hasStatus { candidates.insert(.siteStatus) }
        var dropped = Set<ConstraintGroup>()
        for group in candidates.sorted() {
            if try isInfeasible(dropping: dropped.union([group])) { dropped.insert(group) }
        }
        let conflicting = candidates.subtracting(dropped).sorted()
        return try conflicting.map { group in
            var conflict = Conflict(constraint: group, details: model.dataConflicts[group] ?? [])
            conflict.limit = limitValue(of: group, model.specification)
            conflict.outOfReach = ConflictFacts.outOfReach(group, model: model, areaIDs: areaIDs)
            if group != .siteStatus, model.dataConflicts[group] == nil {
                /// The elastic solution (least total violation of `group`) and that violation.
                func closest(dropping: Set<ConstraintGroup>) throws -> (solution: Solution, violation: Double)? {
                    let (elastic, slacks) = variant(dropping: dropping).formulation.elasticModel(elastic: group, dropping: dropping)
                    let solution = try solve(elastic, options: options)
                    return solution.status == .optimal ? (solution, slacks.reduce(0) { $0 + solution[$1] }) : nil
                }
                let least = try closest(dropping: dropped)
                conflict.minimumViolation = least?.violation
                // The best the group can reach with every other constraint held, not only those
                // in the conflict (others may be no part of the conflict yet still cost some).
                let held = dropped.isEmpty ? least : try closest(dropping: [])
                conflict.best = held.flatMap { ConflictFacts.best(group, violation: $0.violation, model: model) }
                if let held {
                    var keep = model.siteFixedOpen
                    for j in 0 ..< model.instance.siteCount {
                        if let column = model.siteColumn[j], held.solution[column] > 0.5 { keep[j] = true }
                    }
                    conflict.floors = try ConflictFacts.floors(group, closest: keep, model: model) { district in
                        let (alone, slacks) = model.formulation.elasticModel(elastic: group, member: district, dropping: [])
                        let solution = try solve(alone, options: options)
                        return solution.status == .optimal ? slacks.reduce(0) { $0 + solution[$1] } : nil
                    }
                    conflict.details += conflict.floors.map(ConflictFacts.sentence)
                }
            }
            return conflict
        }
    }

    /// The scenario's value of `group` when it is one number.
    static func limitValue(of group: ConstraintGroup, _ spec: PlanSpecification) -> Double? {
        let c = spec.constraints
        switch group {
        case .budget: return c.budget
        case .carbon: return c.carbon
        case .minPerDistrict: return c.minPerDistrict.map(Double.init)
        case .minCoverage: return c.minCoverage
        case .minDistrictCoverage: return c.minDistrictCoverage
        case .minDeprivedCoverage: return c.minDeprivedCoverage
        case .maxMinutes: return c.maxMinutes
        default: return nil
        }
    }
}
