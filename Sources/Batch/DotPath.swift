import Yams

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

    /// Returns `document` with the node at this path replaced by `value`.
    ///
    /// Missing mapping keys are created (so `constraints.carbon` works on a scenario
    /// without a `constraints:` block); a list position must already exist; a path
    /// cannot continue through a scalar. The replaced node is replaced whole, not
    /// merged.
    func applying(_ value: Node, to document: Node, file: String, mark: Mark?) throws(BatchError) -> Node {
        try apply(value, to: document, at: 0, file: file, mark: mark)
    }

    private func apply(_ value: Node, to node: Node, at depth: Int, file: String, mark: Mark?) throws(BatchError) -> Node {
        if depth == segments.count { return value }
        let segment = segments[depth]
        let walked = segments[0..<depth].joined(separator: ".")
        switch node {
        case var .mapping(mapping):
            let child = mapping[segment] ?? .mapping(Node.Mapping([]))
            mapping[segment] = try apply(value, to: child, at: depth + 1, file: file, mark: mark)
            return .mapping(mapping)
        case var .sequence(sequence):
            let byCode = sequence.firstIndex { $0.mapping?["code"]?.string == segment }
            let byPosition = Int(segment).flatMap { (0 ..< sequence.count).contains($0) ? $0 : nil }
            guard let offset = byPosition ?? byCode.map({ sequence.distance(from: sequence.startIndex, to: $0) }) else {
                throw .invalidPath(
                    file: file, line: mark?.line, column: mark?.column, path: description,
                    reason: Int(segment) != nil
                        ? "`\(walked)` is a list of \(sequence.count); `\(segment)` is not a position in it (0-based)"
                        : "`\(walked)` has no item with code `\(segment)` (nor is it a 0-based position)")
            }
            let index = sequence.index(sequence.startIndex, offsetBy: offset)
            sequence[index] = try apply(value, to: sequence[index], at: depth + 1, file: file, mark: mark)
            return .sequence(sequence)
        case .scalar, .alias:
            throw .invalidPath(
                file: file, line: mark?.line, column: mark?.column, path: description,
                reason: "`\(walked)` is a single value, not a mapping or list")
        }
    }
}
