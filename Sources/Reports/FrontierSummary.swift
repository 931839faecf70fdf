import Estate

/// `frontier.json`: what `estate report` needs beside `frontier.csv` to present a frontier (the
/// option's name and description, the criteria, the dataset's notices). One definition for the
/// file `estate frontier` writes and the one `FrontierReport.read` reads back.
public struct FrontierSummary: Codable, Sendable, Equatable {
    public var name: String
    public var description: String?
    /// The scenario file traced, and the criteria's names (`x` bounded, `y` optimised): written
    /// for whoever opens the file; presenting the frontier needs only their titles.
    public var scenarioFile: String?
    public var x: String?
    public var y: String?
    /// The criteria as the chart and the report title them.
    public var xTitle: String
    public var yTitle: String
    /// Minutes, as the scenario's `coverage_minutes`.
    public var coverageMinutes: Double
    public var datasetProvenance: DatasetProvenance
    /// Whether today's coverage is the ceiling no plan passes; absent from files written before
    /// it was recorded (read as true).
    public var todayIsCeiling: Bool?

    enum CodingKeys: String, CodingKey {
        case name, description, scenarioFile = "scenario_file", x, y, xTitle = "x_title", yTitle = "y_title"
        case coverageMinutes = "coverage_minutes", datasetProvenance = "dataset_provenance", todayIsCeiling = "today_is_ceiling"
    }

    public init(name: String, description: String?, scenarioFile: String?, x: String?, y: String?, xTitle: String, yTitle: String,
                coverageMinutes: Double, datasetProvenance: DatasetProvenance, todayIsCeiling: Bool?) {
        self.name = name
        self.description = description
        self.scenarioFile = scenarioFile
        self.x = x
        self.y = y
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.coverageMinutes = coverageMinutes
        self.datasetProvenance = datasetProvenance
        self.todayIsCeiling = todayIsCeiling
    }
}
