import Estate
import Optimisation

/// Single sourcing: the LP relaxation, a heuristic plan as incumbent, reduced-cost fixing, and
/// branch and cut in rounds that fix more as better plans turn up. Together they make the
/// capacitated p-median references solvable with GLPK, whose own search finds capacity-feasible
/// plans late and fixes nothing by reduced cost.
extension Planner {
    /// The proven result of a single-sourcing model and the (possibly reduced) model it solved.
    struct SingleSourceResult {
        var model: PlanningModel
        var solution: Solution
        var report: SingleSourceReport
    }

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
        let full = model.formulation.linearModel()
        var lpOptions = options
        // Most of the time at most: a model whose LP takes longer will not be proven anyway, and
        // the rest goes to a heuristic plan, so that the run still reports one.
        lpOptions.timeLimit = remaining().map { 0.7 * $0 }
        let lp = try GLPKSolver.solve(full.relaxed(), options: lpOptions)
        report.lpSeconds = lp.seconds
        if lp.status == .limitWithoutSolution || lp.status == .feasible {
            let deadline = ContinuousClock.now + .milliseconds(Int((remaining() ?? 0) * 1000))
            let search = heuristic(for: model, objective: full)
            if let found = search.solve(guide: search.greedyGuide(), deadline: deadline),
               let point = point(of: found.keep, found.areaSite, in: model), full.infeasibility(of: point) == nil {
                report.heuristicObjective = full.objectiveValue(of: point)
                report.heuristicSeconds = seconds(since: start) - lp.seconds
                let solution = Solution(status: .feasible, objective: report.heuristicObjective, values: point,
                                        message: "time limit reached in the LP relaxation; the heuristic's plan, without a bound")
                return SingleSourceResult(model: model, solution: solution, report: report)
            }
        }
        guard lp.status == .optimal, let lower = lp.objective, lp.reducedCosts.count == full.variableCount else {
            var plain = options
            plain.timeLimit = remaining()
            return SingleSourceResult(model: model, solution: try solve(full, options: plain), report: report)
        }
        report.lpBound = lower

        let heuristicStart = ContinuousClock.now
        let budget = min(5, 0.2 * (remaining() ?? .infinity))
        let deadline = heuristicStart + .milliseconds(Int(budget * 1000))
        let search = heuristic(for: model, objective: full)
        let found = search.solve(guide: siteValues(model, lp.values), deadline: deadline)
        report.heuristicSeconds = seconds(since: heuristicStart)
        guard var found, let point = point(of: found.keep, found.areaSite, in: model), full.infeasibility(of: point) == nil else {
            var plain = options
            plain.timeLimit = remaining()
            return SingleSourceResult(model: model, solution: try solve(full, options: plain), report: report)
        }
        report.heuristicObjective = full.objectiveValue(of: point)

        let minimising = full.sense == .minimise
        let sign = minimising ? 1.0 : -1.0
        // The Lagrangian works in the heuristic's units: minimised, without the objective constant.
        func lagrangianUnits(_ objective: Double) -> Double { sign * (objective - full.objectiveConstant) }
        func objectiveUnits(_ value: Double) -> Double { full.objectiveConstant + sign * value }
        var lagrangian: (relaxation: SingleSourceLagrangian, multipliers: [Double])?
        if search.mustServe {
            let relaxation = SingleSourceLagrangian(search)
            let start = ContinuousClock.now
            let budget = min(10, 0.3 * (remaining() ?? .infinity))
            var u = [Double](repeating: 0, count: model.instance.areaCount)
            for i in u.indices { u[i] = found.areaSite[i].flatMap { site in search.options[i].first { $0.site == site }?.cost } ?? 0 }
            let result = relaxation.maximise(
                start: u, upper: lagrangianUnits(report.heuristicObjective!),
                deadline: start + .milliseconds(Int(budget * 1000))) { keep, preferred in
                    if let plan = search.assign(keep, preferred: preferred), plan.cost < found.cost - 1e-9,
                       let candidate = Self.point(of: plan.keep, plan.areaSite, in: model), full.infeasibility(of: candidate) == nil {
                        found = plan
                    }
                    return found.cost
                }
            // The relaxation's best plan, polished by site swaps for as long again as the heuristic had.
            let polished = search.improvingSites(found, deadline: .now + .milliseconds(Int(min(5, 0.1 * (remaining() ?? .infinity)) * 1000)))
            if polished.cost < found.cost - 1e-9, let candidate = Self.point(of: polished.keep, polished.areaSite, in: model),
               full.infeasibility(of: candidate) == nil {
                found = polished
            }
            report.lagrangianSeconds = seconds(since: start)
            report.lagrangianBound = objectiveUnits(result.bound)
            lagrangian = (relaxation, result.multipliers)
        }
        let columnOfPair: [SingleSourceLagrangian.Pair: Int] = Dictionary(uniqueKeysWithValues: model.assignment.enumerated().flatMap { i, pairs in
            pairs.map { (SingleSourceLagrangian.Pair(area: i, site: $0.site), $0.column) }
        })
        let pairOfColumn = Dictionary(uniqueKeysWithValues: (model.singleSourced?.columnPairs ?? []).map { ($0.column, $0.pair) })

        /// The model reduced against a plan of objective `upper`, with the plan as its point.
        func reduced(keep: [Bool], areaSite: [Int?], upper: Double) -> (model: PlanningModel, point: [Double])? {
            let gap = abs(upper - lower), tolerance = 1e-6 * max(1, abs(upper))
            func provenAbsent(_ column: Int) -> Bool {
                let worsening = minimising ? lp.reducedCosts[column] : -lp.reducedCosts[column]
                return lp.values[column] < 1e-9 && worsening > gap + tolerance
            }
            var fixings = ReducedCostFixings()
            for (column, pair) in model.singleSourced?.columnPairs ?? [] where provenAbsent(column) {
                fixings.excludedPairs.insert(pair)
            }
            var closed = Set<Int>()
            for j in 0 ..< model.instance.siteCount {
                if let column = model.siteColumn[j], !keep[j], provenAbsent(column) { closed.insert(j) }
            }
            if let lagrangian {
                let absent = lagrangian.relaxation.provenAbsent(lagrangian.multipliers, upper: lagrangianUnits(upper))
                for pair in absent.pairs {
                    if let column = columnOfPair[pair], let index = pairOfColumn[column] { fixings.excludedPairs.insert(index) }
                }
                for j in absent.sites where !keep[j] { closed.insert(j) }
            }
            fixings.closedSites = closed.sorted()
            report.pairsFixedByReducedCost = fixings.excludedPairs.count
            report.sitesFixedByReducedCost = fixings.closedSites.count
            let smaller = PlanningModel(instance: model.instance, specification: model.specification, areaIDs: areaIDs,
                                        fixings: fixings)
            // Never expected to fail (fixing keeps every column the plan uses).
            guard let point = Self.point(of: keep, areaSite, in: smaller),
                  smaller.formulation.linearModel().infeasibility(of: point) == nil else { return nil }
            report.assignmentColumns = smaller.singleSourced?.columnPairs.count ?? 0
            return (smaller, point)
        }

        // The Lagrangian's plans may have improved on the heuristic's first one.
        let incumbent = Self.point(of: found.keep, found.areaSite, in: model) ?? point
        var best = full.objectiveValue(of: incumbent)
        report.heuristicObjective = best
        /// The solution with the Lagrangian bound where it is the stronger proof.
        func finish(_ solution: Solution, _ solved: PlanningModel) -> SingleSourceResult {
            var proven = solution
            if let lagrangianBound = report.lagrangianBound, let objective = solution.objective, solution.hasSolution {
                let bound = solution.bound.map { minimising ? max($0, lagrangianBound) : min($0, lagrangianBound) } ?? lagrangianBound
                proven.bound = minimising ? min(bound, objective) : max(bound, objective)
                proven.gap = Solution.relativeGap(objective: objective, bound: proven.bound!)
            }
            return SingleSourceResult(model: solved, solution: proven, report: report)
        }
        guard var current = reduced(keep: found.keep, areaSite: found.areaSite, upper: best) else {
            var plain = options
            plain.timeLimit = remaining()
            plain.incumbent = incumbent
            return finish(try solve(full, options: plain), model)
        }
        var slice = max(1, 2 * lp.seconds)
        while true {
            let left = remaining()
            let isLast = slice == .infinity || (left.map { $0 <= slice } ?? false)
            var round = options
            round.incumbent = current.point
            round.timeLimit = isLast ? left : slice
            let solution = try solve(current.model.formulation.linearModel(), options: round)
            report.rounds += 1
            guard !isLast, solution.status == .feasible, let objective = solution.objective else {
                return finish(solution, current.model)
            }
            guard minimising ? objective < best - 1e-9 : objective > best + 1e-9 else {
                // No better plan this round: the rest of the time goes to one last round.
                slice = .infinity
                continue
            }
            best = objective
            let decided = decisions(of: solution, in: current.model)
            if let next = reduced(keep: decided.keep, areaSite: decided.areaSite, upper: objective) {
                current = next
            } else {
                current.point = solution.values
            }
            slice *= 2
        }
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
}
