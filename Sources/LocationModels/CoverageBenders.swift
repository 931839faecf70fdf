import Optimisation

/// Branch-and-Benders-cut for the covering models (Cordeau, Furini and Ljubic, "Benders
/// decomposition for very large scale partial set covering and maximal covering location
/// problems", EJOR 2019).
///
/// The master keeps the site decisions y_j, one coverage share z_g in [0, 1] per group of clients
/// with the same covering sites, and every other row (site count, budget, coverage floors); the
/// links z_g <= Σ_{j covers g} y_j, one per group, are its Benders cuts: for fixed y the
/// subproblem max Σ w_g z_g is solved by z_g = min(1, Σ y_j), and its dual gives exactly that row.
/// They are handed to GLPK only where an LP solution violates one (``LazyRowGenerator``), on
/// fractional and integral points alike, so the master's LPs hold the links that bind and no more.
/// The planner and ``MaximalCoveringProblem`` both solve through ``solve(master:cuts:incumbent:options:)``.
public struct CoverageCuts: LazyRowGenerator {
    /// Per group: the column of its coverage share z_g.
    public let share: [Int]
    /// Per group: the columns of the sites that cover it (y_j).
    public let covering: [[Int]]

    public init(share: [Int], covering: [[Int]]) {
        precondition(share.count == covering.count, "one covering list per share column")
        self.share = share
        self.covering = covering
    }

    public func violatedRows(at values: [Double]) -> [LazyRow] {
        share.indices.compactMap { g in isViolated(g, at: values) ? row(g) : nil }
    }

    /// Whether z_g exceeds the covering sites' sum at `values`.
    func isViolated(_ g: Int, at values: [Double]) -> Bool {
        let z = values[share[g]]
        guard z > Self.tolerance else { return false }
        var sum = 0.0
        for column in covering[g] {
            sum += values[column]
            if sum >= z { return false }
        }
        return z - sum > Self.tolerance
    }

    /// Whether group g's link holds with equality at `values` (it binds there).
    func isTight(_ g: Int, at values: [Double]) -> Bool {
        let sum = covering[g].reduce(0.0) { $0 + values[$1] }
        return sum - values[share[g]] <= Self.tolerance
    }

    /// Group g's link, z_g - Σ y_j <= 0.
    public func row(_ g: Int) -> LazyRow {
        LazyRow(columns: [share[g]] + covering[g], coefficients: [1] + covering[g].map { _ in -1 }, upper: 0)
    }

    /// Violations below this are GLPK's own feasibility tolerance's business.
    static let tolerance = 1e-6
}

public enum CoverageBenders {
    /// Whether `formulation` means Benders for a model of `groups` coverage links over `sites` free sites.
    public static func chosen(_ formulation: CoverageFormulation, groups: Int, sites: Int) -> Bool {
        switch formulation {
        case .benders: true
        case .compact: false
        case .automatic: prefersBenders(groups: groups, sites: sites)
        }
    }

    /// The measured rule (docs/solving.md, release build, generated clustered counties, CPU seconds
    /// of the whole `estate plan`): the compact model was faster at 3,355 area groups (2.8 s against
    /// 3.8 s) and equal on Kent (188 groups, 0.18 s); Benders was faster from 6,958 groups (1.5 s
    /// against 31.7 s) and 12,965 groups (4.3 s against 9.8 s), and at England scale (14,165 groups)
    /// it proved a 3.5% gap in 120 s where GLPK had not finished the compact model's root LP.
    /// What changes with size is the root LP: GLPK's dual simplex over every link at once, against
    /// Kelley's rounds over the links that bind.
    public static func prefersBenders(groups: Int, sites: Int) -> Bool {
        groups >= 5_000
    }

    /// Solves `master` (the covering model without its links) with `cuts` as lazy rows. The master
    /// starts with the links of the groups that `incumbent` (a feasible point of the whole model,
    /// GLPK's first incumbent) leaves uncovered: with every share at 1 those are the links its sites
    /// violate, the cuts Cordeau et al. start from. GLPK's MIP preprocessing and its own primal
    /// heuristics are off with lazy rows (``SolveOptions/lazyRows``); its cuts stay as `options` say.
    ///
    /// With an incumbent, the root comes first: the master's LP relaxation by Kelley's rounds over
    /// the links, whose bound equals the full model's. Its reduced costs fix every site that cannot
    /// change in a plan better than the incumbent (``ReducedCostFixing``), and the links tight at
    /// its optimum go into the master, so that GLPK's branch and cut starts from a smaller problem
    /// whose root LP needs no rounds. When the incumbent already meets the root bound it is returned
    /// as optimal without branch and cut.
    public static func solve(master: LinearModel, cuts: CoverageCuts, incumbent: [Double]?,
                             options: SolveOptions) throws -> CoverageSolve {
        try solve(master: master, cuts: cuts, incumbent: incumbent, options: options, searchesNearRoot: true)
    }

    /// `searchesNearRoot: false` leaves the incumbent as given, so that tests can check the fixing
    /// against an incumbent that is not optimal.
    static func solve(master: LinearModel, cuts: CoverageCuts, incumbent: [Double]?, options: SolveOptions,
                      searchesNearRoot: Bool) throws -> CoverageSolve {
        let start = ContinuousClock.now
        var model = master
        var result = CoverageSolve(solution: Solution(status: .limitWithoutSolution), rows: 0)
        var solveOptions = options
        solveOptions.lazyRows = cuts
        solveOptions.incumbent = incumbent
        if var incumbent {
            var open = incumbent
            for column in cuts.share { open[column] = 1 }
            for g in cuts.share.indices where cuts.isViolated(g, at: open) { add(cuts.row(g), to: &model) }
            let firstRows = model.rowCount
            let recorder = LinkRecorder(cuts: cuts)
            var rootOptions = options
            rootOptions.lazyRows = recorder
            rootOptions.incumbent = nil
            rootOptions.longStepRatioTest = true
            if let limit = options.timeLimit { rootOptions.timeLimit = max(0, limit - start.secondsElapsed) }
            let root = try GLPKSolver.solve(model.relaxed(), options: rootOptions)
            result.rootRows = root.generatedRows
            // Stopped by the limit: the last finished round's bound still holds, but no fixing.
            if root.status != .optimal { result.rootBound = root.bound }
            if root.status == .optimal, let bound = root.objective {
                result.rootBound = bound
                var kept = Array(0 ..< firstRows)
                for (k, g) in recorder.generated.enumerated() where cuts.isTight(g, at: root.values) {
                    add(cuts.row(g), to: &model)
                    kept.append(firstRows + k)
                }
                // Branch and cut (and the search near the root) start from the root's optimal
                // basis: solving that LP again from the slack basis took as long as the rounds
                // (20,532 simplex iterations at England scale).
                let rootBasis = root.basis?.keepingRows(kept)
                solveOptions.startBasis = rootBasis
                func closes(_ value: Double) -> Bool {
                    let gap = model.sense == .maximise ? bound - value : value - bound
                    return gap <= 1e-9 * max(1, abs(value)) || Solution.relativeGap(objective: value, bound: bound) <= options.relativeGap
                }
                // The parts after the root, so that they never take the time its bound needs (at
                // England scale, under load, a search before it left the root unfinished: a 4.3%
                // gap instead of 1.9%), and before the fixing and the search near the root, so
                // that both start from their plan.
                if searchesNearRoot, !closes(master.objectiveValue(of: incumbent)),
                   let better = try improveByParts(incumbent, master: master, cuts: cuts, options: options, start: start) {
                    incumbent = better.point
                    result.improvedObjective = master.objectiveValue(of: better.point)
                    result.sitesMoved = better.moves
                }
                if searchesNearRoot, !closes(master.objectiveValue(of: incumbent)), let better = try improve(
                    incumbent, model: model, cuts: cuts, root: root, basis: rootBasis, options: options,
                    seconds: min(root.seconds, 0.25 * max(0, (options.timeLimit ?? .infinity) - start.secondsElapsed))) {
                    incumbent = better
                    result.improvedObjective = master.objectiveValue(of: better)
                }
                let value = master.objectiveValue(of: incumbent)
                if closes(value) {
                    result.solution = Solution(status: .optimal, objective: value, bound: value, gap: 0,
                                               seconds: start.secondsElapsed, values: incumbent)
                    result.rows = model.rowCount
                    return result
                }
                // A fixing the incumbent breaks is left out: GLPK must still be able to take it.
                for (column, fixed) in ReducedCostFixing.fixings(model, relaxation: root, incumbent: value)
                where incumbent[column] == fixed {
                    model.setBounds(column, lower: fixed, upper: fixed)
                    result.fixedColumns += 1
                }
            }
            solveOptions.incumbent = incumbent
            if let limit = options.timeLimit { solveOptions.timeLimit = max(0, limit - start.secondsElapsed) }
        }
        result.solution = try GLPKSolver.solve(model, options: solveOptions)
        result.rows = model.rowCount
        if let rootBound = result.rootBound, result.solution.status != .optimal {
            // The root's bound holds for the whole model; GLPK's may be weaker when it stopped
            // early, or missing when the limit came before it had one.
            let bound = result.solution.bound.map { model.sense == .maximise ? min($0, rootBound) : max($0, rootBound) } ?? rootBound
            result.solution.bound = bound
            if result.solution.hasSolution, let objective = result.solution.objective {
                result.solution.gap = Solution.relativeGap(objective: objective, bound: bound)
            }
        }
        return result
    }

    /// A better plan than `incumbent` near the root LP (relaxation induced neighbourhood search,
    /// Danna, Rothberg and Le Pape 2005): every integer column on which the root's point and the
    /// incumbent agree is fixed there, and the few left are searched by branch and cut for at most
    /// `seconds`. Nil when it finds nothing better. The greedy's interchange stops at a local
    /// optimum of single swaps; the LP says which sites are worth trading together.
    static func improve(_ incumbent: [Double], model: LinearModel, cuts: CoverageCuts, root: Solution,
                        basis: SimplexBasis?, options: SolveOptions, seconds: Double) throws -> [Double]? {
        try search(incumbent, model: model, cuts: cuts, basis: basis, options: options, seconds: seconds) { j in
            model.kind(of: j) == .continuous || abs(root.values[j] - incumbent[j]) > 1e-6
        }.better
    }

    /// A better plan than `incumbent` found part by part: each part alone when only the count of
    /// sites binds the parts together (``CoveragePartSearch``, which moves sites between parts
    /// too), else within the whole model (``improveByParts(_:model:cuts:options:seconds:)``); for
    /// what is left of the time limit since `start`, as a backstop to their budgets.
    static func improveByParts(_ incumbent: [Double], master: LinearModel, cuts: CoverageCuts, options: SolveOptions,
                               start: ContinuousClock.Instant) throws -> CoveragePartSearch.Improvement? {
        let seconds = options.timeLimit.map { $0 - start.secondsElapsed } ?? .infinity
        if let parts = CoveragePartSearch(model: master, cuts: cuts) {
            return try parts.improve(incumbent, options: options, seconds: seconds)
        }
        return try improveByParts(incumbent, model: master, cuts: cuts, options: options, seconds: seconds)
            .map { CoveragePartSearch.Improvement(point: $0, moves: 0) }
    }

    /// A better plan than `incumbent` found one independent part at a time (``CoverageComponents``):
    /// in each part where the incumbent keeps some but not all of the sites and leaves some of its
    /// coverage out, branch and cut chooses the part's sites again with every other site and every
    /// other part's coverage held as the incumbent has them, smallest parts first, each for at
    /// most ``iterationsPerPart`` simplex iterations and all together for ``partsIterationBudget``
    /// (counts, so that what it finds does not depend on how busy the machine is; `seconds` stops
    /// it only as a backstop). Nil when no part improves. The interchange stops at a local optimum
    /// of single swaps; within a part this searches every trade, exactly where the part is small:
    /// at England scale (15 minutes, 300 of 3,000 sites) the parts of 193, 61, 61 and 30 sites
    /// alone held 12,774 more children than the interchange's plan.
    static func improveByParts(_ incumbent: [Double], model: LinearModel, cuts: CoverageCuts,
                               options: SolveOptions, seconds: Double) throws -> [Double]? {
        guard seconds > 0 else { return nil }
        let start = ContinuousClock.now
        let parts = CoverageComponents.parts(of: cuts)
        let groups = CoverageComponents.groups(of: parts, in: cuts)
        var point = incumbent, improved = false
        let searched = parts.indices.filter { k in
            CoverageComponents.isWorthSearching(sites: parts[k], groups: groups[k], at: point, model: model, cuts: cuts)
        }
        let isShare = Set(cuts.share)
        var budget = partsIterationBudget
        for k in searched {
            let left = seconds - start.secondsElapsed
            guard left > 0, budget > 0 else { break }
            var inPart = [Bool](repeating: false, count: model.variableCount)
            for column in parts[k] + groups[k].map({ cuts.share[$0] }) { inPart[column] = true }
            var partOptions = options
            partOptions.iterationLimit = min(budget, iterationsPerPart)
            let searched = try search(point, model: model, cuts: cuts, basis: nil, options: partOptions,
                                      seconds: left, freeing: { j in
                                          inPart[j] || (model.kind(of: j) == .continuous && !isShare.contains(j))
                                      })
            budget -= searched.iterations
            if let better = searched.better {
                point = better
                improved = true
            }
        }
        return improved ? point : nil
    }

    /// Simplex iterations of one part's search for its best plan with as many sites, within the
    /// whole model or alone (``CoveragePartSearch``). At England scale (release build, 2 Dec 2026)
    /// the part of 215 sites reached its best in 15,499, those of 248 and 355 sites stopped here
    /// with 6,506 and 5,498 children gained, and every part of up to 193 sites took under 1,700.
    static let iterationsPerPart = 20_000
    /// Simplex iterations of every part's search together, in one call: at England scale, what the
    /// parts up to 355 sites take, leaving the part of 961 sites, which gained nothing in 19,099
    /// iterations (16 CPU s), about 1,500.
    static let partsIterationBudget = 60_000

    /// Branch and cut over `model` with every free column that `freeing` does not name fixed at
    /// `incumbent`'s value, from `incumbent`, for at most `seconds`: the better plan it finds, or nil.
    private static func search(_ incumbent: [Double], model: LinearModel, cuts: CoverageCuts, basis: SimplexBasis?,
                               options: SolveOptions, seconds: Double, freeing: (Int) -> Bool) throws -> Search {
        guard seconds > 0 else { return Search(better: nil, iterations: 0) }
        var neighbourhood = model
        var free = 0
        for j in 0 ..< model.variableCount {
            let (lower, upper) = model.bounds(of: j)
            guard lower < upper else { continue }
            if freeing(j) {
                if model.kind(of: j) != .continuous { free += 1 }
            } else {
                let value = model.kind(of: j) == .continuous ? incumbent[j] : incumbent[j].rounded()
                neighbourhood.setBounds(j, lower: value, upper: value)
            }
        }
        guard free > 0 else { return Search(better: nil, iterations: 0) }
        var searchOptions = options
        searchOptions.lazyRows = cuts
        searchOptions.incumbent = incumbent
        searchOptions.timeLimit = seconds.isFinite ? seconds : nil
        searchOptions.startBasis = basis
        let found = try GLPKSolver.solve(neighbourhood, options: searchOptions)
        guard found.hasSolution, let objective = found.objective else { return Search(better: nil, iterations: found.iterations) }
        let before = model.objectiveValue(of: incumbent)
        let better = model.sense == .maximise ? objective > before + 1e-9 * max(1, abs(before)) : objective < before - 1e-9 * max(1, abs(before))
        return Search(better: better ? found.values : nil, iterations: found.iterations)
    }

    /// What ``search(_:model:cuts:basis:options:seconds:freeing:)`` found: the better plan (nil:
    /// none) and the simplex iterations it took.
    private struct Search {
        var better: [Double]?
        var iterations: Int
    }

    private static func add(_ row: LazyRow, to model: inout LinearModel) {
        model.addRow(columns: row.columns, coefficients: row.coefficients, upper: row.upper)
    }
}

/// What ``CoverageBenders/solve(master:cuts:incumbent:options:)`` did.
public struct CoverageSolve: Sendable {
    public var solution: Solution
    /// Rows of the master handed to branch and cut (starting and root links included).
    public var rows: Int
    /// The root LP's bound (Kelley's rounds): its optimum, or when the time limit stopped the
    /// rounds, the optimum of the last round that finished (nil when none did).
    public var rootBound: Double?
    /// Links the root's rounds generated.
    public var rootRows = 0
    /// Site columns fixed by the root's reduced costs.
    public var fixedColumns = 0
    /// The objective of the plan the searches part by part and near the root LP found, when it beat
    /// the incumbent.
    public var improvedObjective: Double?
    /// Kept sites moved from one independent part to another (``CoveragePartSearch``).
    public var sitesMoved = 0
}

/// The links of an LP's row generation, kept so that branch and cut starts with those that bind.
/// (GLPK calls the generator on the solving thread only, one call at a time.)
final class LinkRecorder: LazyRowGenerator, @unchecked Sendable {
    let cuts: CoverageCuts
    private(set) var generated: [Int] = []

    init(cuts: CoverageCuts) { self.cuts = cuts }

    func violatedRows(at values: [Double]) -> [LazyRow] {
        let violated = cuts.share.indices.filter { cuts.isViolated($0, at: values) }
        generated += violated
        return violated.map(cuts.row)
    }
}

/// How a covering model is handed to GLPK.
public enum CoverageFormulation: String, Sendable, CaseIterable, Codable {
    /// The rule of ``CoverageBenders/prefersBenders(groups:sites:)``.
    case automatic
    /// Every link written out, GLPK's MIP preprocessing on.
    case compact
    /// Branch-and-Benders-cut (``CoverageBenders``).
    case benders
}
