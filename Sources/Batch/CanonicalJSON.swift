import Estate
import Yams

/// Canonical JSON text for scenario trees and plain values.
///
/// Scenario ids hash this text, so it must not depend on how the analyst wrote a
/// value: mapping keys are sorted, `9_000_000`, `9000000` and `9e6` all become
/// `9000000`, and booleans and nulls use JSON's spelling. Strings keep their text.
enum CanonicalJSON {
    /// The canonical JSON of a scenario tree. A plain scalar is typed as YAML types it (Yams'
    /// resolver: `9_000_000` an integer, `yes` a boolean), a quoted one is a string.
    static func text(of node: ScenarioNode) -> String {
        var out = ""
        write(node, into: &out)
        return out
    }

    private static func write(_ node: ScenarioNode, into out: inout String) {
        switch node.kind {
        case .null:
            out += "null"
        case let .scalar(text, quoted):
            out += quoted ? JSONText.string(text) : scalar(Node(text))
        case let .list(items):
            out += "["
            for (index, element) in items.enumerated() {
                if index > 0 { out += "," }
                write(element, into: &out)
            }
            out += "]"
        case let .map(entries):
            let pairs = entries.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            out += "{"
            for (index, pair) in pairs.enumerated() {
                if index > 0 { out += "," }
                out += JSONText.string(pair.key)
                out += ":"
                write(pair.value, into: &out)
            }
            out += "}"
        }
    }

    private static func scalar(_ node: Node) -> String {
        switch Tag.Name(rawValue: node.tag.rawValue) {
        case .null:
            return "null"
        case .bool:
            if let value = node.bool { return value ? "true" : "false" }
        case .int:
            if let value = node.int { return String(value) }
            if let value = node.float { return number(value) }
        case .float:
            if let value = node.float { return number(value) }
        default:
            break
        }
        return JSONText.string(node.scalar?.string ?? "")
    }

    /// A number in canonical form: integral values within 2^53 print as integers,
    /// others as Swift's shortest round-trip decimal; non-finite values as strings.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return JSONText.string(String(value)) }
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
            return String(Int64(value))
        }
        return String(value)
    }

    /// A JSON object with keys sorted, from already-encoded values.
    static func object(_ members: [(key: String, json: String)]) -> String {
        let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        return "{" + sorted.map { JSONText.string($0.key) + ":" + $0.json }.joined(separator: ",") + "}"
    }

    /// A JSON array of strings, in the given order.
    static func array(_ strings: [String]) -> String {
        "[" + strings.map(JSONText.string).joined(separator: ",") + "]"
    }
}
