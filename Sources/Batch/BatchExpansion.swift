import BoundedYAML
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
        return try expand(document: root, file: file)
    }

    /// Expands an already parsed scenario document.
    public static func expand(document root: Node, file: String) throws(BatchError) -> [ExpandedScenario] {
        guard case var .mapping(base) = root else {
            throw .invalidNode(
                file: file, line: root.mark?.line, column: root.mark?.column, key: "(document)",
                found: describe(root), expected: "a mapping of scenario keys")
        }
        let axes = try readAxes(base["batch"], file: file)
        let variants = try readVariants(base["variants"], file: file)
        base["batch"] = nil
        base["variants"] = nil

        let gridPaths = Set(axes.map(\.path))
        for variant in variants {
            if let clash = variant.overrides.first(where: { gridPaths.contains($0.path) }) {
                throw .invalidPath(
                    file: file, line: clash.mark?.line, column: clash.mark?.column, path: clash.path.description,
                    reason: "variant `\(variant.name)` sets a path that `batch:` also varies")
            }
        }

        var total = max(variants.count, 1)
        for axis in axes {
            let (product, overflow) = total.multipliedReportingOverflow(by: axis.values.count)
            guard !overflow, product <= maximumScenarios else {
                throw .invalidNode(
                    file: file, line: axis.mark?.line, column: axis.mark?.column, key: "batch",
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
            var variantDocument = Node.mapping(base)
            var variantOverrides: [ScenarioOverride] = []
            for override in variant?.overrides ?? [] {
                variantDocument = try override.path.applying(
                    override.value, to: variantDocument, file: file, mark: override.mark)
                variantOverrides.append(ScenarioOverride(
                    origin: "variants.\(variant!.name)", path: override.path.description,
                    text: displayText(override.value), line: override.value.mark?.line ?? override.mark?.line,
                    column: override.value.mark?.column ?? override.mark?.column))
            }
            for point in 0..<gridSize {
                var document = variantDocument
                var overrides = variantOverrides
                var parameters: [ScenarioParameter] = []
                if let variant {
                    parameters.append(ScenarioParameter(
                        key: "variant", json: CanonicalJSON.string(variant.name), text: variant.name))
                }
                var remainder = point
                var choices = [Int](repeating: 0, count: axes.count)
                for axisIndex in axes.indices.reversed() {
                    choices[axisIndex] = remainder % axes[axisIndex].values.count
                    remainder /= axes[axisIndex].values.count
                }
                for (axis, choice) in zip(axes, choices) {
                    let value = axis.values[choice]
                    document = try axis.path.applying(value, to: document, file: file, mark: value.mark ?? axis.mark)
                    parameters.append(ScenarioParameter(
                        key: axis.path.description, json: CanonicalJSON.text(of: value), text: displayText(value)))
                    overrides.append(ScenarioOverride(
                        origin: "batch", path: axis.path.description, text: displayText(value),
                        line: value.mark?.line ?? axis.mark?.line, column: value.mark?.column ?? axis.mark?.column))
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
                let yaml: String
                do {
                    yaml = try Yams.serialize(node: document, width: -1)
                } catch {
                    throw .invalidYAML(file: file, reason: String(describing: error))
                }
                scenarios.append(ExpandedScenario(
                    id: id, index: scenarios.count, name: name, variant: variant?.name,
                    parameters: parameters, overrides: overrides, yaml: yaml, sourceFile: file))
            }
        }
        return scenarios
    }

    // MARK: - Reading the blocks

    private struct Axis {
        let path: DotPath
        let values: [Node]
        let mark: Mark?
    }

    private struct Override {
        let path: DotPath
        let value: Node
        let mark: Mark?
    }

    private struct Variant {
        let name: String
        let overrides: [Override]
    }

    private static func readAxes(_ node: Node?, file: String) throws(BatchError) -> [Axis] {
        guard let node, Tag.Name(rawValue: node.tag.rawValue) != .null else { return [] }
        guard case let .mapping(mapping) = node else {
            throw .invalidNode(
                file: file, line: node.mark?.line, column: node.mark?.column, key: "batch",
                found: describe(node), expected: "a mapping from dot paths to lists of values")
        }
        var axes: [Axis] = []
        var seen: Set<DotPath> = []
        for (key, value) in mapping {
            let path = try readPath(key, block: "batch", file: file)
            guard seen.insert(path).inserted else {
                throw .invalidNode(
                    file: file, line: key.mark?.line, column: key.mark?.column, key: "batch.\(path)",
                    found: "given twice", expected: "each path once")
            }
            guard case let .sequence(sequence) = value, !sequence.isEmpty else {
                throw .invalidNode(
                    file: file, line: value.mark?.line, column: value.mark?.column, key: "batch.\(path)",
                    found: describe(value), expected: "a non-empty list of values, e.g. [15, 20, 30]")
            }
            var canonical: Set<String> = []
            for element in sequence where !canonical.insert(CanonicalJSON.text(of: element)).inserted {
                throw .invalidNode(
                    file: file, line: element.mark?.line, column: element.mark?.column, key: "batch.\(path)",
                    found: "the value `\(displayText(element))` twice", expected: "distinct values")
            }
            axes.append(Axis(path: path, values: Array(sequence), mark: key.mark))
        }
        return axes
    }

    private static func readVariants(_ node: Node?, file: String) throws(BatchError) -> [Variant] {
        guard let node, Tag.Name(rawValue: node.tag.rawValue) != .null else { return [] }
        guard case let .mapping(mapping) = node, !mapping.isEmpty else {
            throw .invalidNode(
                file: file, line: node.mark?.line, column: node.mark?.column, key: "variants",
                found: describe(node), expected: "a mapping from variant names to mappings of overrides")
        }
        var variants: [Variant] = []
        var names: Set<String> = []
        for (key, value) in mapping {
            guard case let .scalar(scalar) = key, !scalar.string.isEmpty else {
                throw .invalidNode(
                    file: file, line: key.mark?.line, column: key.mark?.column, key: "variants",
                    found: describe(key), expected: "a variant name")
            }
            let name = scalar.string
            guard names.insert(name).inserted else {
                throw .invalidNode(
                    file: file, line: key.mark?.line, column: key.mark?.column, key: "variants.\(name)",
                    found: "given twice", expected: "unique variant names")
            }
            var overrides: [Override] = []
            switch value {
            case .scalar where Tag.Name(rawValue: value.tag.rawValue) == .null:
                break
            case let .mapping(pairs):
                var seen: Set<DotPath> = []
                for (pathKey, override) in pairs {
                    let path = try readPath(pathKey, block: "variants.\(name)", file: file)
                    guard seen.insert(path).inserted else {
                        throw .invalidNode(
                            file: file, line: pathKey.mark?.line, column: pathKey.mark?.column,
                            key: "variants.\(name).\(path)", found: "given twice", expected: "each path once")
                    }
                    overrides.append(Override(path: path, value: override, mark: pathKey.mark))
                }
            default:
                throw .invalidNode(
                    file: file, line: value.mark?.line, column: value.mark?.column, key: "variants.\(name)",
                    found: describe(value), expected: "a mapping of dot paths to values, or {}")
            }
            variants.append(Variant(name: name, overrides: overrides))
        }
        return variants
    }

    private static func readPath(_ key: Node, block: String, file: String) throws(BatchError) -> DotPath {
        guard case let .scalar(scalar) = key, let path = DotPath(scalar.string) else {
            throw .invalidNode(
                file: file, line: key.mark?.line, column: key.mark?.column, key: block,
                found: "the key `\(CanonicalJSON.keyText(key))`",
                expected: "a dot path such as constraints.budget")
        }
        if path.segments[0] == "batch" || path.segments[0] == "variants" {
            throw .invalidNode(
                file: file, line: key.mark?.line, column: key.mark?.column, key: block,
                found: "the key `\(path)`", expected: "a scenario setting, not batch or variants")
        }
        return path
    }

    private static func displayText(_ node: Node) -> String {
        if case let .scalar(scalar) = node { return scalar.string }
        return CanonicalJSON.text(of: node)
    }

    private static func describe(_ node: Node) -> String {
        switch node {
        case let .scalar(scalar): return scalar.string.isEmpty ? "empty" : "the value `\(scalar.string)`"
        case .sequence: return "a list"
        case let .mapping(mapping): return mapping.isEmpty ? "an empty mapping" : "a mapping"
        case .alias: return "an alias"
        }
    }
}
