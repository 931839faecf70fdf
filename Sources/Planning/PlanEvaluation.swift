import Estate

/// The value of a set of decisions, computed directly from the instance, never from the model.
///
/// The planner reports these figures (not the solver's objective) so that a reported number is
/// what the decisions actually achieve; tests use the same evaluator on brute-force enumeration.
public struct PlanEvaluation: Sendable, Equatable {
    public var sitesKept: Int
    /// GBP per year.
    public var cost: Double
    /// tCO2e per year.
    public var carbon: Double
    /// Need weight covered within the coverage time.
    public var coveredWeight: Double
    /// Share of need weight covered (0...1).
    public var coverage: Double
    /// Sum over reachable areas of weight x minutes to the serving site.
    public var travel: Double
    /// Serving site and minutes per area (nearest kept site without capacity).
    public var areaSite: [Int?]
    public var areaMinutes: [Double?]
    public var areaCoveredShare: [Double]

    /// The objective of `objective` for these decisions.
    public func objectiveValue(_ objective: Objective) -> Double {
        switch objective {
        case .maxCoverage: coveredWeight
        case .minCost: cost
        case .minTravel: travel
        case .minCarbon: carbon
        case .minSites: Double(sitesKept)
        }
    }

    /// Evaluates `keep` with an explicit fractional assignment per area (capacity), or nearest kept
    /// site when `assignment` is nil.
    public init(instance: PlanningInstance, keep: [Bool], coverageMinutes: Double,
                assignment: [[(site: Int, share: Double)]]?) {
        let m = instance.siteCount
        sitesKept = keep.filter { $0 }.count
        cost = (0 ..< m).reduce(0) { keep[$1] ? $0 + instance.siteCost[$1] : $0 }
        carbon = (0 ..< m).reduce(0) { keep[$1] ? $0 + instance.siteCarbon[$1] : $0 }
        var covered = 0.0, travel = 0.0, total = 0.0
        var sites: [Int?] = [], minutes: [Double?] = [], shares: [Double] = []
        for i in 0 ..< instance.areaCount {
            let w = instance.areaWeight[i]
            total += w
            if let assignment {
                var minutesOf: [Int: Double] = [:]
                for p in instance.pairs(of: i) { minutesOf[instance.pairSite[p]] = instance.pairMinutes[p] }
                var share = 0.0, coveredShare = 0.0, weightedMinutes = 0.0
                var best: (site: Int, share: Double)?
                for (site, s) in assignment[i] where s > 1e-9 {
                    let t = minutesOf[site] ?? .infinity
                    share += s
                    weightedMinutes += s * t
                    if t <= coverageMinutes { coveredShare += s }
                    if best == nil || s > best!.share + 1e-9 { best = (site, s) }
                }
                coveredShare = min(1, coveredShare)
                sites.append(best?.site)
                minutes.append(share > 0 ? weightedMinutes / share : nil)
                shares.append(coveredShare)
                covered += w * coveredShare
                travel += w * weightedMinutes
            } else {
                var found: (site: Int, minutes: Double)?
                for p in instance.pairs(of: i) where keep[instance.pairSite[p]] {
                    found = (instance.pairSite[p], instance.pairMinutes[p])
                    break
                }
                sites.append(found?.site)
                minutes.append(found?.minutes)
                let isCovered = found.map { $0.minutes <= coverageMinutes } ?? false
                shares.append(isCovered ? 1 : 0)
                if isCovered { covered += w }
                if let found { travel += w * found.minutes }
            }
        }
        coveredWeight = covered
        coverage = total > 0 ? covered / total : 1
        self.travel = travel
        areaSite = sites
        areaMinutes = minutes
        areaCoveredShare = shares
    }
}
