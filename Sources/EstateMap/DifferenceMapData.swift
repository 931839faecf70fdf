/// Two estate options side by side, as plain values, for the difference map of
/// `estate compare A B`: which sites change decision and which areas gain or lose coverage.
public struct DifferenceMapData: Sendable, Equatable {
    public var title: String
    /// Names of the two options, e.g. scenario names or plan folders.
    public var optionA: String
    public var optionB: String
    /// Headline figures, already formatted (e.g. ("Cost A → B", "£9.1m → £8.2m")).
    public var totals: [MapTotal]
    public var areas: [DifferenceArea]
    public var sites: [DifferenceSite]
    /// Side-by-side district table shown under the HTML map.
    public var districtTable: MapTable
    /// District outlines when a boundary file exists; empty means "derive from the areas".
    public var boundaries: [DistrictBoundary]

    public init(
        title: String, optionA: String, optionB: String, totals: [MapTotal],
        areas: [DifferenceArea], sites: [DifferenceSite], districtTable: MapTable,
        boundaries: [DistrictBoundary] = []
    ) {
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
    public var id: String
    public var district: String
    /// Decimal degrees (WGS84).
    public var lat: Double
    public var lon: Double
    /// Resident children aged 0-19; sizes the dot.
    public var children: Double
    /// Travel minutes to the serving hub under A and B (nil: none reachable).
    public var minutesA: Double?
    public var minutesB: Double?
    public var coveredA: Bool
    public var coveredB: Bool

    public init(
        id: String, district: String, lat: Double, lon: Double, children: Double,
        minutesA: Double?, minutesB: Double?, coveredA: Bool, coveredB: Bool
    ) {
        self.id = id
        self.district = district
        self.lat = lat
        self.lon = lon
        self.children = children
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
    public var id: String
    public var name: String
    public var kind: String
    public var district: String
    /// Decimal degrees (WGS84).
    public var lat: Double
    public var lon: Double
    public var decisionA: SiteDecision
    public var decisionB: SiteDecision

    public init(
        id: String, name: String, kind: String, district: String, lat: Double, lon: Double,
        decisionA: SiteDecision, decisionB: SiteDecision
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.district = district
        self.lat = lat
        self.lon = lon
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
