import Optimisation

/// The heuristic plan of a covering model whose only row is the count of sites, improved one
/// independent part at a time (``CoverageComponents``), each part searched as a model of its own:
/// first every part's sites chosen again for as many sites as the plan keeps there, then kept
/// sites moved from one part to another, both parts chosen again for their new counts.
///
/// Why: the interchange trades one site for one, so it neither re-chooses a whole town nor moves a
/// site out of a city whose remaining sites must all shift to make up for it. At England scale
/// (15 minutes, 300 of 3,000 sites) the root LP, integral in the small parts, kept one site more
/// than the plan in parts of 10, 30 and 53 sites (13,052, 13,311 and 10,922 children more) and
/// fewer in the largest parts, where a site was worth 10,906 children at the margin (the count
/// row's dual). A part alone, its sites and the groups they cover, is a small model: a simplex
/// iteration on the part of 355 sites took a sixth of what it took on the whole model with every
/// other column fixed (``CoverageBenders/improveByParts(_:model:cuts:options:seconds:)``, which
/// serves models with other rows).
struct CoveragePartSearch {
    let model: LinearModel
    let cuts: CoverageCuts
    let parts: [[Int]]
    /// Per part: the indices of the groups (in `cuts`) its sites cover.
    let groups: [[Int]]

    /// Nil unless the model's only row is the count of sites (every site column of every part once,
    /// coefficient 1) and every share lies in [0, 1] with its objective on it alone: then a part's
    /// plans are a covering problem of their own and only the count binds the parts together.
    init?(model: LinearModel, cuts: CoverageCuts) {
        let parts = CoverageComponents.parts(of: cuts)
        guard model.sense == .maximise, model.rowCount == 1, !parts.isEmpty else { return nil }
        let row = model.row(0)
        let counted = Set(row.columns)
        guard row.coefficients.allSatisfy({ $0 == 1 }), counted.count == row.columns.count,
              parts.allSatisfy({ $0.allSatisfy(counted.contains) }),
              cuts.share.allSatisfy({ model.bounds(of: $0) == (0, 1) }) else { return nil }
        self.model = model
        self.cuts = cuts
        self.parts = parts
        self.groups = CoverageComponents.groups(of: parts, in: cuts)
    }

    /// A plan better than `incumbent`, or nil. First each part where the plan keeps some but not all
    /// of the sites and leaves coverage out, smallest first, is searched by branch and cut for its
    /// best plan with as many sites. Then sites move one at a time, while the best move gains:
    /// each part's best plan with one site more and one fewer is searched from the greedy step (its
    /// best site added, or its least useful one removed), a site moves where one part's gain
    /// exceeds another's loss, and only the two parts moved are searched again. Every search stops
    /// at its count of simplex iterations, each phase's searches together at theirs
    /// (``CoverageBenders/iterationsPerPart`` and ``CoverageBenders/partsIterationBudget``, as within
    /// the whole model; ``iterationsPerMove`` and ``movesIterationBudget``): counts, so that what it
    /// finds does not depend on how busy the machine is; `seconds` only stops it as a backstop.
    func improve(_ incumbent: [Double], options: SolveOptions, seconds: Double) throws -> Improvement? {
        let start = ContinuousClock.now
        var searchOptions = options
        var result = Improvement(point: incumbent, moves: 0)
        func done() -> Improvement? { model.objectiveValue(of: result.point) > model.objectiveValue(of: incumbent) ? result : nil }
        func outOfTime() -> Bool {
            searchOptions.timeLimit = seconds.isFinite ? seconds - start.secondsElapsed : nil
            return (searchOptions.timeLimit ?? 1) <= 0
        }

        var budget = CoverageBenders.partsIterationBudget
        for k in parts.indices {
            guard CoverageComponents.isWorthSearching(sites: parts[k], groups: groups[k], at: result.point,
                                                      model: model, cuts: cuts) else { continue }
            guard budget > 0, !outOfTime() else { break }
            let open = parts[k].filter { result.point[$0] > 0.5 }
            if let plan = try best(k, from: open, change: 0, iterations: CoverageBenders.iterationsPerPart,
                                   options: searchOptions, budget: &budget),
               plan.value > value(k, result.point) + 1e-9 * max(1, abs(plan.value)) {
                for (column, value) in plan.values { result.point[column] = value }
            }
        }

        budget = Self.movesIterationBudget
        var more = [Plan?](repeating: nil, count: parts.count), fewer = more
        var stale = Array(parts.indices)
        while !stale.isEmpty {
            for k in stale {
                guard budget > 0, !outOfTime() else { return done() }
                let open = parts[k].filter { result.point[$0] > 0.5 }
                more[k] = open.count < parts[k].count
                    ? try best(k, from: open, change: 1, iterations: Self.iterationsPerMove, options: searchOptions, budget: &budget) : nil
                fewer[k] = open.isEmpty
                    ? nil : try best(k, from: open, change: -1, iterations: Self.iterationsPerMove, options: searchOptions, budget: &budget)
            }
            var move: (from: Int, to: Int, gain: Double)?
            for a in parts.indices {
                guard let loss = fewer[a].map({ value(a, result.point) - $0.value }) else { continue }
                for b in parts.indices where b != a {
                    guard let gain = more[b].map({ $0.value - value(b, result.point) }) else { continue }
                    if gain - loss > 1e-9 * max(1, abs(gain)), gain - loss > (move?.gain ?? 0) { move = (a, b, gain - loss) }
                }
            }
            guard let move, let giving = fewer[move.from], let taking = more[move.to] else { break }
            for plan in [giving, taking] {
                for (column, value) in plan.values { result.point[column] = value }
            }
            result.moves += 1
            stale = [move.from, move.to]
        }
        return done()
    }

    /// The plan ``improve(_:options:seconds:)`` found, and how many kept sites it moved between parts.
    struct Improvement {
        var point: [Double]
        var moves: Int
    }

    /// Simplex iterations of one part's search for its best plan with a site more or fewer.
    static let iterationsPerMove = 2_000
    /// Simplex iterations of every such search together, in one call of ``improve(_:options:seconds:)``.
    static let movesIterationBudget = 60_000

    /// A part's plan: its columns' values and its objective.
    struct Plan {
        var values: [(column: Int, value: Double)]
        var value: Double
    }

    /// The objective part `k`'s columns contribute at `point`.
    func value(_ k: Int, _ point: [Double]) -> Double {
        parts[k].reduce(0.0) { $0 + model.objectiveCoefficient(of: $1) * point[$1] }
            + groups[k].reduce(0.0) { $0 + model.objectiveCoefficient(of: cuts.share[$1]) * point[cuts.share[$1]] }
    }

    /// The best plan found for part `k` with `change` (-1, 0 or 1) sites more than `open`, by
    /// branch and cut on the part alone from the greedy step (none when `change` is 0), for at most
    /// `iterations` simplex iterations taken from `budget` (none when it is spent: the greedy step
    /// alone); nil when no site can open (or close).
    func best(_ k: Int, from open: [Int], change: Int, iterations: Int, options: SolveOptions,
              budget: inout Int) throws -> Plan? {
        let sites = parts[k], groupList = groups[k]
        var local = [Int](repeating: -1, count: model.variableCount)
        for (position, column) in sites.enumerated() { local[column] = position }
        var sub = LinearModel(sense: model.sense)
        let y = sub.addVariables(sites.count, kind: .binary)
        for (position, column) in sites.enumerated() {
            let (lower, upper) = model.bounds(of: column)
            sub.setBounds(y.lowerBound + position, lower: lower, upper: upper)
            sub.setObjectiveCoefficient(y.lowerBound + position, model.objectiveCoefficient(of: column))
        }
        let count = Double(open.count + change)
        sub.addRow(columns: Array(y), coefficients: Array(repeating: 1, count: sites.count), lower: count, upper: count)
        let z = sub.addVariables(groupList.count, kind: .continuous, upper: 1)
        let weight = groupList.map { model.objectiveCoefficient(of: cuts.share[$0]) }
        for n in groupList.indices { sub.setObjectiveCoefficient(z.lowerBound + n, weight[n]) }
        let covering = groupList.map { cuts.covering[$0].map { local[$0] } }
        let subCuts = CoverageCuts(share: Array(z), covering: covering.map { $0.map { y.lowerBound + $0 } })

        // The greedy step from the kept sites' count per group, each candidate scored over its own
        // groups only: a site's opening gains the groups no kept site covers, its closing loses
        // those it alone covers.
        var keep = [Bool](repeating: false, count: sites.count)
        for column in open { keep[local[column]] = true }
        var reach = [[Int]](repeating: [], count: sites.count)
        var kept = [Int](repeating: 0, count: groupList.count)
        for (n, positions) in covering.enumerated() {
            for position in positions {
                reach[position].append(n)
                if keep[position] { kept[n] += 1 }
            }
        }
        if change != 0 {
            let adding = change > 0
            var step: (position: Int, change: Double)?
            for position in sites.indices where keep[position] != adding {
                let (lower, upper) = model.bounds(of: sites[position])
                guard lower < upper else { continue }
                let alone = adding ? 0 : 1
                let covered = reach[position].reduce(0.0) { kept[$1] == alone ? $0 + weight[$1] : $0 }
                let gain = model.objectiveCoefficient(of: sites[position]) + (adding ? covered : -covered)
                if step.map({ gain > $0.change }) ?? true { step = (position, gain) }
            }
            guard let step else { return nil }
            keep[step.position] = adding
            for n in reach[step.position] { kept[n] += adding ? 1 : -1 }
        }
        var values = [Double](repeating: 0, count: sub.variableCount)
        for position in sites.indices where keep[position] { values[y.lowerBound + position] = 1 }
        for n in groupList.indices where kept[n] > 0 { values[z.lowerBound + n] = 1 }
        if budget > 0 {
            var searchOptions = options
            searchOptions.lazyRows = subCuts
            searchOptions.incumbent = values
            searchOptions.iterationLimit = min(budget, iterations)
            let found = try GLPKSolver.solve(sub, options: searchOptions)
            budget -= found.iterations
            if found.hasSolution, sub.objectiveValue(of: found.values) > sub.objectiveValue(of: values) { values = found.values }
        }
        let plan = sites.indices.map { (sites[$0], values[y.lowerBound + $0].rounded()) }
            + groupList.indices.map { (cuts.share[groupList[$0]], values[z.lowerBound + $0]) }
        return Plan(values: plan, value: sub.objectiveValue(of: values))
    }
}
