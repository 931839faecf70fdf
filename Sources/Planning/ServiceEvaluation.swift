import Estate

/// The value of a v2 plan (which sites stay, which services each offers, the outreach shares
/// and, under capacity, the assignment), computed from the instance and FORMAT.md's
/// definitions, never from the model: the figures every report prints.
public struct ServiceEvaluation: Sendable {
    /// `[k][i]`: share of the area's service population covered by a building.
    public var coveredShare: [[Double]]
    /// `[k][i]`: share reached by outreach (never more than what buildings leave).
    public var outreachShare: [[Double]]
    /// `[k][i]`: the kept site serving the area for the service (nearest offering it, or the
    /// largest assignment under capacity) and its minutes.
    public var areaSite: [[Int?]]
    public var areaMinutes: [[Double?]]
    /// Per service: covered weight `sum_i w_ik (z_ik + value o_ik)`, its total `sum_i w_ik`,
    /// the weight reached by outreach (value-weighted), the sites offering it and what it costs.
    public var coveredWeight: [Double]
    public var totalWeight: [Double]
    public var outreachWeight: [Double]
    public var sitesOffering: [Int]
    public var serviceCost: [Double]
    public var outreachCost: [Double]
    /// Per service: sum over areas of `w_ik` x minutes to the serving site.
    public var travel: [Double]
    /// Kept sites offering every core service.
    public var familyHub: [Bool]
    public var sitesKept: Int
    /// Building running costs of kept sites (GBP/year).
    public var buildingCost: Double
    public var carbon: Double

    /// Total cost: buildings, services and outreach (what `budget` bounds).
    public var cost: Double { buildingCost + serviceCost.reduce(0, +) + outreachCost.reduce(0, +) }

    /// The objective as FORMAT.md defines it for v2.
    public func objectiveValue(_ objective: Objective, rules: ServiceRules) -> Double {
        switch objective {
        case .maxCoverage: zip(rules.services, coveredWeight).reduce(0) { $0 + $1.0.weight * $1.1 }
        case .minCost: cost
        case .minTravel: travel.reduce(0, +)
        case .minCarbon: carbon
        case .minSites: Double(sitesKept)
        }
    }

    /// Evaluates decisions: `offered[j][k]`, requested outreach shares `outreach[k][i]` (clipped to
    /// what buildings leave uncovered), `assignment[k][i]` as (site, share) under capacity.
    public init(instance: PlanningInstance, services: ServiceInstance, rules: ServiceRules, keep: [Bool],
                offered: [[Bool]], outreach: [[Double]], assignment: [[[(site: Int, share: Double)]]]?) {
        let n = instance.areaCount, m = instance.siteCount, s = services.serviceCount
        sitesKept = keep.filter { $0 }.count
        buildingCost = (0 ..< m).reduce(0) { keep[$1] ? $0 + instance.siteCost[$1] : $0 }
        carbon = (0 ..< m).reduce(0) { keep[$1] ? $0 + instance.siteCarbon[$1] : $0 }
        familyHub = (0 ..< m).map { j in
            guard keep[j], let core = rules.familyHubCore else { return false }
            return core.allSatisfy { offered[j][$0] }
        }
        coveredShare = []; outreachShare = []; areaSite = []; areaMinutes = []
        coveredWeight = []; totalWeight = []; outreachWeight = []; sitesOffering = []
        serviceCost = []; outreachCost = []; travel = []
        for k in 0 ..< s {
            let rule = rules.services[k]
            let weights = services.areaWeight[k]
            let offering = (0 ..< m).filter { keep[$0] && offered[$0][k] }
            sitesOffering.append(offering.count)
            serviceCost.append(Double(offering.count) * rule.costPerSite)
            var covered = Array(repeating: 0.0, count: n), reached = Array(repeating: 0.0, count: n)
            var sites = [Int?](repeating: nil, count: n), minutes = [Double?](repeating: nil, count: n)
            var coveredSum = 0.0, total = 0.0, reachedSum = 0.0, cost = 0.0, travelSum = 0.0
            for i in 0 ..< n {
                if let assignment {
                    var share = 0.0, weighted = 0.0
                    var best: (site: Int, share: Double)?
                    for (site, a) in assignment[k][i] where a > 1e-9 {
                        let t = instance.pairs(of: i).first { instance.pairSite[$0] == site }.map { instance.pairMinutes[$0] }
                            ?? .infinity
                        share += a
                        weighted += a * t
                        if t <= rule.coverageMinutes { covered[i] += a }
                        if best == nil || a > best!.share + 1e-9 { best = (site, a) }
                    }
                    covered[i] = min(1, covered[i])
                    sites[i] = best?.site
                    minutes[i] = share > 0 ? weighted / share : nil
                    travelSum += weights[i] * weighted
                } else {
                    for p in instance.pairs(of: i) where keep[instance.pairSite[p]] && offered[instance.pairSite[p]][k] {
                        sites[i] = instance.pairSite[p]
                        minutes[i] = instance.pairMinutes[p]
                        break
                    }
                    if let t = minutes[i] {
                        if t <= rule.coverageMinutes { covered[i] = 1 }
                        travelSum += weights[i] * t
                    }
                }
                if rule.outreach { reached[i] = max(0, min(outreach[k][i], 1 - covered[i])) }
                total += weights[i]
                coveredSum += weights[i] * (covered[i] + rules.outreachValue * reached[i])
                reachedSum += weights[i] * rules.outreachValue * reached[i]
                cost += rules.outreachCostPerPerson * services.areaPopulation[k][i] * reached[i]
            }
            coveredShare.append(covered); outreachShare.append(reached)
            areaSite.append(sites); areaMinutes.append(minutes)
            coveredWeight.append(coveredSum); totalWeight.append(total); outreachWeight.append(reachedSum)
            outreachCost.append(cost); travel.append(travelSum)
        }
    }
}

/// A v2 plan's service decisions and their evaluation (`Plan.services`).
public struct ServiceOutcome: Sendable {
    /// Service codes, in scenario order.
    public var codes: [String]
    /// `[j][k]`: kept site `j` offers service `k`.
    public var offered: [[Bool]]
    public var evaluation: ServiceEvaluation
    /// Under capacity: `[k][i]` the sites area `i`'s demand for service `k` is assigned to, with
    /// their shares (one site with share 1 under `capacity: single`); nil without capacity.
    public var assignment: [[[(site: Int, share: Double)]]]?
}
