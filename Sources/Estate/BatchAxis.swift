/// One axis of a batch: a dotted key path and the values it takes (`batch:` block).
public struct BatchAxis: Sendable, Hashable {
    /// Dotted key path into the scenario, e.g. `constraints.budget`.
    public var path: String
    /// The values, as written.
    public var values: [ScenarioNode]
    /// One batch axis.
    public init(path: String, values: [ScenarioNode]) {
        self.path = path
        self.values = values
    }
}
