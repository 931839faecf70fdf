import Estate

/// Everything the estate map shows, as plain values: the planner fills it in
/// from a plan, and the map never needs to know how the plan was made.
public struct EstateMapData: Sendable, Equatable {
    /// Headline of the title block, e.g. "Kent Family Hubs".
    public var title: String
    /// The scenario or option name, shown under the title.
    public var subtitle: String
    /// Solver status and gap as the planner words it, e.g. "optimal, gap 0.00%".
    public var status: String
    /// Headline totals in display order, values already formatted by the caller
    /// (e.g. ("Saving on buildings", "£5,697,000 a year")).
    public var totals: [MapTotal]
    /// The demand units (small areas), in any order.
    public var areas: [MapArea]
    /// The buildings; `MapArea.hub` indexes into this array.
    public var sites: [MapSite]
    /// Per-district table shown under the HTML map (header plus rows of text).
    public var districtTable: MapTable
    /// District outlines when a boundary file exists; empty means "derive from the areas".
    public var boundaries: [DistrictBoundary]
    /// Towns to label for orientation (the dataset's `places.csv`), drawn under the district names.
    public var places: [MapPlace] = []
    /// Warnings every view of the map must show in full, e.g. that the dataset is illustrative
    /// (drawn in red under the title, and as a banner on the HTML page).
    public var notices: [String]
    /// A plan with `services:` (v2): each service's coverage by area, for the outreach layer and
    /// the per-service coverage layers; empty for a v1 plan, whose map stays as it was.
    public var services: [MapService]

    public init(
        title: String, subtitle: String, status: String, totals: [MapTotal],
        areas: [MapArea], sites: [MapSite], districtTable: MapTable,
        boundaries: [DistrictBoundary] = [], notices: [String] = [], services: [MapService] = []
    ) {
        self.notices = notices
        self.services = services
        self.title = title
        self.subtitle = subtitle
        self.status = status
        self.totals = totals
        self.areas = areas
        self.sites = sites
        self.districtTable = districtTable
        self.boundaries = boundaries
    }
}

/// A named place (a town) labelled on the map for orientation.
public struct MapPlace: Sendable, Equatable {
    public var name: String
    /// Decimal degrees (WGS84).
    public var lat: Double, lon: Double

    public init(name: String, lat: Double, lon: Double) {
        self.name = name
        self.lat = lat
        self.lon = lon
    }
}

/// One headline figure of the title block: a label and its formatted value.
public struct MapTotal: Sendable, Equatable {
    /// What the figure is, e.g. "Saving on buildings".
    public var label: String
    /// The figure with its unit, already formatted.
    public var value: String

    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

/// One small area (e.g. an LSOA) as the plan left it.
public struct MapArea: Sendable, Equatable {
    /// Id, district, centroid, children and outline, as the difference map's areas have them
    /// (read as the area's own: `area.id`).
    public var basics: MapAreaBasics
    /// Composite need score from the needs framework (higher = more need); colours the area.
    public var need: Double
    /// The weight the optimiser used (children x need multiplier).
    public var weight: Double
    /// Index into `EstateMapData.sites` of the kept site serving this area, or nil when none is reachable.
    public var hub: Int?
    /// Travel minutes to `hub`, or nil when no hub is reachable.
    public var minutes: Double?
    /// Whether a kept hub lies within the scenario's coverage minutes.
    public var covered: Bool
    /// Deprivation decile, 1 = most deprived 10% ... 10 = least deprived, or nil when unknown.
    public var deprivationDecile: Int?

    public init(
        id: String, district: String, lat: Double, lon: Double, need: Double, weight: Double,
        children: Double, hub: Int?, minutes: Double?, covered: Bool, deprivationDecile: Int? = nil, outline: Boundary? = nil
    ) {
        basics = MapAreaBasics(id: id, district: district, lat: lat, lon: lon, children: children, outline: outline)
        self.need = need
        self.weight = weight
        self.hub = hub
        self.minutes = minutes
        self.covered = covered
        self.deprivationDecile = deprivationDecile
    }
}

/// What the plan decided for a building.
public enum SiteDecision: String, Sendable, CaseIterable {
    /// Kept as a Family Hub by the optimiser's choice.
    case kept
    /// Closed (by the optimiser or by the scenario's `status: close`).
    case closed
    /// Kept because the scenario says `status: keep`; the optimiser had no choice.
    case mustKeep = "must_keep"

    /// Whether the building stays open.
    public var isOpen: Bool { self != .closed }
}

/// One building and the plan's decision for it.
public struct MapSite: Sendable, Equatable {
    /// Id, name, kind, district and position, as the difference map's sites have them (read as
    /// the site's own: `site.name`).
    public var basics: MapSiteBasics
    /// What the plan decided; sets the symbol.
    public var decision: SiteDecision
    /// Running cost if kept, GBP per year.
    public var annualCost: Double
    /// Operational emissions if kept, tCO2e per year.
    public var carbon: Double
    /// Sum of the weights of the areas this site serves in the plan (0 when closed).
    public var needServed: Double
    /// v2: a kept site offering every core service of `family_hubs` (drawn as a star).
    public var familyHub: Bool
    /// v2: names of the services the kept site offers, as its hover lists them (empty when
    /// closed, and for v1 plans).
    public var servicesOffered: [String]

    /// A building run by a partner (`kind: partner`, FORMAT.md v2), drawn as a square when kept.
    public var isPartner: Bool { basics.kind == "partner" }

    public init(
        id: String, name: String, kind: String, district: String, lat: Double, lon: Double,
        decision: SiteDecision, annualCost: Double, carbon: Double, needServed: Double,
        familyHub: Bool = false, servicesOffered: [String] = []
    ) {
        basics = MapSiteBasics(id: id, name: name, kind: kind, district: district, lat: lat, lon: lon)
        self.familyHub = familyHub
        self.servicesOffered = servicesOffered
        self.decision = decision
        self.annualCost = annualCost
        self.carbon = carbon
        self.needServed = needServed
    }
}

/// A table of already formatted text, e.g. the districts table of a plan.
public struct MapTable: Sendable, Equatable {
    /// Column names.
    public var header: [String]
    /// One array of cells per row, as wide as `header`.
    public var rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }
}

/// A district's outline from a boundary file: one or more rings of (lat, lon), degrees.
public struct DistrictBoundary: Sendable, Equatable {
    /// District name, as in `areas.csv`.
    public var district: String
    /// Each ring is closed implicitly (the last point joins the first).
    public var rings: [[GeoPoint]]

    public init(district: String, rings: [[GeoPoint]]) {
        self.district = district
        self.rings = rings
    }
}

/// A position in decimal degrees (WGS84).
public struct GeoPoint: Sendable, Equatable {
    /// Decimal degrees north (WGS84).
    public var lat: Double
    /// Decimal degrees east (WGS84).
    public var lon: Double

    public init(lat: Double, lon: Double) {
        self.lat = lat
        self.lon = lon
    }
}
