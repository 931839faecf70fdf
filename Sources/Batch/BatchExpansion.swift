import BoundedYAML
import Estate
import EstateIO
import Foundation
import Yams

/// Expands a scenario file's `batch:` and `variants:` blocks into the scenarios to run.
///
/// Format (documented in docs/batches.md):
/// ```yaml
/// batch:                       # the cartesian product of these lists
///   constraints.budget: [7_000_000, 8_000_000]
///   coverage_minutes: [15, 20, 30]
/// variants:                    # optional: named sets of overrides
///   base: {}
///   tight: {constraints.carbon: 900, solver.mip_gap: 0.01}
/// ```
/// Every variant is combined with every point of the grid (variants x grid), so the
/// example gives 2 x 2 x 3 = 12 scenarios. Without `variants:` the grid alone runs;
/// without `batch:` each variant runs once; with neither, the file itself is the
/// single scenario `base`. A variant may not set a path the grid also varies.
public enum BatchExpansion {
    /// The largest batch the expander builds, to fail fast on a runaway product.
    public static let maximumScenarios = 1_000_000

    /// Reads and expands the scenario file at `url`.
    public static func expand(contentsOf url: URL) throws(BatchError) -> [ExpandedScenario] {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadableFile(path: url.path, reason: error.localizedDescription)
        }
        return try expand(yaml: text, file: url.path)
    }

    /// Expands scenario YAML (or JSON) text; `file` names it in errors and results.
    public static func expand(yaml: String, file: String) throws(BatchError) -> [ExpandedScenario] {
        let root: Node?
        do {
            root = try BoundedYAML.compose(yaml: yaml)
        } catch {
            let (line, column, problem) = BoundedYAML.location(of: error)
            throw .invalidYAML(file: file, reason: (line.map { "line \($0)" + (column.map { ", column \($0)" } ?? "") + ": " } ?? "")
                                   + problem)
        }
        guard let root else { throw .invalidYAML(file: file, reason: "the file is empty") }
        let document: ScenarioNode
        do {
            document = try ScenarioReader.document(from: root, file: file)
        } catch {
            throw .invalidYAML(file: file, reason: error.description)
        }
        return try expand(document: document, file: file)
    }

    /// Expands a scenario document, read by the scenario reader that `estate plan` uses: every
    /// override is set in that very tree (`ScenarioNode.replacing(at:with:)`), so an expanded
    /// scenario is decoded exactly as a scenario file is, and its nodes keep their lines in the file.
    public static func expand(document root: ScenarioNode, file: String) throws(BatchError) -> [ExpandedScenario] {
        guard case let .map(entries) = root.kind else {
            throw .invalidNode(
                file: file, line: root.line, column: root.column, key: "(document)",
                found: describe(root), expected: "a mapping of scenario keys")
        }
        let axes = try readAxes(root["batch"], file: file)
        let variants = try readVariants(root["variants"], file: file)
        let base = ScenarioNode(.map(entries.filter { $0.key != "batch" && $0.key != "variants" }),
                                line: root.line, column: root.column)

        let gridPaths = Set(axes.map(\.path))
        for variant in variants {
            if let clash = variant.overrides.first(where: { gridPaths.contains($0.path) }) {
                throw .invalidPath(
                    file: file, line: clash.key.line, column: clash.key.column, path: clash.path.description,
                    reason: "variant `\(variant.name)` sets a path that `batch:` also varies")
            }
        }

        var total = max(variants.count, 1)
        for axis in axes {
            let (product, overflow) = total.multipliedReportingOverflow(by: axis.values.count)
            guard !overflow, product <= maximumScenarios else {
                throw .invalidNode(
                    file: file, line: axis.key.line, column: axis.key.column, key: "batch",
                    found: "a product of more than \(maximumScenarios) scenarios",
                    expected: "at most \(maximumScenarios)")
            }
            total = product
        }

        let variantList: [Variant?] = variants.isEmpty ? [nil] : variants.map { $0 }
        var scenarios: [ExpandedScenario] = []
        scenarios.reserveCapacity(total)
        var firstNameByID: [String: String] = [:]
        let gridSize = axes.reduce(1) { $0 * $1.values.count }
        for variant in variantList {
            var variantDocument = base
            var variantOverrides: [ScenarioOverride] = []
            for override in variant?.overrides ?? [] {
                variantDocument = try override.path.applying(override.value, to: variantDocument, file: file, at: override.key)
                variantOverrides.append(ScenarioOverride(
                    origin: "variants.\(variant!.name)", path: override.path.description,
                    text: displayText(override.value), line: override.value.line ?? override.key.line,
                    column: override.value.column ?? override.key.column))
            }
            for point in 0..<gridSize {
                var document = variantDocument
                var overrides = variantOverrides
                var parameters: [ScenarioParameter] = []
                if let variant {
                    parameters.append(ScenarioParameter(
                        key: "variant", json: JSONText.string(variant.name), text: variant.name))
                }
                var remainder = point
                var choices = [Int](repeating: 0, count: axes.count)
                for axisIndex in axes.indices.reversed() {
                    choices[axisIndex] = remainder % axes[axisIndex].values.count
                    remainder /= axes[axisIndex].values.count
                }
                for (axis, choice) in zip(axes, choices) {
                    let value = axis.values[choice]
                    document = try axis.path.applying(value, to: document, file: file, at: value.line == nil ? axis.key : value)
                    parameters.append(ScenarioParameter(
                        key: axis.path.description, json: CanonicalJSON.text(of: value), text: displayText(value)))
                    overrides.append(ScenarioOverride(
                        origin: "batch", path: axis.path.description, text: displayText(value),
                        line: value.line ?? axis.key.line, column: value.column ?? axis.key.column))
                }
                let id = String(SHA256.hex(CanonicalJSON.text(of: document)).prefix(16))
                let name = parameters.isEmpty
                    ? "base"
                    : parameters.map { $0.key == "variant" ? $0.text : "\($0.key)=\($0.text)" }
                        .joined(separator: " ")
                if let first = firstNameByID[id] {
                    throw .duplicateScenario(file: file, id: id, first: first, second: name)
                }
                firstNameByID[id] = name
                scenarios.append(ExpandedScenario(
                    id: id, index: scenarios.count, name: name, variant: variant?.name,
                    parameters: parameters, overrides: overrides, document: document, sourceFile: file))
            }
        }
        return scenarios
    }

    // MARK: - Reading the blocks

    private struct Axis {
        let path: DotPath
        let values: [ScenarioNode]
        /// The axis' key in the file, for its line and column.
        let key: ScenarioNode
    }

    private struct Override {
        let path: DotPath
        let value: ScenarioNode
        let key: ScenarioNode
    }

    private struct Variant {
        let name: String
        let overrides: [Override]
    }

    /// A mapping's key as a node at the key's own place in the file, for errors about the key.
    private static func keyNode(_ entry: ScenarioNode.Entry) -> ScenarioNode {
        ScenarioNode(.scalar(entry.key, quoted: false), line: entry.keyLine, column: entry.keyColumn)
    }

    private static func readAxes(_ node: ScenarioNode?, file: String) throws(BatchError) -> [Axis] {
        guard let node, node.kind != .null else { return [] }
        guard case let .map(entries) = node.kind else {
            throw .invalidNode(
                file: file, line: node.line, column: node.column, key: "batch",
                found: describe(node), expected: "a mapping from dot paths to lists of values")
        }
        var axes: [Axis] = []
        var seen: Set<DotPath> = []
        for entry in entries {
            let key = keyNode(entry), value = entry.value
            let path = try readPath(key, block: "batch", file: file)
            guard seen.insert(path).inserted else {
                throw .invalidNode(
                    file: file, line: key.line, column: key.column, key: "batch.\(path)",
                    found: "given twice", expected: "each path once")
            }
            guard case let .list(sequence) = value.kind, !sequence.isEmpty else {
                throw .invalidNode(
                    file: file, line: value.line, column: value.column, key: "batch.\(path)",
                    found: describe(value), expected: "a non-empty list of values, e.g. [15, 20, 30]")
            }
            var canonical: Set<String> = []
            for element in sequence where !canonical.insert(CanonicalJSON.text(of: element)).inserted {
                throw .invalidNode(
                    file: file, line: element.line, column: element.column, key: "batch.\(path)",
                    found: "the value `\(displayText(element))` twice", expected: "distinct values")
            }
            axes.append(Axis(path: path, values: sequence, key: key))
        }
        return axes
    }

    private static func readVariants(_ node: ScenarioNode?, file: String) throws(BatchError) -> [Variant] {
        guard let node, node.kind != .null else { return [] }
        guard case let .map(entries) = node.kind, !entries.isEmpty else {
            throw .invalidNode(
                file: file, line: node.line, column: node.column, key: "variants",
                found: describe(node), expected: "a mapping from variant names to mappings of overrides")
        }
        var variants: [Variant] = []
        var names: Set<String> = []
        for entry in entries {
            let key = keyNode(entry), value = entry.value
            let name = entry.key
            guard !name.isEmpty else {
                throw .invalidNode(
                    file: file, line: key.line, column: key.column, key: "variants",
                    found: describe(key), expected: "a variant name")
            }
            guard names.insert(name).inserted else {
                throw .invalidNode(
                    file: file, line: key.line, column: key.column, key: "variants.\(name)",
                    found: "given twice", expected: "unique variant names")
            }
            var overrides: [Override] = []
            switch value.kind {
            case .null:
                break
            case let .map(pairs):
                var seen: Set<DotPath> = []
                for pair in pairs {
                    let pathKey = keyNode(pair)
                    let path = try readPath(pathKey, block: "variants.\(name)", file: file)
                    guard seen.insert(path).inserted else {
                        throw .invalidNode(
                            file: file, line: pathKey.line, column: pathKey.column,
                            key: "variants.\(name).\(path)", found: "given twice", expected: "each path once")
                    }
                    overrides.append(Override(path: path, value: pair.value, key: pathKey))
                }
            default:
                throw .invalidNode(
                    file: file, line: value.line, column: value.column, key: "variants.\(name)",
                    found: describe(value), expected: "a mapping of dot paths to values, or {}")
            }
            variants.append(Variant(name: name, overrides: overrides))
        }
        return variants
    }

    private static func readPath(_ key: ScenarioNode, block: String, file: String) throws(BatchError) -> DotPath {
        guard let text = key.text, let path = DotPath(text) else {
            throw .invalidNode(
                file: file, line: key.line, column: key.column, key: block,
                found: "the key `\(key.text ?? CanonicalJSON.text(of: key))`",
                expected: "a dot path such as constraints.budget")
        }
        if path.segments[0] == "batch" || path.segments[0] == "variants" {
            throw .invalidNode(
                file: file, line: key.line, column: key.column, key: block,
                found: "the key `\(path)`", expected: "a scenario setting, not batch or variants")
        }
        return path
    }

    /// A value as labels and CSV cells show it: a scalar as written, an empty value as YAML's `~`,
    /// a list or mapping as canonical JSON.
    private static func displayText(_ node: ScenarioNode) -> String {
        if let text = node.text { return text }
        if node.kind == .null { return "~" }
        return CanonicalJSON.text(of: node)
    }

    private static func describe(_ node: ScenarioNode) -> String {
        switch node.kind {
        case .null: return "empty"
        case let .scalar(text, _): return text.isEmpty ? "empty" : "the value `\(text)`"
        case .list: return "a list"
        case let .map(entries): return entries.isEmpty ? "an empty mapping" : "a mapping"
        }
    }
}
