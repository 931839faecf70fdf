/// A parsed scenario document as a small tree (what YAML or JSON becomes), with the line and
/// column of every node so that errors can point into the file.
///
/// The domain decodes `Scenario` from this tree, and the batch engine overrides keys in it and
/// decodes again, so neither depends on a YAML library.
public struct ScenarioNode: Sendable, Hashable {
    /// One key of a mapping, in document order.
    public struct Entry: Sendable, Hashable {
        /// The key as written.
        public var key: String
        /// The value under the key.
        public var value: ScenarioNode
        /// An entry of a mapping.
        public init(key: String, value: ScenarioNode) {
            self.key = key
            self.value = value
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
    /// `services.youth.min_coverage`).
    public func node(at path: String) -> ScenarioNode? {
        var node: ScenarioNode? = self
        for component in path.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
            guard let current = node else { return nil }
            switch current.kind {
            case .map: node = current[component]
            case .list(let items):
                // A position, or the `code` of an item (`services.youth`), as batch paths allow.
                if let index = Int(component), items.indices.contains(index) { node = items[index] }
                else { node = items.first { $0["code"]?.text == component } }
            default: return nil
            }
        }
        return node
    }

    /// A copy of this mapping with `key`'s value replaced (or appended when absent). Only a reader
    /// uses it, to put a needs file in place of `needs: file.yaml`; batch overrides of dotted paths
    /// follow the batch engine's one rule set (`DotPath`).
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
