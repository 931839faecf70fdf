/// A scenario: which dataset, how need is measured, what to optimise under which constraints.
/// Every field of FORMAT.md's scenario file; defaults are those documented on each field.
public struct Scenario: Sendable, Hashable {
    /// The file the scenario came from (for messages), or a description such as `<defaults>`.
    public var file: String
    /// The dataset folder as written in the file (relative to the scenario file).
    public var dataset: String
    /// The needs framework; `nil` means an area's weight is its `children`.
    public var needs: NeedsFramework?
    /// Travel estimation settings.
    public var travel: TravelSettings
    /// What to optimise (default `max_coverage`).
    public var objective: Objective
    /// An area is covered when a kept site is within this many minutes, inclusive (default 20).
    public var coverageMinutes: Double
    /// Constraints (all optional).
    public var constraints: Constraints
    /// Solver limits.
    public var solver: SolverSettings
    /// The batch axes, in document order (empty without a `batch:` block).
    public var batch: [BatchAxis]
    /// The whole document as parsed, so that a batch can override keys and decode again.
    public var document: ScenarioNode

    /// Default `coverage_minutes`.
    public static let defaultCoverageMinutes = 20.0

    /// A scenario from its parts; every default is FORMAT.md's (see the properties).
    public init(file: String = "<defaults>", dataset: String = ".", needs: NeedsFramework? = nil,
                travel: TravelSettings = TravelSettings(), objective: Objective = .maxCoverage,
                coverageMinutes: Double = Scenario.defaultCoverageMinutes, constraints: Constraints = Constraints(),
                solver: SolverSettings = SolverSettings(), batch: [BatchAxis] = [],
                document: ScenarioNode = ScenarioNode(.map([]))) {
        self.file = file
        self.dataset = dataset
        self.needs = needs
        self.travel = travel
        self.objective = objective
        self.coverageMinutes = coverageMinutes
        self.constraints = constraints
        self.solver = solver
        self.batch = batch
        self.document = document
    }

    /// The horizon actually used for estimated travel: `max(horizon_minutes, coverage_minutes,
    /// max_minutes)`, so every pair a constraint or the objective looks at exists.
    public var effectiveHorizonMinutes: Double {
        max(travel.horizonMinutes, coverageMinutes, constraints.maxMinutes ?? 0)
    }
}
