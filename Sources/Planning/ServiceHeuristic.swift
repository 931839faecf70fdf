import Estate
import Foundation
import Optimisation

/// A feasible v2 plan found before GLPK starts, for every objective and mix of constraints: the
/// plan a run stopped by its time limit still reports (with the best bound proven by then).
///
/// `PlanHeuristic` decides sites for one undifferentiated demand; a v2 plan also decides which
/// services each kept site offers, and its requirements are per service. The moves here are
/// "keep site `j`" (with every service it hosts for free), "offer paid service `k` at `j`" and
/// "make `j` a Family Hub" (every paid core service), each keeping `j` if it was closed. In the
/// manner of `PlanHeuristic` (lazy greedy):
/// 1. meet the requirements (Family Hubs per district, each service's coverage minimums for the
///    county, its districts and the most deprived areas, the services' weighted minimum, every
///    area served within `max_minutes` or, for `min_travel`, at all, sites per district, total
///    capacity for the demand that must be served or covered): the move closing the largest share of the
///    shortfalls, per unit of what it costs where the objective or the budget counts cost;
/// 2. `max_coverage` and `min_travel`: the move adding the most weighted coverage, or saving the
///    most weighted minutes (per pound within a budget), while one fits and gains; the cost-like
///    objectives: close again each site, and withdraw each paid offer, dearest first, that no
///    requirement needs;
/// 3. the site minimum, with the cheapest sites;
/// 4. `max_coverage`: local search: withdraw one kept site or paid offer (the least valuable
///    per pound first, at most `trialsPerPass` a pass) and refill by phase 2, keeping the change
///    when coverage grows, until a pass finds none that does or `trialLimit` withdrawals are
///    tried; then (without capacity) withdraw, dearest first, every site and paid offer the
///    coverage does not need.
/// Buildings count as covering here; outreach is left to step 5, which fixes the decisions in the
/// model and solves what is left (outreach, covered shares, a split assignment) as an LP:
/// that also checks every row, so the heuristic never decides what the constraints mean, and
/// the plan's value is the model's (the plan reported is then evaluated by `ServiceEvaluation`).
/// Under `capacity: single`, the areas' demand for each service is assigned whole by
/// `SingleSourceHeuristic` (one implementation of that assignment), each (area, service) an item.
struct ServiceHeuristic {
    let model: ServiceModel

    /// Withdrawals the local search tries in one pass before it stops. The improving ones come
    /// first in its order (least coverage per pound): on the Kent Family Hub Network the three
    /// that improve were each found within a pass's first three trials, and the full pass that
    /// found none after them (305 trials) was a quarter of the whole run's CPU. A count, not
    /// seconds, so that the plan does not depend on how busy the machine is.
    static let trialsPerPass = 32

    /// Withdrawals the local search tries in all (each a withdrawal and a greedy refill, the unit
    /// of its work), so that it stops after as much work on a loaded machine as on an idle one,
    /// where a share of the time limit let it try fewer. Measured (release build, 2 Dec 2026, load
    /// average 7): without capacity it ran out of improving withdrawals after 32 to 38 trials on
    /// every services benchmark (the Kent Family Hub Network: 3 changes kept in 38 trials, 0.16 s;
    /// the generated 901 x 100 x 11: 38; 5,000 x 500 x 11: 32 trials, 2.05 s, and 36 with its
    /// budget binding); under `capacity: single` on Kent it kept up to 36 changes in up to 384
    /// trials (1.5 s) for one margin. So 8 passes' worth: no benchmark reaches it, and at 5,000 x
    /// 500 it bounds the search to about 16 s.
    static let trialLimit = 8 * trialsPerPass

    init(_ model: ServiceModel) {
        self.model = model
    }

    /// Which sites stay and which services each offers (`offered[j][k]`).
    struct Decisions: Equatable {
        var keep: [Bool]
        var offered: [[Bool]]
    }

    /// The model's point for the heuristic's decisions, or nil when they break a row (then no
    /// plan is known before GLPK). `backstop` (the run's time limit) stops the local search only
    /// where its own counts have not, so that a run still ends by its limit.
    ///
    /// Under capacity the greedy counts room in total, not where the demand is; when the sites it
    /// keeps cannot take the demand the rows ask for, it tries again asking for more room.
    func solution(options: SolveOptions, backstop: ContinuousClock.Instant?) throws -> Solution? {
        let margins = model.specification.constraints.capacity == nil ? [1.0] : [1, 1.25, 1.5, 2]
        for margin in margins {
            let greedy = decisions(backstop: backstop, capacityMargin: margin)
            if let found = try Self.point(greedy, model: model, options: options) { return found }
            let repaired = Self.repairCapacity(greedy, model: model)
            if repaired != greedy, let found = try Self.point(repaired, model: model, options: options) { return found }
        }
        return nil
    }

    /// The greedy's decisions (phases 1 to 4), whether or not they meet every requirement, with
    /// room for `capacityMargin` times the demand kept buildings must take.
    func decisions(backstop: ContinuousClock.Instant?, capacityMargin: Double = 1) -> Decisions {
        var state = State(model, capacityMargin: capacityMargin)
        state.meetRequirements()
        switch model.specification.objective {
        case .maxCoverage, .minTravel: state.addWhileGaining()
        case .minCost, .minCarbon, .minSites: state.withdrawUnneeded()
        }
        state.meetSiteMinimum()
        if model.specification.objective == .maxCoverage {
            state.improve(backstop: backstop)
            // Under capacity a building the coverage count does not need may still take demand.
            if model.specification.constraints.capacity == nil { state.withdrawUnneeded() }
        }
        return Decisions(keep: state.keep, offered: state.offered)
    }

    /// Every column of the model for `decisions`: the site, offer and Family Hub columns fixed (and,
    /// under `capacity: single`, the assignment), the rest solved as an LP. Nil when no point of
    /// the model has these decisions.
    static func point(_ decisions: Decisions, model: ServiceModel, options: SolveOptions) throws -> Solution? {
        // Rows the data alone breaks are no part of the model GLPK sees: no point satisfies them.
        guard model.dataConflicts.isEmpty, !model.formulation.hasViolatedEmptyRow() else { return nil }
        let instance = model.instance, services = model.services
        let m = instance.siteCount, s = services.serviceCount
        let full = model.formulation.linearModel()
        var lp = full
        func fix(_ column: Int, _ on: Bool) { lp.setBounds(column, lower: on ? 1 : 0, upper: on ? 1 : 0) }
        for j in 0 ..< m {
            fix(model.siteColumn[j], decisions.keep[j])
            for k in 0 ..< s {
                if let x = model.offerColumn[k][j] { fix(x, decisions.keep[j] && decisions.offered[j][k]) }
            }
            if let h = model.hubColumn[j], let core = model.rules.familyHubCore {
                fix(h, decisions.keep[j] && core.allSatisfy { decisions.offered[j][$0] })
            }
        }
        var fixedOptions = options
        fixedOptions.incumbent = nil
        fixedOptions.relativeGap = 0
        fixedOptions.timeLimit = nil
        // Every binary fixed: a plain LP, which GLPK's LP presolver shrinks to the continuous rest.
        // Under `capacity: single` that LP splits demand; its largest share for each (area,
        // service) is where the whole assignment places it first.
        var solution = try GLPKSolver.solve(lp.relaxed(), options: fixedOptions)
        guard solution.status == .optimal else { return nil }
        if model.specification.constraints.capacity == .single {
            let preferred = model.assignment.map { areas in
                areas.map { pairs in pairs.max { solution[$0.column] < solution[$1.column] }
                    .flatMap { solution[$0.column] > 1e-6 ? $0.site : nil } }
            }
            guard let assigned = assignWhole(decisions, preferred: preferred, model: model, objective: full) else { return nil }
            for k in 0 ..< s {
                for i in 0 ..< instance.areaCount {
                    for pair in model.assignment[k][i] { fix(pair.column, assigned[k][i] == pair.site) }
                }
            }
            solution = try GLPKSolver.solve(lp.relaxed(), options: fixedOptions)
            guard solution.status == .optimal else { return nil }
        }
        for column in 0 ..< full.variableCount where full.kind(of: column) != .continuous {
            solution.values[column] = solution.values[column].rounded()
        }
        guard full.infeasibility(of: solution.values) == nil else { return nil }
        solution.objective = full.objectiveValue(of: solution.values)
        solution.status = .feasible
        solution.bound = nil
        solution.gap = nil
        return solution
    }

    /// Under `capacity: single`: each area's demand for each service to one kept site offering it
    /// (`[k][i]`, nil where unassigned), by `SingleSourceHeuristic` with each (area, service) an
    /// item, the assignment columns' objective as its cost, and `preferred[k][i]` placed first
    /// where it has room. Nil when the demand that must be served does not fit.
    private static func assignWhole(_ decisions: Decisions, preferred: [[Int?]], model: ServiceModel,
                                    objective full: LinearModel) -> [[Int?]]? {
        let instance = model.instance, services = model.services
        let n = instance.areaCount, s = services.serviceCount
        let sign = full.sense == .minimise ? 1.0 : -1.0
        var demand: [Double] = [], options: [[(site: Int, cost: Double)]] = []
        for k in 0 ..< s {
            for i in 0 ..< n {
                demand.append(services.areaDemand[k][i])
                options.append(model.assignment[k][i].filter { decisions.keep[$0.site] && decisions.offered[$0.site][k] }
                    .map { (site: $0.site, cost: sign * full.objectiveCoefficient(of: $0.column)) })
            }
        }
        let m = instance.siteCount
        let mustServe = model.specification.objective == .minTravel || model.rules.services.contains { $0.maxMinutes != nil }
        let heuristic = SingleSourceHeuristic(
            demand: demand, options: options, mustServe: mustServe,
            capacity: instance.siteCapacity.map { $0 ?? .infinity }, siteCost: Array(repeating: 0, count: m),
            fixedOpen: decisions.keep, free: Array(repeating: false, count: m), minOpen: 0, maxOpen: Int.max)
        guard let result = heuristic.assign(decisions.keep, preferred: preferred.flatMap { $0 }) else { return nil }
        return (0 ..< s).map { k in Array(result.areaSite[(k * n) ..< ((k + 1) * n)]) }
    }

    // MARK: - The greedy's state

    /// A move: keep `site` (with every service it hosts for free) and offer `paid` there.
    private struct Move {
        var site: Int
        var paid: [Int]
    }

    /// What a move would add to the current state.
    private struct Effect {
        var opens = false
        var completesHub = false
        /// The services it newly offers.
        var added: [Int] = []
        var cost = 0.0
        /// Per service: weight newly covered, areas newly served.
        var covered: [Double]
        var served: [Double]
        /// `[k * districts + d]`: weight newly covered in district `d`.
        var coveredInDistrict: [Double]
        var coveredDeprived: [Double]
        /// Weighted minutes saved (min_travel).
        var saving = 0.0
    }

    private struct State {
        let model: ServiceModel
        let instance: PlanningInstance
        let services: ServiceInstance
        let rules: ServiceRules
        let spec: PlanSpecification
        let n: Int, m: Int, s: Int, districts: Int
        /// Per site, its (area, minutes) pairs, nearest first.
        let siteStart: [Int], siteArea: [Int], siteMinutes: [Double]
        /// Per service: minutes within which a kept offer must serve an area (`max_minutes`, or
        /// any for `min_travel`), nil when none must; and `[k][i]` whether the area must be served.
        let serveWithin: [Double?]
        let mustServe: [[Bool]]
        /// Per service: how far from a site its move's effect reaches.
        let horizon: [Double]
        let hostsCore: [Bool]
        let deprived: [Bool]
        let moves: [Move]
        let movesOfSite: [[Int]]

        var keep: [Bool], offered: [[Bool]], isHub: [Bool]
        var totals: KeptTotals
        var hubsInDistrict: [Int]
        /// `[k][i]`: kept offers within the coverage time, within `serveWithin`; nearest offer's minutes.
        var coverCount: [[Int32]], serveCount: [[Int32]], nearest: [[Double]]
        var covered: [Double], coveredInDistrict: [[Double]], coveredDeprived: [Double], unserved: [Double]
        let totalWeight: [Double], districtWeight: [[Double]], deprivedWeight: [Double]
        let weightedTotal: Double
        /// Under capacity, the demand kept buildings must have room for (visits), in all and for
        /// each service at the buildings offering it; and that room (`roomFor[k]`).
        let demandToServe: Double, serviceDemandToServe: [Double]
        var roomFor: [Double]
        /// A thousandth of a typical move's cost: what a free move is priced at per pound.
        let costFloor: Double
        var initialShortfall: [Double] = []

        init(_ model: ServiceModel, capacityMargin: Double) {
            self.model = model
            instance = model.instance; services = model.services; rules = model.rules; spec = model.specification
            let instance = model.instance, services = model.services, rules = model.rules, spec = model.specification
            n = instance.areaCount; m = instance.siteCount; s = services.serviceCount; districts = instance.districtCount
            let n = n, m = m, s = s
            var lists = [[(minutes: Double, area: Int)]](repeating: [], count: m)
            for i in 0 ..< n {
                for p in instance.pairs(of: i) { lists[instance.pairSite[p]].append((instance.pairMinutes[p], i)) }
            }
            var start = [0], areas: [Int] = [], minutes: [Double] = []
            for j in 0 ..< m {
                for pair in lists[j].sorted(by: { ($0.minutes, $0.area) < ($1.minutes, $1.area) }) {
                    areas.append(pair.area); minutes.append(pair.minutes)
                }
                start.append(areas.count)
            }
            siteStart = start; siteArea = areas; siteMinutes = minutes
            serveWithin = rules.services.map { $0.maxMinutes ?? (spec.objective == .minTravel ? .infinity : nil) }
            let serveWithin = serveWithin
            mustServe = (0 ..< s).map { k in
                (0 ..< n).map { i in
                    guard let reach = serveWithin[k] else { return false }
                    return instance.pairs(of: i).contains { instance.pairMinutes[$0] <= reach && services.siteHosts[k][instance.pairSite[$0]] }
                }
            }
            horizon = (0 ..< s).map { k in
                spec.objective == .minTravel ? .infinity : max(rules.services[k].coverageMinutes, serveWithin[k] ?? 0)
            }
            let core = rules.familyHubCore
            hostsCore = (0 ..< m).map { j in core.map { $0.allSatisfy { services.siteHosts[$0][j] } } ?? false }
            var flags = [Bool](repeating: false, count: n)
            for i in spec.deprivedAreas { flags[i] = true }
            deprived = flags
            var moves: [Move] = [], movesOfSite = [[Int]](repeating: [], count: m)
            for j in 0 ..< m where instance.siteStatus[j] != .close {
                let paid = (0 ..< s).filter { services.siteHosts[$0][j] && rules.services[$0].costPerSite != 0 }
                var options: [[Int]] = instance.siteStatus[j] == .keep ? [] : [[]]
                options += paid.map { [$0] }
                if let core, hostsCore[j] {
                    let paidCore = core.filter { rules.services[$0].costPerSite != 0 }
                    if paidCore.count > 1 { options.append(paidCore) }
                }
                for option in options {
                    movesOfSite[j].append(moves.count)
                    moves.append(Move(site: j, paid: option))
                }
            }
            self.moves = moves
            self.movesOfSite = movesOfSite
            let costs = moves.map { move in
                instance.siteCost[move.site] + move.paid.reduce(0) { $0 + rules.services[$1].costPerSite }
            }.filter { $0 > 0 }
            costFloor = 1e-3 * (costs.isEmpty ? 1 : costs.reduce(0, +) / Double(costs.count))
            keep = Array(repeating: false, count: m)
            offered = Array(repeating: Array(repeating: false, count: s), count: m)
            isHub = keep
            totals = KeptTotals(districtCount: districts)
            hubsInDistrict = Array(repeating: 0, count: districts)
            coverCount = Array(repeating: Array(repeating: 0, count: n), count: s)
            serveCount = coverCount
            nearest = Array(repeating: Array(repeating: .infinity, count: n), count: s)
            covered = Array(repeating: 0, count: s)
            coveredInDistrict = Array(repeating: Array(repeating: 0, count: districts), count: s)
            coveredDeprived = covered
            unserved = mustServe.map { Double($0.filter { $0 }.count) }
            totalWeight = services.areaWeight.map { $0.reduce(0, +) }
            districtWeight = services.areaWeight.map { weights in
                var sums = [Double](repeating: 0, count: instance.districtCount)
                for i in 0 ..< n { sums[instance.areaDistrict[i]] += weights[i] }
                return sums
            }
            deprivedWeight = services.areaWeight.map { weights in spec.deprivedAreas.reduce(0) { $0 + weights[$1] } }
            weightedTotal = zip(rules.services, totalWeight).reduce(0) { $0 + $1.0.weight * $1.1 }
            // Under capacity the demand kept sites must take: all of it where areas must be served,
            // and a coverage minimum's share of it elsewhere (coverage is then demand assigned).
            var toServe = [Double](repeating: 0, count: s)
            if spec.constraints.capacity != nil {
                for (k, rule) in rules.services.enumerated() {
                    var share = max(rule.minCoverage ?? 0, rule.minDistrictCoverage ?? 0)
                    if rule.weight != 0 { share = max(share, spec.constraints.minCoverage ?? 0) }
                    for i in 0 ..< n { toServe[k] += services.areaDemand[k][i] * (mustServe[k][i] ? 1 : share) * capacityMargin }
                }
            }
            serviceDemandToServe = toServe
            demandToServe = toServe.reduce(0, +)
            roomFor = Array(repeating: 0, count: s)
            for j in 0 ..< m where instance.siteStatus[j] == .keep { open(j) }
        }

        func pairs(of site: Int) -> Range<Int> { siteStart[site] ..< siteStart[site + 1] }

        // MARK: Changing the state

        mutating func open(_ j: Int) {
            guard !keep[j] else { return }
            keep[j] = true
            totals.keep(j, of: instance)
            for k in 0 ..< s where services.siteHosts[k][j] && rules.services[k].costPerSite == 0 { offer(j, k) }
        }

        mutating func close(_ j: Int) {
            guard keep[j] else { return }
            for k in 0 ..< s where offered[j][k] { withdraw(j, k) }
            keep[j] = false
            totals.release(j, of: instance)
        }

        mutating func offer(_ j: Int, _ k: Int) {
            guard !offered[j][k] else { return }
            offered[j][k] = true
            totals.cost += rules.services[k].costPerSite
            roomFor[k] += instance.siteCapacity[j] ?? .infinity
            let cover = rules.services[k].coverageMinutes, reach = serveWithin[k]
            for q in pairs(of: j) {
                let i = siteArea[q], t = siteMinutes[q]
                if t > horizon[k] { break }
                if t <= cover {
                    if coverCount[k][i] == 0 { changeCovered(k, i, by: services.areaWeight[k][i]) }
                    coverCount[k][i] += 1
                }
                if let reach, t <= reach {
                    if serveCount[k][i] == 0 && mustServe[k][i] { unserved[k] -= 1 }
                    serveCount[k][i] += 1
                }
                if t < nearest[k][i] { nearest[k][i] = t }
            }
            if hostsCore[j], !isHub[j], let core = rules.familyHubCore, core.allSatisfy({ offered[j][$0] }) {
                isHub[j] = true
                hubsInDistrict[instance.siteDistrict[j]] += 1
            }
        }

        /// The reverse of `offer`; `nearest` only serves the adding phases, which never follow a
        /// withdrawal for `min_travel` (the local search is for `max_coverage`).
        mutating func withdraw(_ j: Int, _ k: Int) {
            guard offered[j][k] else { return }
            offered[j][k] = false
            totals.cost -= rules.services[k].costPerSite
            roomFor[k] -= instance.siteCapacity[j] ?? .infinity
            let cover = rules.services[k].coverageMinutes, reach = serveWithin[k]
            for q in pairs(of: j) {
                let i = siteArea[q], t = siteMinutes[q]
                if t > horizon[k] { break }
                if t <= cover {
                    coverCount[k][i] -= 1
                    if coverCount[k][i] == 0 { changeCovered(k, i, by: -services.areaWeight[k][i]) }
                }
                if let reach, t <= reach {
                    serveCount[k][i] -= 1
                    if serveCount[k][i] == 0 && mustServe[k][i] { unserved[k] += 1 }
                }
            }
            if isHub[j] {
                isHub[j] = false
                hubsInDistrict[instance.siteDistrict[j]] -= 1
            }
        }

        mutating func changeCovered(_ k: Int, _ i: Int, by weight: Double) {
            covered[k] += weight
            coveredInDistrict[k][instance.areaDistrict[i]] += weight
            if deprived[i] { coveredDeprived[k] += weight }
        }

        mutating func apply(_ move: Move) {
            open(move.site)
            for k in move.paid { offer(move.site, k) }
        }

        /// The services `move` would newly offer.
        func adds(_ move: Move) -> [Int] {
            let j = move.site
            var added = move.paid.filter { !offered[j][$0] }
            if !keep[j] { added += (0 ..< s).filter { services.siteHosts[$0][j] && rules.services[$0].costPerSite == 0 } }
            return added
        }

        func effect(of move: Move) -> Effect {
            let j = move.site
            var effect = Effect(covered: Array(repeating: 0, count: s), served: Array(repeating: 0, count: s),
                                coveredInDistrict: Array(repeating: 0, count: s * districts),
                                coveredDeprived: Array(repeating: 0, count: s))
            effect.opens = !keep[j]
            let added = adds(move)
            effect.added = added
            effect.cost = (keep[j] ? 0 : instance.siteCost[j]) + added.reduce(0) { $0 + rules.services[$1].costPerSite }
            if hostsCore[j], !isHub[j], let core = rules.familyHubCore {
                effect.completesHub = core.allSatisfy { offered[j][$0] || added.contains($0) }
            }
            let travel = spec.objective == .minTravel
            for k in added {
                let cover = rules.services[k].coverageMinutes, reach = serveWithin[k]
                let weights = services.areaWeight[k]
                for q in pairs(of: j) {
                    let i = siteArea[q], t = siteMinutes[q]
                    if t > horizon[k] { break }
                    if t <= cover && coverCount[k][i] == 0 {
                        let w = weights[i]
                        effect.covered[k] += w
                        effect.coveredInDistrict[k * districts + instance.areaDistrict[i]] += w
                        if deprived[i] { effect.coveredDeprived[k] += w }
                    }
                    if let reach, t <= reach, mustServe[k][i], serveCount[k][i] == 0 { effect.served[k] += 1 }
                    if travel, t < nearest[k][i], nearest[k][i].isFinite { effect.saving += weights[i] * (nearest[k][i] - t) }
                }
            }
            return effect
        }

        /// Whether `move` stays within the budget, the carbon cap and the site maximum.
        func fits(_ move: Move, _ effect: Effect) -> Bool {
            totals.allow(extraCost: effect.cost, opening: effect.opens ? move.site : nil, spec.constraints, instance)
        }

        // MARK: Requirements

        /// Shortfalls, each in its own unit: [sites, per district..., hubs per district..., then
        /// per service: areas to serve, county coverage, district coverage..., deprived coverage;
        /// then the services' weighted coverage, capacity, and capacity per service].
        func shortfalls() -> [Double] {
            let c = spec.constraints
            var result: [Double] = []
            let minimumForObjective = spec.objective == .maxCoverage || spec.objective == .minTravel ? nil : c.minSites
            result.append(Double(max(0, (minimumForObjective ?? 0) - totals.count)))
            for d in 0 ..< districts {
                let hasSite = instance.siteDistrict.contains(d)
                result.append(hasSite ? Double(max(0, (c.minPerDistrict ?? 0) - totals.inDistrict[d])) : 0)
            }
            for d in 0 ..< districts {
                let capable = (0 ..< m).contains { hostsCore[$0] && instance.siteDistrict[$0] == d && instance.siteStatus[$0] != .close }
                result.append(capable && rules.familyHubCore != nil ? Double(max(0, rules.familyHubsPerDistrict - hubsInDistrict[d])) : 0)
            }
            for (k, rule) in rules.services.enumerated() {
                result.append(unserved[k])
                result.append(max(0, (rule.minCoverage ?? 0) * totalWeight[k] - covered[k]))
                for d in 0 ..< districts {
                    result.append(max(0, (rule.minDistrictCoverage ?? 0) * districtWeight[k][d] - coveredInDistrict[k][d]))
                }
                result.append(max(0, (rule.minDeprivedCoverage ?? 0) * deprivedWeight[k] - coveredDeprived[k]))
            }
            result.append(max(0, (c.minCoverage ?? 0) * weightedTotal - weightedCovered))
            result.append(max(0, demandToServe - totals.capacity))
            for k in 0 ..< s { result.append(max(0, serviceDemandToServe[k] - roomFor[k])) }
            return result.map { $0 > 1e-9 ? $0 : 0 }
        }

        var weightedCovered: Double { zip(rules.services, covered).reduce(0) { $0 + $1.0.weight * $1.1 } }

        /// How much of the shortfalls `effect` closes, each as a share of its initial size.
        func score(_ move: Move, _ effect: Effect, shortfall: [Double]) -> Double {
            let initial = initialShortfall
            var score = 0.0
            func credit(_ index: Int, _ amount: Double) {
                if shortfall[index] > 0 && amount > 0 { score += min(amount, shortfall[index]) / max(initial[index], 1e-12) }
            }
            let d = instance.siteDistrict[move.site]
            if effect.opens {
                credit(0, 1)
                credit(1 + d, 1)
            }
            if effect.completesHub { credit(1 + districts + d, 1) }
            var base = 1 + 2 * districts
            for k in 0 ..< s {
                credit(base, effect.served[k])
                credit(base + 1, effect.covered[k])
                for district in 0 ..< districts { credit(base + 2 + district, effect.coveredInDistrict[k * districts + district]) }
                credit(base + 2 + districts, effect.coveredDeprived[k])
                base += 3 + districts
            }
            credit(base, zip(rules.services, effect.covered).reduce(0) { $0 + $1.0.weight * $1.1 })
            if effect.opens { credit(base + 1, instance.siteCapacity[move.site] ?? .infinity) }
            for k in effect.added { credit(base + 2 + k, instance.siteCapacity[move.site] ?? .infinity) }
            return score
        }

        /// What a move costs in the objective's own terms (or the budget's, where the objective
        /// does not count cost but a budget binds), to weigh a requirement's gain against.
        func price(_ move: Move, _ effect: Effect) -> Double {
            switch spec.objective {
            case .minCost: effect.cost
            case .minCarbon: effect.opens ? instance.siteCarbon[move.site] : 0
            case .minSites: effect.opens ? 1 : 0
            case .maxCoverage, .minTravel: spec.constraints.budget == nil ? 0 : effect.cost
            }
        }

        /// Phase 1: moves until no requirement falls short, or none helps within the limits (then
        /// the decisions go on as they are and the model's check decides).
        mutating func meetRequirements() {
            initialShortfall = shortfalls()
            guard initialShortfall.contains(where: { $0 > 0 }) else { return }
            let typical = moves.map { price($0, effect(of: $0)) }.filter { $0 > 0 }
            let meanPrice = typical.isEmpty ? 1 : typical.reduce(0, +) / Double(typical.count)
            var shortfall = initialShortfall
            lazyGreedy { state, move, effect in
                state.score(move, effect, shortfall: shortfall) / (1 + state.price(move, effect) / meanPrice)
            } continuing: { state in
                shortfall = state.shortfalls()
                return shortfall.contains { $0 > 0 }
            }
        }

        /// Phase 2 for `max_coverage` and `min_travel`: moves while one fits and gains (per pound
        /// within a budget).
        mutating func addWhileGaining() {
            let perPound = spec.constraints.budget != nil, floor = costFloor
            let coverage = spec.objective == .maxCoverage
            lazyGreedy { state, _, effect in
                let gain = coverage ? zip(state.rules.services, effect.covered).reduce(0) { $0 + $1.0.weight * $1.1 } : effect.saving
                return perPound ? gain / (effect.cost + floor) : gain
            } continuing: { _ in true }
        }

        /// Phase 2 for the cost-like objectives: closes each kept site, then withdraws each paid
        /// offer, dearest first, while every requirement still holds.
        ///
        /// For `max_coverage` (after the local search) the same, while the covered weight holds:
        /// among plans covering as much, a cheaper one, as the tie-break would choose.
        mutating func withdrawUnneeded() {
            let price: [Double] = spec.objective == .minCarbon ? instance.siteCarbon : instance.siteCost
            let coverage = spec.objective == .maxCoverage
            /// Whether the last withdrawal broke what must hold: a requirement's shortfall grew, the
            /// site minimum, or (max_coverage) the covered weight fell.
            func broke(_ before: [Double], _ covered: Double) -> Bool {
                zip(shortfalls(), before).contains { $0 > $1 + 1e-9 } || (spec.constraints.minSites.map { totals.count < $0 } ?? false)
                    || coverage && weightedCovered < covered - 1e-9 * max(1, covered)
            }
            let kept = (0 ..< m).filter { keep[$0] && instance.siteStatus[$0] != .keep }
            for j in kept.sorted(by: { (price[$0], $0) > (price[$1], $1) }) {
                let offers = (0 ..< s).filter { offered[j][$0] }
                let before = shortfalls(), covered = weightedCovered
                close(j)
                if broke(before, covered) {
                    open(j)
                    for k in offers { offer(j, k) }
                }
            }
            guard spec.objective == .minCost || coverage else { return }
            var paid: [(site: Int, service: Int)] = []
            for j in 0 ..< m { for k in 0 ..< s where offered[j][k] && rules.services[k].costPerSite != 0 { paid.append((j, k)) } }
            for (j, k) in paid.sorted(by: { (rules.services[$0.service].costPerSite, $0.site, $0.service)
                > (rules.services[$1.service].costPerSite, $1.site, $1.service) }) {
                let before = shortfalls(), covered = weightedCovered
                withdraw(j, k)
                if broke(before, covered) { offer(j, k) }
            }
        }

        /// Phase 3: the site minimum, with the cheapest sites that fit.
        mutating func meetSiteMinimum() {
            guard let least = spec.constraints.minSites, totals.count < least else { return }
            let candidates = movesOfSite.flatMap { $0 }.filter { moves[$0].paid.isEmpty && !keep[moves[$0].site] }
            for index in candidates.sorted(by: { (instance.siteCost[moves[$0].site], $0) < (instance.siteCost[moves[$1].site], $1) })
            where totals.count < least {
                let move = moves[index]
                if fits(move, effect(of: move)) { apply(move) }
            }
        }

        /// Phase 4 for `max_coverage`: withdraw one kept site or paid offer and refill by phase 2;
        /// keep the change when the covered weight grows, until a pass of `trialsPerPass` finds
        /// none that does or `trialLimit` withdrawals are tried (or, a backstop only, `backstop`
        /// passes).
        mutating func improve(backstop: ContinuousClock.Instant?) {
            let requirementsMet = !shortfalls().contains { $0 > 0 }
            var trials = 0, improved = true
            while improved {
                improved = false
                let current = weightedCovered
                for candidate in withdrawalsByValue().prefix(ServiceHeuristic.trialsPerPass) {
                    guard trials < ServiceHeuristic.trialLimit else { return }
                    if let backstop, ContinuousClock.now >= backstop { return }
                    trials += 1
                    let before = self
                    if let k = candidate.service { withdraw(candidate.site, k) } else { close(candidate.site) }
                    if requirementsMet && shortfalls().contains(where: { $0 > 0 }) { self = before; continue }
                    addWhileGaining()
                    if weightedCovered > current * (1 + 1e-9) + 1e-9 && (!requirementsMet || !shortfalls().contains { $0 > 0 }) {
                        improved = true
                        break
                    }
                    self = before
                }
            }
        }

        /// Kept sites (not kept whatever) and paid offers, the least weighted coverage lost per
        /// pound saved first.
        func withdrawalsByValue() -> [(site: Int, service: Int?)] {
            var candidates: [(site: Int, service: Int?, value: Double)] = []
            for j in 0 ..< m where keep[j] {
                var siteLoss = 0.0, siteCost = instance.siteCost[j]
                for k in 0 ..< s where offered[j][k] {
                    let cover = rules.services[k].coverageMinutes
                    var loss = 0.0
                    for q in pairs(of: j) {
                        let i = siteArea[q]
                        if siteMinutes[q] > cover { break }
                        if coverCount[k][i] == 1 { loss += services.areaWeight[k][i] }
                    }
                    loss *= rules.services[k].weight
                    siteLoss += loss
                    siteCost += rules.services[k].costPerSite
                    if rules.services[k].costPerSite != 0 { candidates.append((j, k, loss / rules.services[k].costPerSite)) }
                }
                if instance.siteStatus[j] != .keep { candidates.append((j, nil, siteLoss / max(siteCost, 1e-9))) }
            }
            return candidates.sorted { ($0.value, $0.site, $0.service ?? -1) < ($1.value, $1.site, $1.service ?? -1) }
                .map { ($0.site, $0.service) }
        }

        /// Applies, one at a time, the move with the largest positive `gain` that fits the limits,
        /// while `continuing` says so. A move's gain only shrinks as other sites change (a stale
        /// gain bounds the fresh one); the moves of a site that changed are evaluated afresh.
        mutating func lazyGreedy(gain: (State, Move, Effect) -> Double, continuing: (State) -> Bool) {
            var stale = [Double](repeating: .infinity, count: moves.count)
            var alive = [Bool](repeating: true, count: moves.count)
            while true {
                var best = -1
                for index in moves.indices where alive[index] && (best < 0 || stale[index] > stale[best]) { best = index }
                guard best >= 0 else { return }
                let move = moves[best]
                if adds(move).isEmpty { alive[best] = false; continue }
                let effect = effect(of: move)
                if !fits(move, effect) { alive[best] = false; continue }
                let fresh = gain(self, move, effect)
                var second = -Double.infinity
                for index in moves.indices where alive[index] && index != best { second = max(second, stale[index]) }
                stale[best] = fresh
                guard fresh >= second else { continue }
                guard fresh > 1e-12 else { return }
                apply(move)
                // The site's other moves now cost less (it is kept): evaluate them afresh.
                for index in movesOfSite[move.site] {
                    stale[index] = .infinity
                    alive[index] = true
                }
                if !continuing(self) { return }
            }
        }
    }
}
