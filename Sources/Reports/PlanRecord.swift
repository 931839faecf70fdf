import Estate
import EstateMap
import Planning

/// One estate option as `estate compare` sees it: a plan read back from the files of its folder
/// (or from the same files made in memory for a scenario solved on the spot), so that a folder
/// and a scenario are compared through one code path and give the same tables.
public struct PlanRecord: Sendable, Equatable {
    /// The option's name in tables and file names (folder or scenario name).
    public var name: String
    /// The folder or scenario path as the user gave it.
    public var source: String
    /// What `summary.json` says of the solve.
    public var summary: Summary
    /// Every site, in `sites.csv` order.
    public var sites: [Site]
    /// Every area, in `areas.csv` order.
    public var areas: [Area]
    /// `equality.csv` as written: its header and text rows.
    public var equality: EqualityText
    /// The plan's own map (`estate.svg`) when the folder has one, for a report to show as drawn.
    public var map: String?
    /// A v2 plan's `services.csv` and `service_equality.csv` as written; nil for a v1 plan.
    public var services: ServiceText?

    public init(name: String, source: String, summary: Summary, sites: [Site], areas: [Area], equality: EqualityText,
                map: String? = nil, services: ServiceText? = nil) {
        self.map = map
        self.services = services
        self.name = name
        self.source = source
        self.summary = summary
        self.sites = sites
        self.areas = areas
        self.equality = equality
    }

    /// The solve as `summary.json` reports it.
    public struct Summary: Sendable, Equatable {
        /// The scenario file the plan was made from.
        public var scenarioFile: String
        /// The dataset folder the plan was made on (informational: datasets are compared by content).
        public var dataset: String
        /// How the solve ended; only `optimal` and `feasible` plans have decisions to compare.
        public var status: PlanStatus
        /// `max_coverage`, `min_cost`, ...
        public var objectiveName: String
        /// Objective value in the objective's units; nil when the solver found none.
        public var objective: Double?
        /// The solver's proven bound on the objective, in the objective's units.
        public var bound: Double?
        /// Relative gap (0...1).
        public var gap: Double?
        /// Solve time, seconds.
        public var seconds: Double
        /// The coverage standard, minutes.
        public var coverageMinutes: Double
        /// County totals as the plan reported them (GBP/year, tCO2e/year, shares).
        public var totals: PlanTotals
        /// The scenario's `name:` (or its file's name); nil in folders written before names existed.
        public var optionName: String?
        /// The scenario's `description:`, when it has one.
        public var optionDescription: String?
        /// What the dataset declared about itself (illustrative, caveats).
        public var provenance: DatasetProvenance
        /// The scenario's constraints as `summary.json` states them (`budget`, `min_coverage`, ...),
        /// numbers only; empty for folders written before they were recorded.
        public var constraints: [String: Double] = [:]
        /// The scenario's service codes in its order (`scenario.services`); empty for a plan
        /// without services, and for folders written before they were recorded.
        public var serviceCodes: [String] = []
        /// What the plan called its services; the default rule for folders without names.
        public var serviceNames = ServiceNames()
        /// Whether the plan planned services: `scenario.services` says so whatever the status;
        /// folders written before it was recorded say so by their services totals.
        public var hasServices: Bool { !serviceCodes.isEmpty || totals.buildingCoverage != nil }
        /// When the plan is infeasible: the constraints in conflict, as `summary.json` explains them.
        public var conflicts: [ConflictText] = []
        /// The re-solves' sentence about each limit the scenario sets (`explanations.limits`),
        /// empty when the plan was made without explanations.
        public var limitExplanations: [String] = []
        /// The re-solves' sentence about each site whose decision the plan made, by site id.
        public var siteExplanations: [String: String] = [:]
        /// How the site sentences were found (`plan_fixed_except_site` or `re_solve`).
        public var siteExplanationMethod: String?
        /// Whether the explanations stopped at their allowance of re-solves, in words (`explanations.note`).
        public var explanationNote: String?
        /// The limits (scenario keys, `constraints.budget`) without which the plan keeps exactly
        /// the same buildings: a limit that changed nothing, which a comparison flags.
        public var limitsThatChangedNothing: [String] = []

        public init(scenarioFile: String, dataset: String, status: PlanStatus, objectiveName: String, objective: Double?,
                    bound: Double?, gap: Double?, seconds: Double, coverageMinutes: Double, totals: PlanTotals,
                    optionName: String? = nil, optionDescription: String? = nil, provenance: DatasetProvenance = DatasetProvenance()) {
            self.optionName = optionName
            self.optionDescription = optionDescription
            self.provenance = provenance
            self.scenarioFile = scenarioFile
            self.dataset = dataset
            self.status = status
            self.objectiveName = objectiveName
            self.objective = objective
            self.bound = bound
            self.gap = gap
            self.seconds = seconds
            self.coverageMinutes = coverageMinutes
            self.totals = totals
        }
    }

    /// One constraint in conflict, as `summary.json` words it.
    public struct ConflictText: Sendable, Equatable {
        /// The scenario key (`constraints.min_deprived_coverage`).
        public var constraint: String
        /// The sentence: the best reachable with the others held and the data facts behind it.
        public var explanation: String
        /// Reasons found in the data (e.g. each area with no site within max_minutes).
        public var details: [String]

        public init(constraint: String, explanation: String, details: [String]) {
            self.constraint = constraint
            self.explanation = explanation
            self.details = details
        }
    }

    /// One row of `sites.csv` with its position from `estate.geojson`.
    public struct Site: Sendable, Equatable {
        /// Site id, unique in the dataset.
        public var id: String
        /// Building name, for people.
        public var name: String
        /// `childrens_centre`, `youth_hub`, `family_hub`, ...
        public var kind: String
        /// District the building is in.
        public var district: String
        /// Kept, closed, or kept because the dataset says `status: keep`.
        public var decision: SiteDecision
        /// GBP per year if kept.
        public var annualCost: Double
        /// tCO2e per year if kept.
        public var carbon: Double
        /// Decimal degrees north (WGS84).
        public var lat: Double
        /// Decimal degrees east (WGS84).
        public var lon: Double
        /// What the decision means for the site's users, from `sites.csv`'s optional columns.
        public var outcome: SiteOutcome?
        /// The services the site offers in a plan with services (`services_offered`; empty when
        /// closed); nil for a buildings-only plan.
        public var servicesOffered: [String]?

        public init(id: String, name: String, kind: String, district: String, decision: SiteDecision, annualCost: Double,
                    carbon: Double, lat: Double, lon: Double, outcome: SiteOutcome? = nil, servicesOffered: [String]? = nil) {
            self.outcome = outcome
            self.servicesOffered = servicesOffered
            self.id = id
            self.name = name
            self.kind = kind
            self.district = district
            self.decision = decision
            self.annualCost = annualCost
            self.carbon = carbon
            self.lat = lat
            self.lon = lon
        }
    }

    /// What a site's decision means for the people who use it (`sites.csv`'s columns after
    /// `carbon`), the facts a report gives as the decision's reasons.
    public struct SiteOutcome: Sendable, Equatable {
        /// Need weight of the areas the site serves in the plan.
        public var needServed: Double
        /// Need weight only this kept site covers (0 for a closed site).
        public var uniqueNeed: Double
        /// Current visits per year.
        public var visits: Double
        /// Visits per year whose site closes.
        public var visitsDisplaced: Double
        /// For a closed site, the kept site most of its users move to.
        public var nearestKeptSite: String?
        /// For a closed site, its users' mean extra minutes to their new hub.
        public var extraMinutes: Double?

        public init(needServed: Double, uniqueNeed: Double, visits: Double, visitsDisplaced: Double,
                    nearestKeptSite: String?, extraMinutes: Double?) {
            self.needServed = needServed
            self.uniqueNeed = uniqueNeed
            self.visits = visits
            self.visitsDisplaced = visitsDisplaced
            self.nearestKeptSite = nearestKeptSite
            self.extraMinutes = extraMinutes
        }
    }

    /// One row of `areas.csv` with its position from `estate.geojson`.
    public struct Area: Sendable, Equatable {
        /// Area code, unique in the dataset.
        public var id: String
        /// District the area belongs to.
        public var district: String
        /// Resident children aged 0-19.
        public var children: Double
        /// The optimiser's need weight for the area under this option's needs framework.
        public var weight: Double
        /// The kept site serving the area; nil when none is reachable.
        public var siteID: String?
        /// Minutes to that site; nil when none is reachable.
        public var minutes: Double?
        /// Whether a kept hub lies within the option's coverage time (the whole area).
        public var covered: Bool
        /// Share of the area's demand covered (below 1 only where capacity splits it).
        public var coveredShare: Double
        /// Decimal degrees north (WGS84).
        public var lat: Double
        /// Decimal degrees east (WGS84).
        public var lon: Double

        public init(id: String, district: String, children: Double, weight: Double, siteID: String?, minutes: Double?,
                    covered: Bool, coveredShare: Double, lat: Double, lon: Double) {
            self.id = id
            self.district = district
            self.children = children
            self.weight = weight
            self.siteID = siteID
            self.minutes = minutes
            self.covered = covered
            self.coveredShare = coveredShare
            self.lat = lat
            self.lon = lon
        }
    }

    /// A v2 plan's service tables as text: `services.csv` (a row per service and district, and
    /// a total) and `service_equality.csv` (the equality tables of each service).
    public struct ServiceText: Sendable, Equatable {
        public var coverage: EqualityText
        public var equality: EqualityText
        /// `area_services.csv`: by service code, then area id, how the service reaches the area;
        /// empty for a folder without the file (the difference map then has no service layers).
        public var areas: [String: [String: AreaServiceShares]]

        public init(coverage: EqualityText, equality: EqualityText, areas: [String: [String: AreaServiceShares]] = [:]) {
            self.coverage = coverage
            self.equality = equality
            self.areas = areas
        }
    }

    /// One row of `area_services.csv`: the service's need weight in the area, the share a kept
    /// building offering it covers and the share outreach reaches.
    public struct AreaServiceShares: Sendable, Equatable {
        public var weight: Double
        public var covered: Double
        public var outreach: Double

        public init(weight: Double, covered: Double, outreach: Double) {
            self.weight = weight
            self.covered = covered
            self.outreach = outreach
        }
    }

    /// `equality.csv` as text: compared cell by cell, so the comparison quotes each option's
    /// equality tables exactly as its plan wrote them.
    public struct EqualityText: Sendable, Equatable {
        /// Column names, as in the file.
        public var header: [String]
        /// Rows in file order, each as wide as `header`.
        public var rows: [[String]]

        public init(header: [String], rows: [[String]]) {
            self.header = header
            self.rows = rows
        }

        /// The median minutes of the row of `group` and `label` (`district` and its name, or
        /// `all`), nil when the row is missing or blank (no area with a reachable hub).
        func medianMinutes(group: String, label: String) -> Double? {
            guard let g = header.firstIndex(of: "group"), let l = header.firstIndex(of: "label"),
                  let m = header.firstIndex(of: "median_minutes") else { return nil }
            return rows.first { $0[g] == group && $0[l] == label }.flatMap { Double($0[m]) }
        }
    }
}
