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

    /// The districts the plan closest to meeting `group` (least total shortfall, every other
    /// constraint held) leaves short of a per-district floor, in data facts ("Swale: 71.3% of
    /// its need covered, of the 80.0% asked, ..."); empty for other groups and under capacity,
    /// where coverage depends on the assignment.
    static func closest(_ group: ConstraintGroup, keep: [Bool], model: PlanningModel) -> [String] {
        let instance = model.instance, spec = model.specification
        let closest = "in the plan closest to every district's floor, with the other constraints held"
        switch group {
        case .minDistrictCoverage:
            guard let floor = spec.constraints.minDistrictCoverage, spec.constraints.capacity == nil else { return [] }
            let evaluation = PlanEvaluation(instance: instance, keep: keep, coverageMinutes: spec.coverageMinutes, assignment: nil)
            var covered = Array(repeating: 0.0, count: instance.districtCount), total = covered
            for i in 0 ..< instance.areaCount {
                covered[instance.areaDistrict[i]] += instance.areaWeight[i] * evaluation.areaCoveredShare[i]
                total[instance.areaDistrict[i]] += instance.areaWeight[i]
            }
            return (0 ..< instance.districtCount).compactMap { d in
                guard total[d] > 0, covered[d] / total[d] < floor - 1e-6 else { return nil }
                return "\(instance.districtNames[d]): \(percent(covered[d] / total[d])) of its need covered, of the "
                    + "\(percent(floor)) asked, \(closest)"
            }
        case .minPerDistrict:
            guard let minimum = spec.constraints.minPerDistrict else { return [] }
            var kept: [Int: Int] = [:]
            // Every district with a site, as the constraint reads (FORMAT.md).
            for j in 0 ..< instance.siteCount { kept[instance.siteDistrict[j], default: 0] += keep[j] ? 1 : 0 }
            return kept.sorted { $0.key < $1.key }.compactMap { d, count in
                count < minimum ? "\(instance.districtNames[d]) keeps \(count) of the \(minimum) sites asked \(closest)" : nil
            }
        default:
            return []
        }
    }

    private static func percent(_ share: Double) -> String { String(format: "%.1f%%", 100 * share) }
}
