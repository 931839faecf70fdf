import Estate
import Optimisation

/// Single sourcing: the LP relaxation, a heuristic plan as incumbent, the Lagrangian bound,
/// reduced-cost fixing, and branch and cut in rounds that fix more as better plans turn up.
/// Together they make the capacitated p-median references solvable with GLPK, whose own search
/// finds capacity-feasible plans late and fixes nothing by reduced cost.
extension Planner {
    /// The proven result of a single-sourcing model and the (possibly reduced) model it solved.
    struct SingleSourceResult {
        var model: PlanningModel
        var solution: Solution
        var report: SingleSourceReport
    }

    /// Assignment columns above which the Lagrangian relaxation (which needs no LP) runs first and
    /// fixes pairs before the LP is tried: every model by default. First introduced for SJC4,
    /// whose LP (161,604 columns) GLPK's simplex did not solve within a minute, it was then
    /// measured on pmedcap01-20 (release build, 10 s limit, same run): the LP of the smaller model
    /// is faster, and the plans were better or equal on all but one (pmedcap12 966, the optimum,
    /// against 981; pmedcap16 proven; pmedcap19 1,037 against 1,033).
    /// Task-local so that tests can take the LP-first path (the one left when the heuristic finds
    /// no plan before the Lagrangian) on instances small enough to check.
    @TaskLocal static var lagrangianFirstColumns = 0

    /// Solves `model` (built with `capacity: single`).
    ///
    /// Fixing is exact: with the LP bound `L` and a plan of objective `U`, a column at 0 in the LP
    /// whose reduced cost exceeds `U - L` is 1 only in plans worse than `U`, so every optimal plan
    /// (ties included) survives, and the reduced model's optimum and bound are the full model's.
    /// Each round of branch and cut is given a time slice (doubling); when it ends with a better
    /// plan, the fixing is redone against it and the next round solves a smaller model.
    static func solveSingleSource(_ model: PlanningModel, options: SolveOptions, areaIDs: [String],
                                  start: ContinuousClock.Instant) throws -> SingleSourceResult {
        var report = SingleSourceReport()
        report.pairsOverCapacity = model.singleSourced?.pairsOverCapacity ?? 0
        report.assignmentColumns = model.singleSourced?.columnPairs.count ?? 0
        func remaining() -> Double? { options.timeLimit.map { max(0, $0 - seconds(since: start)) } }
        func deadline(_ seconds: Double) -> ContinuousClock.Instant { .now + .milliseconds(Int(seconds * 1000)) }
        var model = model
        let minimising = model.formulation.linearModel().sense == .minimise
        // Whole-number costs: a plan better than one of objective U is at most U - step, which
        // rounds bounds up and lets fixing drop what only plans as good as U (ties) use. Not
        // where ties can differ on the tie-breaker: its second solve needs every tie.
        let step = model.formulation.linearModel().objectiveStep
        let objectiveConstant = model.formulation.linearModel().objectiveConstant
        let fixingStep = tiesCanDiffer(model) ? nil : step
        report.objectiveStep = step
        /// An objective that every plan strictly better than `upper` reaches (fixing keeps those).
        func beating(_ upper: Double) -> Double {
            guard let step = fixingStep else { return upper }
            return minimising ? upper - step : upper + step
        }
        /// The stronger of two bounds.
        func stronger(_ a: Double?, _ b: Double?) -> Double? {
            guard let a else { return b }
            guard let b else { return a }
            return minimising ? max(a, b) : min(a, b)
        }
        /// `bound` moved to the next objective value a plan can have (objectives are the
        /// constant plus whole steps), less a tolerance for the bound's own rounding errors.
        func onGrid(_ bound: Double) -> Double {
            guard let step else { return bound }
            let steps = (bound - objectiveConstant) / step
            return objectiveConstant + step * (minimising ? (steps - 1e-6).rounded(.up) : (steps + 1e-6).rounded(.down))
        }
        // Fixings carried from the Lagrangian pass run before the LP (kept in every later reduction).
        var baseFixings = ReducedCostFixings()
        // That pass: its best plan, its relaxation and multipliers (in the instance's areas and
        // sites), and whether its subgradient converged.
        var prior: (plan: SingleSourceHeuristic.Result, relaxation: SingleSourceLagrangian, multipliers: [Double], converged: Bool)?
        if (model.singleSourced?.columnPairs.count ?? 0) > lagrangianFirstColumns {
            let full = model.formulation.linearModel()
            let search = heuristic(for: model, objective: full)
            let heuristicStart = ContinuousClock.now
            if search.mustServe,
               var found = search.solve(guide: search.greedyGuide(), deadline: deadline(min(5, 0.1 * (remaining() ?? .infinity)))),
               let point = point(of: found.keep, found.areaSite, in: model), full.infeasibility(of: point) == nil {
                report.heuristicSeconds = seconds(since: heuristicStart)
                report.lagrangianBeforeLP = true
                let pass = lagrangian(search, model: model, full: full, found: &found, multipliers: nil,
                                      seconds: min(20, 0.3 * (remaining() ?? .infinity)), report: &report)
                report.lagrangianBound = pass.bound
                baseFixings = lagrangianFixings(pass.relaxation, pass.multipliers, model: model, full: full,
                                                keep: found.keep, areaSite: found.areaSite, upper: beating(pass.objective))
                let smaller = PlanningModel(instance: model.instance, specification: model.specification, areaIDs: areaIDs,
                                            fixings: baseFixings)
                // Never expected to fail (fixing keeps every column the plan uses).
                if let reducedPoint = Self.point(of: found.keep, found.areaSite, in: smaller),
                   smaller.formulation.linearModel().infeasibility(of: reducedPoint) == nil {
                    model = smaller
                    // Kept sites are bounds on the smaller model's columns, not part of it: the
                    // LP and every round apply them (below).
                    report.pairsFixedByReducedCost = baseFixings.excludedPairs.count
                    report.sitesFixedByReducedCost = baseFixings.closedSites.count
                    report.sitesKeptByReducedCost = baseFixings.keptSites.count
                    report.assignmentColumns = smaller.singleSourced?.columnPairs.count ?? 0
                } else {
                    baseFixings = ReducedCostFixings()
                }
                prior = (found, pass.relaxation, pass.multipliers, pass.converged)
            }
        }
        let full = baseFixings.keeping(in: model, model.formulation.linearModel())
        /// `solution` with the Lagrangian bound where it is the stronger proof.
        func finish(_ solution: Solution, _ solved: PlanningModel) -> SingleSourceResult {
            var proven = solution
            if let objective = solution.objective, solution.hasSolution,
               let bound = stronger(solution.bound, report.lagrangianBound) {
                let bound = onGrid(bound)
                proven.bound = minimising ? min(bound, objective) : max(bound, objective)
                proven.gap = Solution.relativeGap(objective: objective, bound: proven.bound!)
                if proven.gap == 0 { proven.status = .optimal }
            }
            return SingleSourceResult(model: solved, solution: proven, report: report)
        }
        /// A plan of the heuristic as a solution without GLPK's proof.
        func unproven(_ plan: SingleSourceHeuristic.Result, _ message: String) -> SingleSourceResult? {
            guard let point = point(of: plan.keep, plan.areaSite, in: model), full.infeasibility(of: point) == nil else { return nil }
            report.heuristicObjective = full.objectiveValue(of: point)
            return finish(Solution(status: .feasible, objective: report.heuristicObjective, values: point, message: message), model)
        }

        var lpOptions = options
        // Most of the time at most: a model whose LP takes longer will not be proven anyway, and
        // the rest goes to a heuristic plan and the Lagrangian bound, so that the run still
        // reports a plan and a bound.
        lpOptions.timeLimit = remaining().map { 0.7 * $0 }
        // The LP with lifted cover cuts on the capacity rows (for at most 30% of the time left):
        // a stronger bound and reduced costs, and the cuts go into every round's model.
        let covers = SingleSourceCovers(model: model, deadline: remaining().map { deadline(0.3 * $0) } ?? .now + .seconds(3600))
        lpOptions.lazyRows = covers
        let lp = try GLPKSolver.solve(full.relaxed(), options: lpOptions)
        report.coverCuts = covers.recorded.count
        report.lpSeconds = lp.seconds
        if lp.status == .limitWithoutSolution || lp.status == .feasible {
            let message = "time limit reached in the LP relaxation; the heuristic's plan, with the Lagrangian bound where every area must be served"
            if let prior, let result = unproven(prior.plan, message) { return result }
            let search = heuristic(for: model, objective: full)
            let heuristicStart = ContinuousClock.now
            if var found = search.solve(guide: search.greedyGuide(), deadline: deadline(0.5 * (remaining() ?? 0))),
               let point = point(of: found.keep, found.areaSite, in: model), full.infeasibility(of: point) == nil {
                report.heuristicSeconds = seconds(since: heuristicStart)
                if search.mustServe {
                    let pass = lagrangian(search, model: model, full: full, found: &found, multipliers: nil,
                                          seconds: remaining() ?? 0, report: &report)
                    report.lagrangianBound = stronger(report.lagrangianBound, pass.bound)
                }
                if let result = unproven(found, message) { return result }
            }
        }
        guard lp.status == .optimal, let lower = lp.objective, lp.reducedCosts.count == full.variableCount else {
            var plain = options
            plain.timeLimit = remaining()
            return finish(try solve(full, options: plain), model)
        }
        report.lpBound = lower

        let heuristicStart = ContinuousClock.now
        let search = heuristic(for: model, objective: full)
        // Two starts, the sites the LP opens most and the uncapacitated greedy's, half the time
        // each: neither wins everywhere (pmedcap20: 1,087 from the LP's sites, 1,020 from the
        // greedy's; the optimum is 1,005).
        let budget = min(5, 0.2 * (remaining() ?? .infinity)) / 2
        func feasible(_ plan: SingleSourceHeuristic.Result) -> Bool {
            point(of: plan.keep, plan.areaSite, in: model).map { full.infeasibility(of: $0) == nil } ?? false
        }
        var found: SingleSourceHeuristic.Result?
        for guide in [siteValues(model, lp.values), search.greedyGuide()] {
            if let plan = search.solve(guide: guide, deadline: deadline(budget)), feasible(plan),
               found.map({ plan.cost < $0.cost }) ?? true {
                found = plan
            }
        }
        report.heuristicSeconds += seconds(since: heuristicStart)
        if let prior, found.map({ prior.plan.cost < $0.cost }) ?? true { found = prior.plan }
        guard var found, let point = point(of: found.keep, found.areaSite, in: model), full.infeasibility(of: point) == nil else {
            var plain = options
            plain.timeLimit = remaining()
            return finish(try solve(full, options: plain), model)
        }
        report.heuristicObjective = full.objectiveValue(of: point)

        var lagrangianPass: (relaxation: SingleSourceLagrangian, multipliers: [Double])?
        if let prior, prior.converged, found.cost >= prior.plan.cost - 1e-9 {
            // A second pass from the same multipliers ends at the same bound, and its polish
            // starts from the plan the first one polished (measured on pmedcap08 and 20: the same
            // bound and plan, 0.3 and 1.0 s). Its relaxation, over the model before this
            // reduction, bounds this one too, so its fixing stays exact.
            lagrangianPass = (prior.relaxation, prior.multipliers)
        } else if search.mustServe {
            let pass = lagrangian(search, model: model, full: full, found: &found, multipliers: prior?.multipliers,
                                  polished: prior?.plan.cost, seconds: min(10, 0.3 * (remaining() ?? .infinity)), report: &report)
            report.lagrangianBound = stronger(report.lagrangianBound, pass.bound)
            lagrangianPass = (pass.relaxation, pass.multipliers)
        }

        /// The model reduced against a plan of objective `upper`, with the plan as its point and
        /// the model's columns with the kept sites' bounds.
        func reduced(keep: [Bool], areaSite: [Int?], upper: Double) -> (model: PlanningModel, linear: LinearModel, point: [Double])? {
            // Against the objective a better plan must reach; the plan's own columns stay.
            let gap = minimising ? beating(upper) - lower : lower - beating(upper), tolerance = 1e-6 * max(1, abs(upper))
            let used = Self.point(of: keep, areaSite, in: model) ?? []
            func provenAbsent(_ column: Int) -> Bool {
                let worsening = minimising ? lp.reducedCosts[column] : -lp.reducedCosts[column]
                return lp.values[column] < 1e-9 && worsening > gap + tolerance
            }
            // A column at 1 whose reduced cost says that lowering it costs more than the gap.
            func provenPresent(_ column: Int) -> Bool {
                let worsening = minimising ? -lp.reducedCosts[column] : lp.reducedCosts[column]
                return lp.values[column] > 1 - 1e-9 && worsening > gap + tolerance
            }
            var fixings = baseFixings
            for (column, pair) in model.singleSourced?.columnPairs ?? [] where provenAbsent(column) && !(used.indices.contains(column) && used[column] > 0.5) {
                fixings.excludedPairs.insert(pair)
            }
            var closed = Set(fixings.closedSites), kept = Set(fixings.keptSites)
            for j in 0 ..< model.instance.siteCount {
                guard let column = model.siteColumn[j] else { continue }
                if !keep[j], provenAbsent(column) { closed.insert(j) }
                if keep[j], provenPresent(column) { kept.insert(j) }
            }
            if let lagrangianPass {
                let more = lagrangianFixings(lagrangianPass.relaxation, lagrangianPass.multipliers, model: model, full: full,
                                             keep: keep, areaSite: areaSite, upper: beating(upper))
                fixings.excludedPairs.formUnion(more.excludedPairs)
                closed.formUnion(more.closedSites)
                kept.formUnion(more.keptSites)
            }
            fixings.closedSites = closed.sorted()
            fixings.keptSites = kept.sorted()
            report.pairsFixedByReducedCost = fixings.excludedPairs.count
            report.sitesFixedByReducedCost = fixings.closedSites.count
            report.sitesKeptByReducedCost = fixings.keptSites.count
            let smaller = PlanningModel(instance: model.instance, specification: model.specification, areaIDs: areaIDs,
                                        fixings: fixings)
            let linear = covers.adding(to: fixings.keeping(in: smaller, smaller.formulation.linearModel()), of: smaller)
            // Never expected to fail (fixing keeps every column the plan uses).
            guard let point = Self.point(of: keep, areaSite, in: smaller), linear.infeasibility(of: point) == nil else { return nil }
            report.assignmentColumns = smaller.singleSourced?.columnPairs.count ?? 0
            return (smaller, linear, point)
        }

        // The Lagrangian's plans may have improved on the heuristic's first one.
        let incumbent = Self.point(of: found.keep, found.areaSite, in: model) ?? point
        let best = full.objectiveValue(of: incumbent)
        report.heuristicObjective = best
        guard var current = reduced(keep: found.keep, areaSite: found.areaSite, upper: best) else {
            var plain = options
            plain.timeLimit = remaining()
            plain.incumbent = incumbent
            return finish(try solve(full, options: plain), model)
        }
        // Each round stops at its first better plan once its slice (doubling) has passed, and the
        // next solves the model reduced against that plan; without a better plan it runs on to the
        // end. (Stopping at the slice's end whatever happened restarted the same search on the same
        // model where no better plan came: on pmedcap14 and 20, whose heuristic plan is the
        // optimum, a second of the 10 lost.)
        var slice = max(1, 2 * lp.seconds)
        while true {
            var round = options
            round.incumbent = current.point
            round.objectiveStep = step
            round.timeLimit = remaining()
            round.stopAtBetterPlanAfter = slice
            // Sites before assignments: measured on pmedcap (30 s limit, same run, with the
            // cover cuts) 2-3 times less CPU to the proof on pmedcap10, 17, 18 and 19.
            round.branchFirst = current.model.siteColumn.compactMap { $0 }
            let solution = try solve(current.linear, options: round)
            report.rounds += 1
            guard solution.stoppedAtBetterPlan, let objective = solution.objective else {
                return finish(solution, current.model)
            }
            let decided = decisions(of: solution, in: current.model)
            if let next = reduced(keep: decided.keep, areaSite: decided.areaSite, upper: objective) {
                current = next
            } else {
                current.point = solution.values
            }
            slice *= 2
        }
    }

    /// One run of the Lagrangian relaxation (`SingleSourceLagrangian`) over `model`: subgradient
    /// steps from `multipliers` (else from the costs of `found`'s assignment) for `seconds`, each
    /// step's sites repaired into plans by the heuristic, the best polished by site swaps unless it
    /// is no better than a plan of cost `polished` that an earlier pass polished (the polish is
    /// deterministic: on pmedcap14 it repeated 0.4 s of work for the same plan); `found`
    /// becomes the best plan seen. Returns the relaxation, its best multipliers, its bound and the
    /// best plan's objective, both in the model's objective units.
    private static func lagrangian(_ search: SingleSourceHeuristic, model: PlanningModel, full: LinearModel,
                                   found: inout SingleSourceHeuristic.Result, multipliers: [Double]?, polished: Double? = nil,
                                   seconds budget: Double, report: inout SingleSourceReport)
        -> (relaxation: SingleSourceLagrangian, multipliers: [Double], bound: Double, objective: Double, converged: Bool) {
        let sign = full.sense == .minimise ? 1.0 : -1.0
        let relaxation = SingleSourceLagrangian(search)
        let start = ContinuousClock.now
        var u = [Double](repeating: 0, count: model.instance.areaCount)
        if let multipliers {
            u = multipliers
        } else {
            for i in u.indices { u[i] = found.areaSite[i].flatMap { site in search.options[i].first { $0.site == site }?.cost } ?? 0 }
        }
        var best = found
        let result = relaxation.maximise(start: u, upper: best.cost, deadline: start + .milliseconds(Int(budget * 1000))) { keep, preferred in
            if let plan = search.assign(keep, preferred: preferred), plan.cost < best.cost - 1e-9,
               let candidate = point(of: plan.keep, plan.areaSite, in: model), full.infeasibility(of: candidate) == nil {
                best = plan
            }
            return best.cost
        }
        // The relaxation's best plan, polished by site swaps and kicks (for a third as long again at most).
        if polished.map({ best.cost < $0 - 1e-9 }) ?? true {
            let better = search.improvingSites(best, kicks: 20, deadline: .now + .milliseconds(Int(min(5, budget / 3) * 1000)))
            if better.cost < best.cost - 1e-9, let candidate = point(of: better.keep, better.areaSite, in: model),
               full.infeasibility(of: candidate) == nil {
                best = better
            }
        }
        found = best
        report.lagrangianSeconds += seconds(since: start)
        // The heuristic's costs leave out the objective's constant.
        return (relaxation, result.multipliers, full.objectiveConstant + sign * result.bound,
                full.objectiveConstant + sign * best.cost, result.converged)
    }

    /// The sites and pairs of `model` that the Lagrangian relaxation at `multipliers` proves absent
    /// from every plan at least as good as `upper` (in objective units); the plan `keep`,
    /// `areaSite` stays whole (its sites kept, its pairs present), so that fixing against a
    /// `upper` a step better than it loses no plan better than it, and never the plan itself.
    private static func lagrangianFixings(_ relaxation: SingleSourceLagrangian, _ multipliers: [Double], model: PlanningModel,
                                          full: LinearModel, keep: [Bool], areaSite: [Int?], upper: Double) -> ReducedCostFixings {
        let sign = full.sense == .minimise ? 1.0 : -1.0
        let absent = relaxation.provenAbsent(multipliers, upper: sign * (upper - full.objectiveConstant))
        let pairOfColumn = Dictionary(uniqueKeysWithValues: (model.singleSourced?.columnPairs ?? []).map { ($0.column, $0.pair) })
        var fixings = ReducedCostFixings()
        for (i, options) in model.assignment.enumerated() {
            for option in options where option.site != areaSite[i] && absent.pairs.contains(SingleSourceLagrangian.Pair(area: i, site: option.site)) {
                if let pair = pairOfColumn[option.column] { fixings.excludedPairs.insert(pair) }
            }
        }
        fixings.closedSites = absent.sites.filter { !keep[$0] }
        fixings.keptSites = absent.kept.filter { keep[$0] }
        return fixings
    }

    /// The heuristic over `model`'s columns, with costs taken from the model's objective (so it
    /// minimises whatever the objective is).
    private static func heuristic(for model: PlanningModel, objective full: LinearModel) -> SingleSourceHeuristic {
        let sign = full.sense == .minimise ? 1.0 : -1.0
        let instance = model.instance, spec = model.specification
        let options = model.assignment.map { pairs in
            pairs.map { (site: $0.site, cost: sign * full.objectiveCoefficient(of: $0.column)) }
        }
        return SingleSourceHeuristic(
            demand: instance.areaDemand, options: options,
            mustServe: spec.objective == .minTravel || spec.constraints.maxMinutes != nil,
            capacity: instance.siteCapacity.map { $0 ?? .infinity },
            siteCost: model.siteColumn.map { column in column.map { sign * full.objectiveCoefficient(of: $0) } ?? 0 },
            fixedOpen: model.siteFixedOpen, free: model.siteColumn.map { $0 != nil },
            minOpen: spec.constraints.minSites ?? 0, maxOpen: spec.constraints.maxSites ?? Int.max)
    }

    /// Each site's value in an LP solution (1 for sites kept whatever, 0 for closed ones).
    private static func siteValues(_ model: PlanningModel, _ values: [Double]) -> [Double] {
        (0 ..< model.instance.siteCount).map { j in
            model.siteColumn[j].map { values[$0] } ?? (model.siteFixedOpen[j] ? 1 : 0)
        }
    }

    /// The kept sites and each area's site in a solution of `model`.
    private static func decisions(of solution: Solution, in model: PlanningModel) -> (keep: [Bool], areaSite: [Int?]) {
        var keep = model.siteFixedOpen
        for j in 0 ..< model.instance.siteCount {
            if let column = model.siteColumn[j], solution[column] > 0.5 { keep[j] = true }
        }
        let areaSite = model.assignment.map { pairs in pairs.first { solution[$0.column] > 0.5 }?.site }
        return (keep, areaSite)
    }

    /// A plan as a point of `model`; nil when it keeps a site the model has closed or uses a pair
    /// the model has no column for.
    private static func point(of keep: [Bool], _ areaSite: [Int?], in model: PlanningModel) -> [Double]? {
        var values = [Double](repeating: 0, count: model.formulation.variableCount)
        for j in 0 ..< model.instance.siteCount where keep[j] {
            if let column = model.siteColumn[j] { values[column] = 1 } else if !model.siteFixedOpen[j] { return nil }
        }
        for (i, site) in areaSite.enumerated() {
            guard let site else { continue }
            guard let pair = model.assignment[i].first(where: { $0.site == site }) else { return nil }
            values[pair.column] = 1
        }
        return values
    }
}

/// Sites and pairs that reduced-cost fixing removed from a single-sourcing model.
struct ReducedCostFixings {
    /// Candidate sites closed.
    var closedSites: [Int] = []
    /// Pairs (indices into the instance's pairs) without an assignment column.
    var excludedPairs: Set<Int> = []
    /// Candidate sites kept: every plan as good as the one fixed against keeps them.
    var keptSites: [Int] = []

    /// `linear` (the linear model of `model`) with the kept sites' columns at 1. Why bounds and
    /// not a model without the column: the planning model's sites kept whatever are the
    /// scenario's, reported as such; these are only a consequence of a bound and a known plan.
    func keeping(in model: PlanningModel, _ linear: LinearModel) -> LinearModel {
        var bounded = linear
        for j in keptSites { if let column = model.siteColumn[j] { bounded.setBounds(column, lower: 1, upper: 1) } }
        return bounded
    }
}
