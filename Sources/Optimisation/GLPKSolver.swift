import CGLPK
import CGLPKGuard

/// Solves a ``LinearModel`` with GLPK.
///
/// Guarantees: the model and options are validated in Swift first (GLPK aborts the
/// process on bad arguments), and every GLPK call that could still fail runs under a
/// C `setjmp` guard, so a GLPK failure becomes ``TerminationStatus/error``, never an
/// abort. GLPK prints nothing unless ``SolveOptions/verbose`` (its terminal switch is
/// per thread and set on every solve). The GLPK problem is owned by one object that
/// frees it, and the thread's GLPK environment is freed after each solve.
/// Thread-safe for independent models solved on separate threads (GLPK 5.0 keeps its
/// environment in thread-local storage); one solve never spans threads.
public enum GLPKSolver {
    /// Solves `model`; throws ``ModelError`` for an invalid model or options, and
    /// otherwise reports every outcome (including GLPK failures) in the ``Solution``.
    public static func solve(_ model: LinearModel, options: SolveOptions = SolveOptions()) throws -> Solution {
        try model.validate()
        try options.validate(variableCount: model.variableCount)
        let isMIP = model.kinds.contains { $0 != .continuous }
        var incumbent: [Double]?
        if isMIP, let given = options.incumbent {
            let rounded = given.indices.map { model.kinds[$0] == .continuous ? given[$0] : given[$0].rounded() }
            if let reason = model.infeasibility(of: rounded) { throw ModelError.incumbentInfeasible(reason: reason) }
            incumbent = rounded
        }
        let start = ContinuousClock.now
        var solution: Solution
        if model.variableCount == 0 {
            solution = solveEmpty(model)
        } else {
            estate_glpk_begin(options.verbose ? 1 : 0)
            var run = Run(model: model, options: options, incumbent: incumbent, isMIP: isMIP, start: start)
            solution = run.solve()
            solution.generatedRows = run.generatedRows
            if let pointer = run.problem.pointer { solution.iterations = Int(glp_get_it_cnt(pointer)) }
            // Free the problem explicitly before the environment that holds it.
            run.problem.free()
            estate_glpk_end()
        }
        let elapsed = ContinuousClock.now - start
        solution.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return solution
    }

    /// A model without variables: optimal at the objective constant when every row admits 0.
    static func solveEmpty(_ model: LinearModel) -> Solution {
        for r in 0 ..< model.rowCount where model.rowLower[r] > 0 || model.rowUpper[r] < 0 {
            return Solution(status: .infeasible, message: "row \(r) excludes 0 and there are no variables")
        }
        return Solution(status: .optimal, objective: model.objectiveConstant, bound: model.objectiveConstant,
                        gap: 0, values: [])
    }
}

/// One solve on the current thread: owns the GLPK problem for its duration.
private struct Run {
    let model: LinearModel
    let options: SolveOptions
    let incumbent: [Double]?
    let isMIP: Bool
    let start: ContinuousClock.Instant
    let problem = GLPKProblem()
    /// Rows the lazy row generator added during branch and cut.
    var generatedRows = 0
    /// Whether the problem starts from ``SolveOptions/startBasis``.
    var warmStart = false

    init(model: LinearModel, options: SolveOptions, incumbent: [Double]?, isMIP: Bool,
         start: ContinuousClock.Instant) {
        self.model = model
        self.options = options
        self.incumbent = incumbent
        self.isMIP = isMIP
        self.start = start
    }

    var constant: Double { model.objectiveConstant }
    var minimising: Bool { model.sense == .minimise }

    mutating func solve() -> Solution {
        guard problem.load(model) else { return fatal("loading the model") }
        if let basis = options.startBasis, basis.fits(rowCount: model.rowCount, columnCount: model.variableCount),
           let pointer = problem.pointer {
            basis.apply(to: pointer, rowCount: model.rowCount)
            warmStart = true
        }
        if !isMIP {
            guard let generator = options.lazyRows else { return solveLP(presolve: options.presolve) }
            return solveLP(generatingRowsWith: generator)
        }
        // The root relaxation is solved here, not inside glp_intopt: its own LP solve is always
        // GLPK's primal simplex (measured up to 25 times slower on the location models than the
        // dual), and only an unpresolved branch-and-cut accepts our incumbent. GLPK's LP presolver
        // (when asked) recovers an optimal basis of the original problem for it.
        var parm = simplexParameters(presolve: options.presolve)
        guard let code = simplex(&parm) else { return fatal("solving the LP relaxation") }
        if code == GLP_ENOPFS { return Solution(status: .infeasible) }
        if code == GLP_ENODFS {
            var again = simplexParameters(presolve: false)
            guard let second = simplex(&again) else { return fatal("classifying the LP relaxation") }
            if second == 0 && glp_get_status(problem.pointer) == GLP_NOFEAS { return Solution(status: .infeasible) }
            return Solution(status: .unbounded, message: "the LP relaxation is unbounded")
        }
        let status = glp_get_status(problem.pointer)
        if code == 0 && status == GLP_OPT {
            let basis = finalBasis()
            var solution = (options.lazyRows == nil ? integralRelaxation() : nil)
                ?? solveMIP(lpBound: glp_get_obj_val(problem.pointer) + constant)
            solution.basis = basis
            return solution
        }
        if code == GLP_ETMLIM { return limitReached(glpkValues: nil, glpkObjective: nil, bound: nil) }
        if code == GLP_EITLIM { return limitReached(glpkValues: nil, glpkObjective: nil, bound: nil, reason: "iteration limit reached") }
        if code == 0 && status == GLP_NOFEAS { return Solution(status: .infeasible) }
        if code == 0 && status == GLP_UNBND {
            return Solution(status: .unbounded, message: "the LP relaxation is unbounded")
        }
        return failure("LP relaxation", code: code)
    }

    // MARK: LP

    mutating func solveLP(presolve: Bool) -> Solution {
        var parm = simplexParameters(presolve: presolve)
        guard let code = simplex(&parm) else { return fatal("solving the LP") }
        if code == GLP_ENOPFS { return Solution(status: .infeasible) }
        if code == GLP_ENODFS { return presolve ? solveLP(presolve: false) : Solution(status: .infeasible) }
        let status = glp_get_status(problem.pointer)
        if code == GLP_ETMLIM || code == GLP_EITLIM {
            let reason = code == GLP_ETMLIM ? "time limit reached" : "iteration limit reached"
            if status == GLP_FEAS {
                let values = problem.lpValues(count: model.variableCount)
                return Solution(status: .feasible, objective: glp_get_obj_val(problem.pointer) + constant,
                                values: values, message: reason)
            }
            return Solution(status: .limitWithoutSolution, message: reason)
        }
        guard code == 0 else { return failure("simplex", code: code) }
        switch status {
        case GLP_OPT:
            let objective = glp_get_obj_val(problem.pointer) + constant
            var solution = Solution(status: .optimal, objective: objective, bound: objective, gap: 0,
                                    values: problem.lpValues(count: model.variableCount))
            solution.reducedCosts = problem.reducedCosts(count: model.variableCount)
            solution.basis = finalBasis()
            return solution
        case GLP_NOFEAS: return Solution(status: .infeasible)
        case GLP_UNBND: return Solution(status: .unbounded)
        default: return failure("simplex (status \(status))", code: code)
        }
    }

    /// An LP with row generation (Kelley's cutting planes): solve, add the rows the solution
    /// violates, and solve again from the last basis (new rows' slacks basic, so the dual simplex
    /// resumes where it stopped) until no row is violated.
    ///
    /// Each round's optimum is that of the LP over a subset of the rows, so it bounds the whole
    /// LP (and every integer point): when the time limit stops a later round, the last round's
    /// optimum is returned as ``Solution/bound``. (At England scale the rounds take most of a
    /// minute, and a limit inside them otherwise left no bound at all.)
    mutating func solveLP(generatingRowsWith generator: any LazyRowGenerator) -> Solution {
        let generation = RowGeneration(generator: generator, variableCount: model.variableCount)
        var presolve = options.presolve
        var lastRound: Double?
        while true {
            var solution = solveLP(presolve: presolve)
            guard solution.status == .optimal else {
                if solution.status == .feasible || solution.status == .limitWithoutSolution {
                    solution.bound = lastRound
                }
                return solution
            }
            lastRound = solution.objective
            presolve = false
            for j in 0 ..< model.variableCount { generation.point[j + 1] = solution.values[j] }
            var rows = estate_rows()
            generation.generate(x: generation.point, n: model.variableCount, into: &rows)
            if let invalid = generation.invalidRow { return Solution(status: .error, message: "row generation: \(invalid)") }
            if rows.count == 0 {
                // The model's rows, then the generated ones in the order they came.
                var optimum = solution
                if let pointer = problem.pointer {
                    optimum.basis = SimplexBasis(pointer, rowCount: Int(glp_get_num_rows(pointer)), columnCount: model.variableCount)
                }
                return optimum
            }
            guard estate_glpk_add_rows(problem.pointer, &rows) == ESTATE_GLPK_OK else {
                problem.forget()
                return fatal("adding generated rows")
            }
            generatedRows += Int(rows.count)
        }
    }

    // MARK: MIP

    /// The LP relaxation's optimum as the MIP's, when every integer column is integral in it (to
    /// 1e-6, with every row still met once they are rounded): branch and cut would only prove the
    /// same point, and with MIP preprocessing it solves the relaxation again from scratch first
    /// (on the Kent Family Hub Network, whose relaxation is integral, half the simplex
    /// iterations of the whole solve). Nil when some integer column is fractional. Not with lazy
    /// rows, which the relaxation has not been checked against.
    func integralRelaxation() -> Solution? {
        var values = problem.lpValues(count: model.variableCount)
        for j in values.indices where model.kinds[j] != .continuous {
            let rounded = values[j].rounded()
            guard abs(values[j] - rounded) <= 1e-6 else { return nil }
            values[j] = rounded
        }
        guard model.infeasibility(of: values) == nil else { return nil }
        let objective = model.objectiveValue(of: values)
        return Solution(status: .optimal, objective: objective, bound: objective, gap: 0, values: values)
    }

    mutating func solveMIP(lpBound: Double?) -> Solution {
        guard let remaining = remainingMilliseconds() else {
            return limitReached(glpkValues: nil, glpkObjective: nil, bound: lpBound)
        }
        var parm = glp_iocp()
        glp_init_iocp(&parm)
        parm.msg_lev = options.verbose ? GLP_MSG_ON : GLP_MSG_OFF
        // The preprocessing solves the relaxation again from scratch, which a warm start has just
        // saved: on a Kent explanation re-solve (the budget a step looser) 4,300 simplex
        // iterations after a warm root of 96, where the branch and cut without it took 180.
        parm.presolve = incumbent == nil && options.mipPresolve && options.lazyRows == nil && !warmStart ? GLP_ON : GLP_OFF
        parm.mip_gap = options.relativeGap
        switch options.branching {
        case .driebeckTomlin: parm.br_tech = GLP_BR_DTH
        case .pseudocost: parm.br_tech = GLP_BR_PCH
        case .mostFractional: parm.br_tech = GLP_BR_MFV
        }
        func cuts(_ family: CutFamilies) -> Int32 {
            options.cuts && options.cutFamilies.contains(family) ? GLP_ON : GLP_OFF
        }
        parm.gmi_cuts = cuts(.gomory)
        parm.mir_cuts = cuts(.mixedIntegerRounding)
        parm.cov_cuts = cuts(.cover)
        parm.clq_cuts = cuts(.clique)
        parm.fp_heur = options.heuristics && options.lazyRows == nil ? GLP_ON : GLP_OFF
        parm.ps_heur = options.heuristics && options.lazyRows == nil ? GLP_ON : GLP_OFF
        // GLPK's own heuristics (simple rounding included) accept points without asking the row
        // generator: with lazy rows such a point may break rows GLPK has not been given yet.
        if options.lazyRows != nil { parm.sr_heur = GLP_OFF }
        parm.tm_lim = remaining
        if let tolerance = objectiveTolerance() { parm.tol_obj = tolerance }
        parm.ps_tm_lim = min(parm.ps_tm_lim, remaining)

        let point = UnsafeMutablePointer<Double>.allocate(capacity: model.variableCount + 1)
        defer { point.deallocate() }
        var monitor = estate_mip_monitor()
        if let incumbent {
            point[0] = 0
            for j in 0 ..< incumbent.count { point[j + 1] = incumbent[j] }
            monitor.incumbent = UnsafePointer(point)
        }
        let generation = options.lazyRows.map { RowGeneration(generator: $0, variableCount: model.variableCount) }
        if let generation {
            monitor.generate_rows = RowGeneration.entry
            monitor.generator_context = Unmanaged.passUnretained(generation).toOpaque()
            monitor.point = generation.point
        }
        if options.timeLimit != nil { monitor.deadline = glp_time() + Double(remaining) }
        if let after = options.stopAtBetterPlanAfter, let incumbent {
            let ours = model.objectiveValue(of: incumbent) - constant, tolerance = 1e-9 * max(1, abs(ours))
            monitor.better_than = minimising ? ours - tolerance : ours + tolerance
            monitor.stop_at_better_from = glp_time() + max(0, 1000 * (after - elapsedSeconds()))
        }
        // Not with MIP preprocessing, whose tree holds a problem with other columns.
        let branchFirst = parm.presolve == GLP_ON ? [] : options.branchFirst
            .filter { (0 ..< model.variableCount).contains($0) && model.kinds[$0] != .continuous }
            .map { Int32($0 + 1) }
        if let limit = options.iterationLimit { monitor.iteration_limit = Int32(clamping: max(1, limit)) }
        var code: Int32 = 0
        let solved = branchFirst.withUnsafeBufferPointer { columns in
            monitor.branch_first = columns.baseAddress
            monitor.branch_first_count = Int32(columns.count)
            defer { monitor.branch_first = nil }
            return estate_glpk_intopt(problem.pointer, &parm, &monitor, &code) == ESTATE_GLPK_OK
        }
        guard solved else {
            problem.forget()
            return fatal("branch and cut")
        }
        generatedRows = Int(monitor.rows_added)
        if let invalid = withExtendedLifetime(generation, { generation?.invalidRow }) {
            return Solution(status: .error, message: "row generation: \(invalid)")
        }
        var bound = lpBound
        if monitor.has_bound != 0, abs(monitor.best_bound) < 1e300 {
            let treeBound = monitor.best_bound + constant
            bound = bound.map { minimising ? max($0, treeBound) : min($0, treeBound) } ?? treeBound
        }
        if monitor.has_root_bound != 0, abs(monitor.root_bound) < 1e300 {
            let rootBound = monitor.root_bound + constant
            bound = bound.map { minimising ? max($0, rootBound) : min($0, rootBound) } ?? rootBound
        }
        let status = glp_mip_status(problem.pointer)
        let hasValues = status == GLP_OPT || status == GLP_FEAS
        let values = hasValues ? problem.mipValues(model) : nil
        let objective = hasValues ? glp_mip_obj_val(problem.pointer) + constant : nil

        switch code {
        case 0, GLP_EMIPGAP:
            if status == GLP_NOFEAS { return Solution(status: .infeasible) }
            guard let values, let objective else { return failure("branch and cut (status \(status))", code: code) }
            if code == 0 && status == GLP_OPT {
                return Solution(status: .optimal, objective: objective, bound: objective, gap: 0, values: values)
            }
            // Stopped at the requested relative gap: optimal within it, with its real bound. GLPK
            // stops once |objective - best node bound| < mip_gap * |objective|, so the bound is at
            // least that close (the LP bound before row generation may be far weaker).
            var proven = bound.map { minimising ? min($0, objective) : max($0, objective) } ?? objective
            if code == GLP_EMIPGAP {
                let implied = options.relativeGap * (abs(objective) + 1e-12)
                proven = minimising ? max(proven, objective - implied) : min(proven, objective + implied)
            }
            return Solution(status: .optimal, objective: objective, bound: proven,
                            gap: Solution.relativeGap(objective: objective, bound: proven), values: values,
                            message: code == GLP_EMIPGAP ? "relative gap tolerance reached" : nil)
        case GLP_ETMLIM:
            return limitReached(glpkValues: values, glpkObjective: objective, bound: bound)
        case GLP_ESTOP where monitor.deadline_reached != 0:
            return limitReached(glpkValues: values, glpkObjective: objective, bound: bound)
        case GLP_ESTOP where monitor.better_plan_reached != 0:
            var better = limitReached(glpkValues: values, glpkObjective: objective, bound: bound, reason: "stopped at a better plan")
            better.stoppedAtBetterPlan = true
            return better
        case GLP_ESTOP where monitor.iteration_limit_reached != 0:
            return limitReached(glpkValues: values, glpkObjective: objective, bound: bound, reason: "iteration limit reached")
        default:
            return failure("branch and cut", code: code)
        }
    }

    /// GLPK's relative objective tolerance (`tol_obj`) that prunes every node whose bound is
    /// within 0.99 of ``SolveOptions/objectiveStep`` of the incumbent: GLPK prunes when the bound
    /// is within `tol_obj * (1 + |incumbent|)`, so the tolerance is scaled by the largest
    /// |incumbent| the search can hold: the one we give it when the objective is nonnegative and
    /// minimised (later incumbents are smaller), else the objective's largest value within the
    /// bounds. Nil when the step is not asked for or not safe to apply.
    private func objectiveTolerance() -> Double? {
        // Only a step the model's own spacing is a whole multiple of.
        guard let step = options.objectiveStep, step > 0, let own = model.objectiveStep,
              (own / step).rounded() == own / step else { return nil }
        var largest = model.objectiveMagnitudeLimit()
        if minimising, model.objectiveIsNonnegative, let incumbent {
            let ours = abs(model.objectiveValue(of: incumbent) - constant)
            largest = min(largest ?? ours, ours)
        }
        guard let largest else { return nil }
        // Never tighter than GLPK's default.
        return max(1e-7, 0.99 * step / (1 + largest))
    }

    /// A time or iteration limit: the best of GLPK's incumbent and ours, or no solution.
    func limitReached(glpkValues: [Double]?, glpkObjective: Double?, bound: Double?,
                      reason: String = "time limit reached") -> Solution {
        var values = glpkValues, objective = glpkObjective
        if let incumbent {
            let ours = model.objectiveValue(of: incumbent)
            if objective.map({ minimising ? ours < $0 : ours > $0 }) ?? true {
                values = incumbent
                objective = ours
            }
        }
        guard let values, let objective else {
            return Solution(status: .limitWithoutSolution, bound: bound, message: reason)
        }
        let proven = bound.map { minimising ? min($0, objective) : max($0, objective) }
        return Solution(status: .feasible, objective: objective, bound: proven,
                        gap: proven.map { Solution.relativeGap(objective: objective, bound: $0) },
                        values: values, message: reason)
    }

    // MARK: Helpers

    func simplexParameters(presolve: Bool) -> glp_smcp {
        var parm = glp_smcp()
        glp_init_smcp(&parm)
        parm.msg_lev = options.verbose ? GLP_MSG_ON : GLP_MSG_OFF
        // The presolver would discard a start basis.
        parm.presolve = presolve && !warmStart ? GLP_ON : GLP_OFF
        parm.meth = options.simplex == .dual ? GLP_DUALP : GLP_PRIMAL
        if options.longStepRatioTest && parm.meth == GLP_DUALP { parm.r_test = GLP_RT_FLIP }
        parm.tm_lim = remainingMilliseconds() ?? 0
        if let limit = options.iterationLimit { parm.it_lim = Int32(clamping: max(1, limit)) }
        return parm
    }

    /// Runs glp_simplex under the guard; nil after a fatal error.
    func simplex(_ parm: inout glp_smcp) -> Int32? {
        var code: Int32 = 0
        guard estate_glpk_simplex(problem.pointer, &parm, &code) == ESTATE_GLPK_OK else {
            problem.forget()
            return nil
        }
        // A start basis the changed model made invalid or singular: start again from the standard one.
        if warmStart, [GLP_EBADB, GLP_ESING, GLP_ECOND].contains(code), let pointer = problem.pointer {
            glp_std_basis(pointer)
            guard estate_glpk_simplex(pointer, &parm, &code) == ESTATE_GLPK_OK else {
                problem.forget()
                return nil
            }
        }
        return code
    }

    /// The basis of the last simplex solve, for ``Solution/basis`` (nil with lazy rows, which
    /// add rows the model does not have).
    func finalBasis() -> SimplexBasis? {
        guard options.lazyRows == nil, let pointer = problem.pointer else { return nil }
        return SimplexBasis(pointer, rowCount: model.rowCount, columnCount: model.variableCount)
    }

    /// Milliseconds left of the time limit (Int32.max without one); nil when none is left.
    func remainingMilliseconds() -> Int32? {
        guard let limit = options.timeLimit else { return Int32.max }
        let left = (limit - elapsedSeconds()) * 1000
        guard left >= 1 else { return nil }
        return Int32(min(left, Double(Int32.max)))
    }

    /// Seconds since the solve began.
    func elapsedSeconds() -> Double {
        let used = ContinuousClock.now - start
        return Double(used.components.seconds) + Double(used.components.attoseconds) * 1e-18
    }

    func fatal(_ stage: String) -> Solution {
        Solution(status: .error, message: "GLPK failed while \(stage): \(capturedMessage())")
    }

    func failure(_ stage: String, code: Int32) -> Solution {
        Solution(status: .error, message: "GLPK \(stage) returned \(Self.codeName(code)): \(capturedMessage())")
    }

    func capturedMessage() -> String {
        let text = String(cString: estate_glpk_message())
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingPrefix(while: \.isWhitespace) }
        return lines.filter { !$0.isEmpty }.joined(separator: "; ")
    }

    static func codeName(_ code: Int32) -> String {
        let names: [Int32: String] = [
            GLP_EBADB: "GLP_EBADB (invalid basis)", GLP_ESING: "GLP_ESING (singular matrix)",
            GLP_ECOND: "GLP_ECOND (ill-conditioned matrix)", GLP_EBOUND: "GLP_EBOUND (invalid bounds)",
            GLP_EFAIL: "GLP_EFAIL (solver failed)", GLP_EITLIM: "GLP_EITLIM (iteration limit)",
            GLP_EROOT: "GLP_EROOT (no optimal root LP)", GLP_ESTOP: "GLP_ESTOP (stopped)",
            GLP_ENOCVG: "GLP_ENOCVG (no convergence)", GLP_EINSTAB: "GLP_EINSTAB (numerical instability)",
        ]
        return names[code] ?? "code \(code)"
    }
}
