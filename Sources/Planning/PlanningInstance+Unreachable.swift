import Estate

extension PlanningInstance {
    /// The areas no site other than a `close` one covers within `coverageMinutes`, by
    /// `UnreachableAreas`' one rule, the same rule `estate validate` warns with on the dataset:
    /// the coverage model counts them as never covered, an infeasible coverage floor names them,
    /// and `unreachable_areas.csv` lists them.
    public func unreachableAreas(coverageMinutes: Double) -> UnreachableAreas {
        UnreachableAreas(areaCount: areaCount, siteStatus: siteStatus, coverageMinutes: coverageMinutes) { area, body in
            for pair in pairs(of: area) { body(pairSite[pair], pairMinutes[pair]) }
        }
    }

    /// The areas a plan of `specification` leaves out of its travel sum: with `min_travel` and no
    /// `max_minutes`, those with no site at all within the travel horizon, not even one marked
    /// `close` (an area that reaches only closed sites is a conflict, not an exclusion; with
    /// `max_minutes`, an area with none within it is a conflict too). Every other objective sums
    /// no travel, so it leaves none out. The model counts them (`areas_unreachable`) and
    /// `summary.json` names them.
    public func areasLeftOutOfTravel(_ specification: PlanSpecification) -> [Int] {
        guard specification.objective == .minTravel, specification.constraints.maxMinutes == nil else { return [] }
        return (0 ..< areaCount).filter { pairs(of: $0).isEmpty }
    }
}
