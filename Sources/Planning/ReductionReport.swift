/// What the exact reductions removed before the model went to the solver, so a planner
/// (and a reviewer) can see how large the model really was and why it stayed exact.
public struct ReductionReport: Sendable, Codable, Equatable {
    /// Areas in the instance.
    public var areas = 0
    /// Rows of demand the model actually carries after merging areas with identical reach.
    public var areaGroups = 0
    /// Areas whose coverage or service is already settled by a must-keep site.
    public var areasSettledByKeptSites = 0
    /// Areas that no candidate site can cover: a constant, not a decision.
    public var areasNeverCovered = 0
    /// Areas with no site at all within the modelled horizon (excluded from travel sums).
    public var areasUnreachable = 0
    /// Sites in the instance.
    public var sites = 0
    /// Sites fixed open by `status: keep`.
    public var sitesFixedOpen = 0
    /// Sites fixed closed by `status: close`.
    public var sitesFixedClosed = 0
    /// Candidate sites closed because another site covers everything they cover, for no more cost or carbon.
    public var sitesDominated = 0
    /// Area-site pairs within the modelled horizon.
    public var pairs = 0
    /// Columns and rows of the model that was solved.
    public var variables = 0
    public var constraints = 0
    /// Services: offers of a free service (`cost_per_site` 0) that are their site's keep
    /// decision rather than a column of their own; nil for a plan without services.
    public var offersTiedToSites: Int?
    /// Services: columns and rows of the model as FORMAT.md writes it, before the reductions.
    public var variablesAsWritten: Int?
    public var constraintsAsWritten: Int?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case areas, areaGroups = "area_groups", areasSettledByKeptSites = "areas_settled_by_kept_sites"
        case areasNeverCovered = "areas_never_covered", areasUnreachable = "areas_unreachable"
        case sites, sitesFixedOpen = "sites_fixed_open", sitesFixedClosed = "sites_fixed_closed"
        case sitesDominated = "sites_dominated", pairs, variables, constraints
        case offersTiedToSites = "offers_tied_to_sites", variablesAsWritten = "variables_as_written"
        case constraintsAsWritten = "constraints_as_written"
    }
}
