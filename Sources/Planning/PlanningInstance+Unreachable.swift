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
}
