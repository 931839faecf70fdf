import Estate

extension ServiceHeuristic {
    /// Under capacity the greedy counts a building as covering every area within reach and its
    /// room in total, so the sites it keeps may have the room the coverage minimums need but not
    /// where the demand lives: at Kent's Family Hub Network with `capacity: single`, the LP with
    /// the greedy's sites fixed was infeasible on capacity and the partner services' 80% minimums,
    /// and no plan was found. This repair places each service's demand whole, within the shared
    /// capacity of the kept buildings offering it, and while a service's county or district
    /// minimum falls short keeps the site (or offers the service at a kept one) whose spare room
    /// near the uncovered demand closes most of the shortfall per pound, within the budget. The decisions it returns
    /// are checked against every row by `point`, as the greedy's are.
    static func repairCapacity(_ decisions: Decisions, model: ServiceModel) -> Decisions {
        let placement = CapacityPlacement(model)
        guard !placement.items.isEmpty else { return decisions }
        var current = decisions
        for _ in 0 ..< model.instance.siteCount {
            let state = placement.place(current)
            guard state.shortfall > 1e-9 else { break }
            guard let move = placement.bestMove(current, state) else { break }
            current = move
        }
        return current
    }
}

/// The demand of services with a coverage minimum, placed whole at kept buildings offering the
/// service within its coverage time, the most need per visit first, each at the building with the
/// most room left: an estimate of the coverage capacity allows, for `repairCapacity`.
struct CapacityPlacement {
    /// An (area, service) whose service has a minimum: its need weight, its demand (visits) and
    /// the sites within the service's coverage time that could offer it.
    struct Item {
        var area: Int
        var service: Int
        var weight: Double
        var demand: Double
        var sites: [Int]
    }

    /// The coverage of a placement and what the minimums still lack.
    struct State {
        var load: [Double]
        var placed: [Bool]
        var shortCounty: [Double]
        var shortDistrict: [[Double]]
        var shortfall: Double
    }

    let model: ServiceModel
    /// In placing order: need per visit, largest first.
    let items: [Item]

    init(_ model: ServiceModel) {
        self.model = model
        let instance = model.instance, services = model.services, rules = model.rules
        var items: [Item] = []
        guard model.specification.constraints.capacity != nil else { self.items = []; return }
        for (k, rule) in rules.services.enumerated() where rule.minCoverage != nil || rule.minDistrictCoverage != nil {
            for i in 0 ..< instance.areaCount where services.areaWeight[k][i] > 0 {
                let sites = model.assignment[k][i].filter {
                    $0.minutes <= rule.coverageMinutes && instance.siteStatus[$0.site] != .close
                }.map(\.site)
                guard !sites.isEmpty else { continue }
                items.append(Item(area: i, service: k, weight: services.areaWeight[k][i], demand: max(0, services.areaDemand[k][i]),
                                  sites: sites))
            }
        }
        func density(_ item: Item) -> Double { item.demand > 0 ? item.weight / item.demand : .infinity }
        self.items = items.sorted { (density($0), $1.area, $1.service) > (density($1), $0.area, $0.service) }
    }

    private func room(_ j: Int, _ load: [Double]) -> Double {
        (model.instance.siteCapacity[j] ?? .infinity) - load[j]
    }

    /// Places every item it can under `decisions` and measures the minimums' shortfall (need weight).
    func place(_ decisions: ServiceHeuristic.Decisions) -> State {
        let instance = model.instance, services = model.services, rules = model.rules
        var load = Array(repeating: 0.0, count: instance.siteCount)
        var placed = Array(repeating: false, count: items.count)
        var covered = Array(repeating: 0.0, count: services.serviceCount)
        var coveredInDistrict = Array(repeating: Array(repeating: 0.0, count: instance.districtCount), count: services.serviceCount)
        for (q, item) in items.enumerated() {
            var best: Int?
            for j in item.sites where decisions.keep[j] && decisions.offered[j][item.service] && room(j, load) >= item.demand - 1e-9 {
                if best == nil || room(j, load) > room(best!, load) { best = j }
            }
            guard let site = best else { continue }
            load[site] += item.demand
            placed[q] = true
            covered[item.service] += item.weight
            coveredInDistrict[item.service][instance.areaDistrict[item.area]] += item.weight
        }
        var shortCounty = Array(repeating: 0.0, count: services.serviceCount)
        var shortDistrict = coveredInDistrict.map { $0.map { _ in 0.0 } }
        var shortfall = 0.0
        for (k, rule) in rules.services.enumerated() {
            if let share = rule.minCoverage {
                shortCounty[k] = max(0, share * services.areaWeight[k].reduce(0, +) - covered[k])
                shortfall += shortCounty[k]
            }
            if let share = rule.minDistrictCoverage {
                var total = Array(repeating: 0.0, count: instance.districtCount)
                for i in 0 ..< instance.areaCount { total[instance.areaDistrict[i]] += services.areaWeight[k][i] }
                for d in 0 ..< instance.districtCount {
                    shortDistrict[k][d] = max(0, share * total[d] - coveredInDistrict[k][d])
                    shortfall += shortDistrict[k][d]
                }
            }
        }
        return State(load: load, placed: placed, shortCounty: shortCounty, shortDistrict: shortDistrict, shortfall: shortfall)
    }

    /// The decisions after the move whose spare room covers the most short need per pound: keep a
    /// closed site (with its free services and the short paid ones it hosts) or offer a short
    /// service at a kept one. Nil when no move covers any.
    func bestMove(_ decisions: ServiceHeuristic.Decisions, _ state: State) -> ServiceHeuristic.Decisions? {
        let instance = model.instance, services = model.services, rules = model.rules
        let short = (0 ..< services.serviceCount).map { k in state.shortCounty[k] > 1e-9 || state.shortDistrict[k].contains { $0 > 1e-9 } }
        var itemsNear = Array(repeating: [Int](), count: instance.siteCount)
        for (q, item) in items.enumerated() where !state.placed[q] && short[item.service] {
            for j in item.sites { itemsNear[j].append(q) }
        }
        // What the decisions spend on buildings and services: a move that would pass the budget is
        // no repair (outreach, which also counts, is left to the LP that checks the plan).
        var spent = 0.0
        for j in 0 ..< instance.siteCount where decisions.keep[j] {
            spent += instance.siteCost[j]
            for k in 0 ..< services.serviceCount where decisions.offered[j][k] { spent += rules.services[k].costPerSite }
        }
        let budget = model.specification.constraints.budget ?? .infinity
        var best: (score: Double, decisions: ServiceHeuristic.Decisions)?
        for j in 0 ..< instance.siteCount where !itemsNear[j].isEmpty && instance.siteStatus[j] != .close {
            var next = decisions, cost = 0.0
            if !decisions.keep[j] {
                next.keep[j] = true
                cost += instance.siteCost[j]
                for k in 0 ..< services.serviceCount where services.siteHosts[k][j] && rules.services[k].costPerSite == 0 { next.offered[j][k] = true }
            }
            for k in 0 ..< services.serviceCount where short[k] && services.siteHosts[k][j] && !next.offered[j][k] {
                next.offered[j][k] = true
                cost += rules.services[k].costPerSite
            }
            // What its room would cover, most need per visit first, no more than each shortfall.
            var room = self.room(j, state.load)
            var county = state.shortCounty, district = state.shortDistrict, gain = 0.0
            for q in itemsNear[j] where next.offered[j][items[q].service] && items[q].demand <= room + 1e-9 {
                let item = items[q], d = instance.areaDistrict[item.area]
                let useful = max(min(item.weight, county[item.service]), min(item.weight, district[item.service][d]))
                guard useful > 0 else { continue }
                room -= item.demand
                county[item.service] -= min(item.weight, county[item.service])
                district[item.service][d] -= min(item.weight, district[item.service][d])
                gain += useful
            }
            guard gain > 1e-9, spent + cost <= budget + 1e-6 else { continue }
            let score = gain / max(cost, 1)
            if best == nil || score > best!.score { best = (score, next) }
        }
        return best?.decisions
    }
}
