/// The checks that run on inputs that are valid but probably wrong, before any plan is made
/// (`estate validate`, and the top of `estate plan`). Each check lives in its own extension file;
/// every check runs, so one run shows every problem of every file.
public enum InputWarnings {
    /// Every warning for `dataset` planned under `scenario` with `travel` (the scenario's own
    /// travel times: `scenario.travelTimes(for:)`), in a stable order: locations, districts,
    /// reach, units.
    public static func check(dataset: Dataset, scenario: Scenario, travel: TravelTimes) -> [InputWarning] {
        var warnings = locationWarnings(dataset)
        warnings += districtWarnings(dataset)
        let unreachable = UnreachableAreas(dataset: dataset, travel: travel, coverageMinutes: scenario.coverageMinutes)
        if let warning = unreachableWarning(unreachable, dataset: dataset, horizonMinutes: travel.horizonMinutes) {
            warnings.append(warning)
        }
        warnings += unitWarnings(dataset)
        if let warning = boundaryWarning(dataset) { warnings.append(warning) }
        return warnings
    }

    /// Areas without an outline in the dataset's boundary file: they are drawn as points.
    static func boundaryWarning(_ dataset: Dataset) -> InputWarning? {
        guard !dataset.boundaries.isEmpty else { return nil }
        let missing = dataset.areas.indices.filter { dataset.boundaries[$0] == nil }
        guard !missing.isEmpty else { return nil }
        let examples = missing.prefix(5).map { dataset.areas[$0].id }.joined(separator: ", ")
        return InputWarning(kind: .missingBoundary, file: "dataset.yaml", column: "boundaries",
                            message: "\(missing.count) of \(dataset.areas.count) areas have no outline in the boundary file "
                                + "(\(examples)\(missing.count > 5 ? ", ..." : "")); they are drawn as points",
                            fix: "use the boundaries of the same census as the area codes (LSOA 2021 codes need 2021 boundaries)")
    }

    /// Districts of `areas.csv` where no site could be kept (none at all, or all `close`): their
    /// areas can only be covered across the border, and `min_per_district` skips them.
    static func districtWarnings(_ dataset: Dataset) -> [InputWarning] {
        let sitesByDistrict = dataset.sitesByDistrict
        var warnings: [InputWarning] = []
        for (district, sites) in sitesByDistrict.enumerated() where !sites.contains(where: { dataset.sites[$0].status != .close }) {
            let areas = dataset.areas.count { $0.district == district }
            let what = sites.isEmpty ? "no site in sites.csv" : "only sites with status close"
            warnings.append(InputWarning(kind: .districtWithoutSite, file: "sites.csv", column: "district",
                                         message: "district '\(dataset.districts[district])' (\(areas) areas) has \(what), "
                                             + "so no hub can be kept there and min_per_district does not apply to it",
                                         fix: "add its candidate buildings to sites.csv, or check the district's spelling"))
        }
        return warnings
    }

    /// One warning counting the areas no site can reach within the standard.
    static func unreachableWarning(_ unreachable: UnreachableAreas, dataset: Dataset,
                                   horizonMinutes: Double?) -> InputWarning? {
        guard !unreachable.entries.isEmpty else { return nil }
        let standard = formatMinutes(unreachable.coverageMinutes)
        var message = "\(unreachable.entries.count) of \(dataset.areas.count) areas have no site within the "
            + "\(standard)-minute coverage standard, whatever the plan"
        let beyond = unreachable.beyondHorizon
        if beyond > 0 {
            let horizon = horizonMinutes.map { "the \(formatMinutes($0))-minute travel horizon" } ?? "travel.csv"
            message += " (\(beyond) of them none within \(horizon))"
        }
        let examples = unreachable.entries.prefix(5).map { dataset.areas[$0.area].id }
        message += ": " + examples.joined(separator: ", ") + (unreachable.entries.count > examples.count ? ", ..." : "")
        return InputWarning(kind: .unreachableAreas, file: "areas.csv", message: message,
                            fix: "estate plan lists them in unreachable_areas.csv; add candidate sites near them or review coverage_minutes")
    }

    /// Minutes as written in messages: `20`, `22.5`.
    static func formatMinutes(_ minutes: Double) -> String {
        minutes == minutes.rounded() && abs(minutes) < 1e15 ? String(Int(minutes)) : String(minutes)
    }
}
