/// A parsed scenario document as a small tree (what YAML or JSON becomes), with the line and
/// column of every node so that errors can point into the file.
///
/// The domain decodes `Scenario` from this tree, and the batch engine sets its overrides in it
/// (`replacing(at:with:)`) before the same decoding, so neither depends on a YAML library.
public struct ScenarioNode: Sendable, Hashable {
    /// One key of a mapping, in document order.
    public struct Entry: Sendable, Hashable {
        /// The key as written.
        public var key: String
        /// The value under the key.
        public var value: ScenarioNode
        /// 1-based line and column of the key in the source file, when known (an error about
        /// the key itself, such as a batch axis' dot path, points there).
        public var keyLine: Int?
        public var keyColumn: Int?
        /// An entry of a mapping.
        public init(key: String, value: ScenarioNode, keyLine: Int? = nil, keyColumn: Int? = nil) {
            self.key = key
            self.value = value
            self.keyLine = keyLine
            self.keyColumn = keyColumn
        }
    }

    /// The shape of a node.
    public enum Kind: Sendable, Hashable {
        /// `~`, `null` or an empty value.
        case null
        /// Text as written; `quoted` tells `"20"` (a string) from `20`, though numbers accept both.
        case scalar(String, quoted: Bool)
        case list([ScenarioNode])
        case map([Entry])
    }

    /// What the node holds.
    public var kind: Kind
    /// 1-based line in the source file, when known.
    public var line: Int?
    /// 1-based column in the source file, when known.
    public var column: Int?

    /// A node, with its source position when it came from a file.
    public init(_ kind: Kind, line: Int? = nil, column: Int? = nil) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    /// A plain (unquoted) scalar, e.g. `ScenarioNode.scalar("20")`.
    public static func scalar(_ text: String) -> ScenarioNode { ScenarioNode(.scalar(text, quoted: false)) }

    /// A mapping from key/value pairs in order.
    public static func map(_ pairs: [(String, ScenarioNode)]) -> ScenarioNode {
        ScenarioNode(.map(pairs.map { Entry(key: $0.0, value: $0.1) }))
    }

    /// The value of `key` when this node is a mapping.
    public subscript(key: String) -> ScenarioNode? {
        guard case .map(let entries) = kind else { return nil }
        return entries.first { $0.key == key }?.value
    }

    /// The scalar text, when this node is a scalar.
    public var text: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    /// The node at a dotted key path (`constraints.budget`, `needs.indicators.0.weight`,
    /// `services.youth.min_coverage`), found by the same rule `replacing(at:with:)` sets one.
    public func node(at path: String) -> ScenarioNode? {
        var node: ScenarioNode? = self
        for component in path.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
            guard let current = node else { return nil }
            switch current.kind {
            case .map: node = current[component]
            case .list(let items): node = Self.item(component, of: items).map { items[$0] }
            default: return nil
            }
        }
        return node
    }

    /// Why a dotted path cannot be set in a document: the segment at fault, in words.
    public struct PathError: Error, Sendable, Equatable {
        /// E.g. "`services` has no item with code `yuth` (nor is it a 0-based position)".
        public var reason: String
    }

    /// A copy of this document with the node at `path` (its segments, from the root) replaced
    /// whole by `value`: the one rule every batch or frontier override follows. Missing mapping
    /// keys are created (so `constraints.carbon` works on a scenario without `constraints:`); in
    /// a list a segment is a 0-based position or the `code` of an item (`services.youth`), which
    /// must exist; a path cannot continue through a single value.
    public func replacing(at path: [String], with value: ScenarioNode) throws(PathError) -> ScenarioNode {
        try replacing(at: path[...], walked: [], with: value)
    }

    private func replacing(at path: ArraySlice<String>, walked: [String], with value: ScenarioNode) throws(PathError) -> ScenarioNode {
        guard let segment = path.first else { return value }
        let here = walked.joined(separator: ".")
        var copy = self
        switch kind {
        case .map(var entries):
            let position = entries.firstIndex { $0.key == segment }
            let child = position.map { entries[$0].value } ?? ScenarioNode(.map([]))
            let replaced = try child.replacing(at: path.dropFirst(), walked: walked + [segment], with: value)
            if let position { entries[position].value = replaced } else { entries.append(Entry(key: segment, value: replaced)) }
            copy.kind = .map(entries)
        case .list(var items):
            guard let index = Self.item(segment, of: items) else {
                throw PathError(reason: Int(segment) != nil
                    ? "`\(here)` is a list of \(items.count); `\(segment)` is not a position in it (0-based)"
                    : "`\(here)` has no item with code `\(segment)` (nor is it a 0-based position)")
            }
            items[index] = try items[index].replacing(at: path.dropFirst(), walked: walked + [segment], with: value)
            copy.kind = .list(items)
        case .scalar, .null:
            throw PathError(reason: "`\(here)` is a single value, not a mapping or list")
        }
        return copy
    }

    /// The item a path segment names in a list: a 0-based position, else the item whose `code` it is.
    private static func item(_ segment: String, of items: [ScenarioNode]) -> Int? {
        if let index = Int(segment), items.indices.contains(index) { return index }
        return items.firstIndex { $0["code"]?.text == segment }
    }

    /// A copy of this mapping with `key`'s value replaced (or appended when absent). Only a reader
    /// uses it, to put a needs file in place of `needs: file.yaml`.
    public func replacing(key: String, with value: ScenarioNode) -> ScenarioNode {
        guard case .map(var entries) = kind else { return self }
        if let position = entries.firstIndex(where: { $0.key == key }) {
            entries[position].value = value
        } else {
            entries.append(Entry(key: key, value: value))
        }
        var copy = self
        copy.kind = .map(entries)
        return copy
    }

    /// The node written back as compact YAML flow text (for logs and batch result rows).
    public var flowText: String {
        switch kind {
        case .null: return "null"
        case .scalar(let text, let quoted): return quoted ? "\"\(text)\"" : text
        case .list(let items): return "[" + items.map(\.flowText).joined(separator: ", ") + "]"
        case .map(let entries): return "{" + entries.map { "\($0.key): \($0.value.flowText)" }.joined(separator: ", ") + "}"
        }
    }
}
