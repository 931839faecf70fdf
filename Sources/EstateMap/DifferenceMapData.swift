import Estate

/// Two estate options side by side, as plain values, for the difference map of
/// `estate compare A B`: which sites change decision and which areas gain or lose coverage.
public struct DifferenceMapData: Sendable, Equatable {
    /// Headline of the title block.
    public var title: String
    /// Names of the two options, e.g. scenario names or plan folders.
    public var optionA: String
    /// Name of the option compared against A.
    public var optionB: String
    /// Headline figures, already formatted (e.g. ("Cost A → B", "£9.1m → £8.2m")).
    public var totals: [MapTotal]
    /// The small areas, in any order.
    public var areas: [DifferenceArea]
    /// The buildings, in any order.
    public var sites: [DifferenceSite]
    /// Side-by-side district table shown under the HTML map.
    public var districtTable: MapTable
    /// With services: each service whose buildings differ in a district (lost, moved, gained),
    /// shown under the district table; nil for buildings-only options.
    public var serviceTable: MapTable?
    /// District outlines when a boundary file exists; empty means "derive from the areas".
    public var boundaries: [DistrictBoundary]
    /// Warnings every view of the map must show in full, e.g. that the dataset is illustrative
    /// (drawn in red under the title, and as a banner on the HTML page).
    public var notices: [String]
    /// With services: each service both options plan, how it reaches every area under each;
    /// the HTML page shows one service's coverage change at a time. Empty for buildings-only options.
    public var services: [DifferenceService]

    public init(
        title: String, optionA: String, optionB: String, totals: [MapTotal],
        areas: [DifferenceArea], sites: [DifferenceSite], districtTable: MapTable,
        boundaries: [DistrictBoundary] = [], notices: [String] = [], serviceTable: MapTable? = nil,
        services: [DifferenceService] = []
    ) {
        self.services = services
        self.serviceTable = serviceTable
        self.notices = notices
        self.title = title
        self.optionA = optionA
        self.optionB = optionB
        self.totals = totals
        self.areas = areas
        self.sites = sites
        self.districtTable = districtTable
        self.boundaries = boundaries
    }
}

/// One small area's coverage under each option.
public struct DifferenceArea: Sendable, Equatable {
    /// Id, district, centroid, children and outline, as the plan map's areas have them (read as
    /// the area's own: `area.id`).
    public var basics: MapAreaBasics
    /// Travel minutes to the serving hub under A (nil: none reachable).
    public var minutesA: Double?
    /// Travel minutes under B (nil: none reachable).
    public var minutesB: Double?
    /// Whether a kept hub lies within the coverage time under A.
    public var coveredA: Bool
    /// Whether a kept hub lies within the coverage time under B.
    public var coveredB: Bool

    public init(
        id: String, district: String, lat: Double, lon: Double, children: Double,
        minutesA: Double?, minutesB: Double?, coveredA: Bool, coveredB: Bool, outline: Boundary? = nil
    ) {
        basics = MapAreaBasics(id: id, district: district, lat: lat, lon: lon, children: children, outline: outline)
        self.minutesA = minutesA
        self.minutesB = minutesB
        self.coveredA = coveredA
        self.coveredB = coveredB
    }

    /// How coverage moves from A to B.
    public var change: CoverageChange {
        switch (coveredA, coveredB) {
        case (true, true): return .coveredInBoth
        case (false, true): return .gained
        case (true, false): return .lost
        case (false, false): return .uncoveredInBoth
        }
    }
}

/// How an area's coverage moves from option A to option B.
public enum CoverageChange: String, Sendable, CaseIterable {
    case gained, lost
    case coveredInBoth = "covered_in_both"
    case uncoveredInBoth = "uncovered_in_both"
}

/// One building's decision under each option.
public struct DifferenceSite: Sendable, Equatable {
    /// Id, name, kind, district and position, as the plan map's sites have them (read as the
    /// site's own: `site.name`).
    public var basics: MapSiteBasics
    /// Decision under option A.
    public var decisionA: SiteDecision
    /// Decision under option B.
    public var decisionB: SiteDecision

    public init(
        id: String, name: String, kind: String, district: String, lat: Double, lon: Double,
        decisionA: SiteDecision, decisionB: SiteDecision
    ) {
        basics = MapSiteBasics(id: id, name: name, kind: kind, district: district, lat: lat, lon: lon)
        self.decisionA = decisionA
        self.decisionB = decisionB
    }

    /// How the decision moves from A to B (must-keep counts as open).
    public var change: DecisionChange {
        switch (decisionA.isOpen, decisionB.isOpen) {
        case (true, true): return .openInBoth
        case (false, false): return .closedInBoth
        case (true, false): return .closedInB
        case (false, true): return .openedInB
        }
    }
}

/// How a site's decision moves from option A to option B.
public enum DecisionChange: String, Sendable, CaseIterable {
    case openInBoth = "open_in_both"
    case closedInBoth = "closed_in_both"
    /// Open under A, closed under B.
    case closedInB = "closed_in_b"
    /// Closed under A, open under B.
    case openedInB = "opened_in_b"
}

/// One service under both options, per area in `DifferenceMapData.areas` order (as the plan map's
/// `MapService`: the share a building offering it covers, the share outreach reaches, and the
/// weight that decides a merged cell).
public struct DifferenceService: Sendable, Equatable {
    public var a: MapService
    public var b: MapService

    public init(a: MapService, b: MapService) {
        self.a = a
        self.b = b
    }

    /// Service code (the same under both options).
    public var code: String { a.code }
    /// What the selector and hover call it (option A's name).
    public var name: String { a.name }

    /// How the service's reach of a group of areas moves from A to B: an area (or cell) counts
    /// as reached when a building or outreach reaches most of its population, as the plan map's
    /// service layer colours it.
    func change<C: Collection>(of members: C) -> CoverageChange where C.Element == Int {
        switch (a.reach(of: members) != .none, b.reach(of: members) != .none) {
        case (true, true): return .coveredInBoth
        case (false, true): return .gained
        case (true, false): return .lost
        case (false, false): return .uncoveredInBoth
        }
    }
}
