/// What the scenario fixes about a site before the optimiser runs (`status` in `sites.csv`).
public enum SiteStatus: String, Sendable, Hashable, CaseIterable {
    /// The optimiser chooses (the default when the cell is blank).
    case candidate
    /// Must stay open, e.g. a building under a lease or a statutory duty.
    case keep
    /// Must go, e.g. a building already sold.
    case close
}

/// A building that could be kept as a Family Hub.
public struct Site: Sendable, Hashable {
    /// Unique id from `sites.csv`.
    public var id: String
    /// Human name for reports.
    public var name: String
    /// `childrens_centre`, `youth_hub`, `family_hub`, `partner` or any word the user chooses.
    public var kind: String
    /// Dense index into `Dataset.districts`.
    public var district: Int
    /// Latitude, decimal degrees (WGS84).
    public var latitude: Double
    /// Longitude, decimal degrees (WGS84).
    public var longitude: Double
    /// Running cost per year if kept, GBP/year (>= 0).
    public var annualCost: Double
    /// Operational emissions per year if kept, tCO2e/year (>= 0).
    public var carbon: Double
    /// Visits per year the building can serve; `nil` means unlimited.
    public var capacity: Double?
    /// Whether the optimiser may choose, must keep, or must close this site.
    public var status: SiteStatus
    /// Service codes the building can host (from the `;`-separated `services` cell), in file order.
    public var services: [String]

    /// Creates a site; `district` indexes `Dataset.districts`; by default a candidate with unlimited capacity.
    public init(id: String, name: String, kind: String, district: Int, latitude: Double, longitude: Double,
                annualCost: Double, carbon: Double, capacity: Double? = nil, status: SiteStatus = .candidate,
                services: [String] = []) {
        self.id = id
        self.name = name
        self.kind = kind
        self.district = district
        self.latitude = latitude
        self.longitude = longitude
        self.annualCost = annualCost
        self.carbon = carbon
        self.capacity = capacity
        self.status = status
        self.services = services
    }
}
