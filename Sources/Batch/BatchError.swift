/// Why a batch could not be expanded, sharded, stored or merged.
///
/// Each case names the file (and line and column where the YAML gives them), the
/// offending value and what was expected, so an analyst can fix the input without
/// reading code.
public enum BatchError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The scenario file is not valid YAML (or JSON).
    case invalidYAML(file: String, reason: String)
    /// A node had the wrong shape: `found` at `file:line:column`, `expected` instead.
    case invalidNode(file: String, line: Int?, column: Int?, key: String, found: String, expected: String)
    /// A dot path cannot be applied to the scenario (it walks through a scalar, or
    /// indexes past the end of a list).
    case invalidPath(file: String, line: Int?, column: Int?, path: String, reason: String)
    /// Two expanded scenarios have the same effective document (same id).
    case duplicateScenario(file: String, id: String, first: String, second: String)
    /// A shard specification (`--shard K/N` or a scheduler variable) is malformed.
    case invalidShard(source: String, value: String, expected: String)
    /// A file could not be read (input hashing, scenario reading).
    case unreadableFile(path: String, reason: String)
    /// The results database could not be opened, read or written.
    case database(path: String, reason: String)
    /// The results database already has rows and the run was not asked to resume.
    case databaseNotEmpty(path: String, rows: Int)
    /// Merging found ids whose input hashes differ between databases: they were not
    /// computed from the same inputs, so neither row can silently win.
    case mergeConflict(path: String, ids: [String])
    /// The Pareto tracer was given an unusable range or budget.
    case invalidFrontier(reason: String)

    /// The message shown to the user: where, what was found, what was expected.
    public var description: String {
        switch self {
        case let .invalidYAML(file, reason):
            return "\(file): not valid YAML: \(reason)"
        case let .invalidNode(file, line, column, key, found, expected):
            return "\(Self.place(file, line, column)): `\(key)` is \(found); expected \(expected)"
        case let .invalidPath(file, line, column, path, reason):
            return "\(Self.place(file, line, column)): cannot apply `\(path)`: \(reason)"
        case let .duplicateScenario(file, id, first, second):
            return "\(file): scenarios `\(first)` and `\(second)` are the same scenario (id \(id)); "
                + "remove one of them"
        case let .invalidShard(source, value, expected):
            return "\(source) = `\(value)`: expected \(expected)"
        case let .unreadableFile(path, reason):
            return "\(path): cannot read: \(reason)"
        case let .database(path, reason):
            return "\(path): results database error: \(reason)"
        case let .databaseNotEmpty(path, rows):
            return "\(path): already holds \(rows) result rows; pass --resume to skip them, "
                + "or choose another database"
        case let .mergeConflict(path, ids):
            let shown = ids.prefix(5).joined(separator: ", ")
            let more = ids.count > 5 ? " and \(ids.count - 5) more" : ""
            return "\(path): \(ids.count) scenario ids were computed from different input files "
                + "than the rows already merged: \(shown)\(more)"
        case let .invalidFrontier(reason):
            return "frontier: \(reason)"
        }
    }

    private static func place(_ file: String, _ line: Int?, _ column: Int?) -> String {
        switch (line, column) {
        case let (line?, column?): return "\(file):\(line):\(column)"
        case let (line?, nil): return "\(file):\(line)"
        default: return file
        }
    }
}
