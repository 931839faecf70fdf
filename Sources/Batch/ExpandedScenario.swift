import Estate

/// One scenario of a batch: a variant and one value of every `batch:` key applied
/// to the base scenario.
public struct ExpandedScenario: Sendable, Hashable, Identifiable {
    /// Stable id: the first 16 hex digits of the SHA-256 of the canonical JSON of
    /// the effective document (`batch:`/`variants:` removed, keys sorted, numbers
    /// normalised). The same effective scenario gets the same id in any batch, on
    /// any machine, whatever order or spelling the file used.
    public let id: String
    /// 0-based position in expansion order (variants in file order, then the grid
    /// with the first `batch:` key varying slowest). Sharding deals by this position.
    public let index: Int
    /// Human-readable label: the variant name, then `key=value` for every batch key.
    public let name: String
    /// The variant's name, or nil when the file has no `variants:`.
    public let variant: String?
    /// The parameters that make this scenario differ from the base: `variant` first
    /// (when present), then every `batch:` key in file order.
    public let parameters: [ScenarioParameter]
    /// Every override applied to the base scenario, the variant's first, then one value of
    /// each `batch:` key: what a problem in the effective scenario is traced back to.
    public let overrides: [ScenarioOverride]
    /// The effective scenario: the file's tree, as the scenario reader read it, with this
    /// scenario's overrides set in it and `batch:`/`variants:` removed. Every node keeps its line
    /// and column in `sourceFile`; relative paths in it (`dataset:`) stay relative to its folder.
    public let document: ScenarioNode
    /// The scenario file the batch came from, as given to the expander.
    public let sourceFile: String

    /// The parameters as one JSON object with sorted keys (values are canonical JSON),
    /// the form stored in the results database.
    public var parametersJSON: String {
        CanonicalJSON.object(parameters.map { (key: $0.key, json: $0.json) })
    }
}

/// One varied parameter of an expanded scenario.
public struct ScenarioParameter: Sendable, Hashable {
    /// The dot path (`constraints.budget`), or `variant` for the variant's name.
    public let key: String
    /// The value as canonical JSON (`7000000`, `"tight"`, `{"max":40}`).
    public let json: String
    /// The value as written in the file, for labels and CSV cells.
    public let text: String
}

/// One override of a scenario setting, as the batch file wrote it: where it came from
/// (`batch` or `variants.<name>`), the dot path it sets and the place of its value in the
/// file, so that an error in the effective scenario names the axis or variant at fault
/// rather than a line of the generated YAML.
public struct ScenarioOverride: Sendable, Hashable {
    /// `batch` for a grid value, `variants.<name>` for a variant's override.
    public let origin: String
    /// The dot path set, e.g. `constraints.budget`.
    public let path: String
    /// The value as written.
    public let text: String
    /// 1-based line and column of the value in the batch file, when known.
    public let line: Int?
    public let column: Int?

    /// Whether a setting at `keyPath` (a dot path into the effective scenario) was set or
    /// changed by this override: the path itself, a key inside it, or a parent of it.
    public func covers(_ keyPath: String) -> Bool {
        keyPath == path || keyPath.hasPrefix(path + ".") || path.hasPrefix(keyPath + ".")
    }
}
