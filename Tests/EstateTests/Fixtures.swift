@testable import Estate

/// Small hand-made datasets for the domain tests.
enum Fixtures {
    /// Three areas in two districts, two sites; one indicator `imd` = [1, 2, 3].
    static func tiny(usage: [UsageRecord] = [], imd: [Double] = [1, 2, 3]) -> Dataset {
        let areas = [
            Area(id: "A1", district: 0, latitude: 51.00, longitude: 0.00, children: 100),
            Area(id: "A2", district: 0, latitude: 51.00, longitude: 0.10, children: 200),
            Area(id: "A3", district: 1, latitude: 51.00, longitude: 0.50, children: 100),
        ]
        let sites = [
            Site(id: "S1", name: "One", kind: "childrens_centre", district: 0, latitude: 51.00, longitude: 0.05,
                 annualCost: 100, carbon: 1),
            Site(id: "S2", name: "Two", kind: "youth_hub", district: 1, latitude: 51.00, longitude: 0.50,
                 annualCost: 200, carbon: 2),
        ]
        var indicators = IndicatorTable()
        indicators.append(name: "imd", values: imd)
        return Dataset(districts: ["East", "West"], areas: areas, sites: sites, usage: usage, indicators: indicators)
    }
}
