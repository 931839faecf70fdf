import Estate

/// Plan totals, as in `summary.json`'s `totals`.
public struct BatchTotals: Sendable, Equatable, Codable {
    /// Number of sites kept as Family Hubs.
    public var sitesKept: Int
    /// Annual cost, what the budget bounds: buildings, and with services their services and outreach (GBP per year).
    public var cost: Double
    /// Saving against keeping every site (GBP per year).
    public var saving: Double
    /// Total operational emissions of the kept sites (tCO2e per year).
    public var carbon: Double
    /// Share of need-weighted demand covered, 0...1.
    public var coverage: Double

    /// Totals in the units above.
    public init(sitesKept: Int, cost: Double, saving: Double, carbon: Double, coverage: Double) {
        self.sitesKept = sitesKept
        self.cost = cost
        self.saving = saving
        self.carbon = carbon
        self.coverage = coverage
    }
}

/// What the planner closure returns for one scenario. The runner adds the id, name,
/// parameters, wall-clock seconds, engine version, shard and timestamps.
public struct BatchResult: Sendable, Equatable {
    /// How the solve ended.
    public var status: PlanStatus
    /// Objective value as FORMAT.md defines it per objective; nil without a plan.
    public var objective: Double?
    /// Best proven bound on the objective; nil when the solver gave none.
    public var bound: Double?
    /// Relative gap between objective and bound (0 when optimal); nil without a plan.
    public var gap: Double?
    /// Plan totals; nil without a plan.
    public var totals: BatchTotals?
    /// Ids of the kept sites (stored sorted).
    public var keptSites: [String]
    /// SHA-256 (hex) of every input file, keyed by the file's path as the scenario
    /// names it (e.g. `datasets/kent/areas.csv`), so the row can be reproduced and
    /// merges can refuse rows computed from different data. See `InputDigests`.
    public var inputHashes: [String: String]
    /// Why the scenario ended as it did, when there is more to say (errors,
    /// constraints in conflict); nil otherwise.
    public var message: String?

    /// A result; only `status` is required (an error or infeasible scenario has no plan).
    public init(
        status: PlanStatus, objective: Double? = nil, bound: Double? = nil, gap: Double? = nil,
        totals: BatchTotals? = nil, keptSites: [String] = [], inputHashes: [String: String] = [:],
        message: String? = nil
    ) {
        self.status = status
        self.objective = objective
        self.bound = bound
        self.gap = gap
        self.totals = totals
        self.keptSites = keptSites
        self.inputHashes = inputHashes
        self.message = message
    }
}

/// The closure the CLI supplies to run one scenario: read the expanded scenario's
/// YAML with the ordinary reader, plan it against the shared scored dataset, and
/// summarise. It is called on a worker thread and stays on it for the whole solve
/// (GLPK's environment is thread-local). A thrown error becomes a row with status
/// `error` and the error's description as its message.
public typealias ScenarioSolver = @Sendable (ExpandedScenario) throws -> BatchResult
