import Estate

/// A path into a scenario document such as `constraints.budget`, `coverage_minutes`
/// or `needs.indicators.0.weight`.
///
/// Segments are mapping keys, or, where the node there is a list, 0-based positions or the
/// `code` of a list item (`services.youth.min_coverage` addresses the service coded `youth`).
/// Keys therefore cannot contain dots; no scenario key does.
public struct DotPath: Hashable, Sendable, CustomStringConvertible {
    /// The path's segments, in order from the document root.
    public let segments: [String]

    /// Parses `text`; nil when it has an empty segment (`a..b`, `.a`, ``).
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        segments = parts
    }

    /// The path as written, segments joined by dots.
    public var description: String { segments.joined(separator: ".") }

    /// Returns `document` with the node at this path replaced whole by `value`, by the scenario
    /// tree's one rule for dotted paths (`ScenarioNode.replacing(at:with:)`: missing mapping keys
    /// are created, a list position or item code must exist, a path cannot continue through a
    /// single value). A path that cannot be set is an error at `place` (the override's value or key).
    func applying(_ value: ScenarioNode, to document: ScenarioNode, file: String, at place: ScenarioNode) throws(BatchError) -> ScenarioNode {
        do {
            return try document.replacing(at: segments, with: value)
        } catch {
            throw .invalidPath(file: file, line: place.line, column: place.column, path: description, reason: error.reason)
        }
    }
}
