import Quantities

/// Infeasibility in data facts rather than model units: which areas no building can reach, the
/// most any plan could cover, and the best a limit can reach with the others held.
enum ConflictFacts {
    /// The groups of areas behind a coverage floor in conflict that have areas beyond the coverage
    /// time of every building that may open (status other than `close`); empty for other groups.
    static func outOfReach(_ group: ConstraintGroup, model: PlanningModel, areaIDs: [String]) -> [OutOfReach] {
        let instance = model.instance, spec = model.specification
        let minutes = spec.coverageMinutes
        let unreachable = Set(instance.unreachableAreas(coverageMinutes: minutes).entries.map(\.area))
        func facts(_ name: String, _ areas: [Int]) -> OutOfReach? {
            let total = areas.reduce(0) { $0 + instance.areaWeight[$1] }
            let beyond = areas.filter(unreachable.contains)
            guard !beyond.isEmpty, total > 0 else { return nil }
            let lost = beyond.reduce(0) { $0 + instance.areaWeight[$1] }
            let examples = beyond.sorted { (instance.areaWeight[$0], areaIDs[$1]) > (instance.areaWeight[$1], areaIDs[$0]) }
                .prefix(10).map { areaIDs[$0] }
            return OutOfReach(group: name, areas: areas.count, beyond: beyond.count, beyondShare: lost / total,
                              ceiling: 1 - lost / total, minutes: minutes, examples: Array(examples))
        }
        switch group {
        case .minCoverage:
            return facts("all areas", Array(0 ..< instance.areaCount)).map { [$0] } ?? []
        case .minDeprivedCoverage:
            return facts("most deprived areas", spec.deprivedAreas).map { [$0] } ?? []
        case .minDistrictCoverage:
            let floor = spec.constraints.minDistrictCoverage ?? 0
            return (0 ..< instance.districtCount).compactMap { d in
                facts(instance.districtNames[d], (0 ..< instance.areaCount).filter { instance.areaDistrict[$0] == d })
            }.filter { $0.ceiling < floor - 1e-9 }
        default:
            return []
        }
    }

    /// The best value of `group`'s measure given the least total `violation` of its rows with the
    /// others held (in the rows' unit): the least budget or cap that allows a plan, the highest
    /// coverage share. Nil where the group's rows do not add up to one measure.
    static func best(_ group: ConstraintGroup, violation: Double, model: PlanningModel) -> Double? {
        let c = model.specification.constraints, instance = model.instance
        switch group {
        case .budget: return c.budget.map { $0 + violation }
        case .carbon: return c.carbon.map { $0 + violation }
        case .minCoverage:
            let total = instance.areaWeight.reduce(0, +)
            return total > 0 ? c.minCoverage.map { max(0, $0 - violation / total) } : nil
        case .minDeprivedCoverage:
            let total = model.specification.deprivedAreas.reduce(0) { $0 + instance.areaWeight[$1] }
            return total > 0 ? c.minDeprivedCoverage.map { max(0, $0 - violation / total) } : nil
        default:
            return nil
        }
    }

    /// The per-district floors of `group` that the plan closest to meeting them all (`closest`:
    /// least total shortfall, every other constraint held) leaves short, each with its own best
    /// from `leastViolation(district)`: the least violation of that district's floor alone, in the
    /// row's unit (need weight, sites), every other constraint held and the other districts'
    /// floors dropped; nil when that solve did not finish. A floor met in the closest plan can be
    /// met alone, so it needs no solve. Under capacity coverage depends on the assignment, so every
    /// district's floor is solved. Empty for other groups.
    static func floors(_ group: ConstraintGroup, closest keep: [Bool], model: PlanningModel,
                       leastViolation: (Int) throws -> Double?) rethrows -> [FloorReach] {
        let instance = model.instance, spec = model.specification
        var floors: [FloorReach] = []
        switch group {
        case .minDistrictCoverage:
            guard let floor = spec.constraints.minDistrictCoverage else { return [] }
            let evaluation = PlanEvaluation(instance: instance, keep: keep, coverageMinutes: spec.coverageMinutes, assignment: nil)
            var covered = Array(repeating: 0.0, count: instance.districtCount), total = covered
            for i in 0 ..< instance.areaCount {
                covered[instance.areaDistrict[i]] += instance.areaWeight[i] * evaluation.areaCoveredShare[i]
                total[instance.areaDistrict[i]] += instance.areaWeight[i]
            }
            let capacity = spec.constraints.capacity != nil
            for d in 0 ..< instance.districtCount where total[d] > 0 {
                guard capacity || covered[d] / total[d] < floor - 1e-6, let violation = try leastViolation(d) else { continue }
                let reach = FloorReach(floor: instance.districtNames[d], measure: .coverage, asked: floor,
                                       best: max(0, floor - violation / total[d]))
                // Under capacity the closest plan's shortfalls are unknown: only floors out of reach alone are facts.
                if !capacity || !reach.reachableAlone { floors.append(reach) }
            }
        case .minPerDistrict:
            guard let minimum = spec.constraints.minPerDistrict else { return [] }
            var kept: [Int: Int] = [:]
            // Every district with a site, as the constraint reads (FORMAT.md).
            for j in 0 ..< instance.siteCount { kept[instance.siteDistrict[j], default: 0] += keep[j] ? 1 : 0 }
            for (d, count) in kept.sorted(by: { $0.key < $1.key }) where count < minimum {
                guard let violation = try leastViolation(d) else { continue }
                floors.append(FloorReach(floor: instance.districtNames[d], measure: .sites, asked: Double(minimum),
                                         best: max(0, (Double(minimum) - violation).rounded())))
            }
        default:
            break
        }
        return floors
    }

    /// One floor's own best in words: "Swale: at most 71.3% of its need can be covered with the
    /// other constraints held, of the 80.0% asked", or, when it can be met alone, that only the
    /// group's floors together are out of reach.
    static func sentence(_ reach: FloorReach) -> String {
        let held = "with the other constraints held"
        switch reach.measure {
        case .coverage where reach.reachableAlone:
            return "\(reach.floor) can reach the \(percent(reach.asked)) asked on its own, but not together with every other floor of this kind"
        case .coverage:
            return "\(reach.floor): at most \(percent(reach.best)) of its need can be covered \(held), of the \(percent(reach.asked)) asked"
        case .sites, .familyHubs:
            let what = reach.measure == .sites ? "sites" : "Family Hubs"
            let asked = Int(reach.asked.rounded()), best = Int(reach.best.rounded())
            return reach.reachableAlone
                ? "\(reach.floor) can keep the \(asked) \(what) asked on its own, but not together with every other district"
                : "\(reach.floor) can keep at most \(best) of the \(asked) \(what) asked \(held)"
        }
    }

    private static func percent(_ share: Double) -> String { Quantity.share.display(share) }
}
