import BoundedYAML
import Estate
import Foundation
import Yams

/// Reads scenario files: YAML through Yams, and JSON (which is valid YAML) the same way.
public enum ScenarioReader {
    /// Parses YAML or JSON text into a `ScenarioNode` tree, keeping each node's line and column.
    public static func parse(text: String, file: String) throws(InputErrors) -> ScenarioNode {
        let node: Yams.Node?
        do {
            node = try BoundedYAML.compose(yaml: text)
        } catch let error as BoundedYAML.LimitError {
            throw InputErrors([InputError(file: file, line: error.line, position: error.column,
                                          expected: "a scenario within the parser's limits (\(error.problem))")])
        } catch {
            let (line, column, problem) = BoundedYAML.location(of: error)
            throw InputErrors([InputError(file: file, line: line, position: column, expected: "valid YAML or JSON (\(problem))")])
        }
        guard let node else { return ScenarioNode(.null, line: 1, column: 1) }
        return try document(from: node, file: file)
    }

    /// Reads and decodes a scenario file. `needs: other.yaml` is read relative to the scenario
    /// file and put in place before decoding. The `dataset:` path stays as written; see
    /// `datasetURL(for:scenarioURL:)`.
    public static func read(url: URL) throws(InputErrors) -> Scenario {
        let file = url.lastPathComponent
        let tree = try parse(text: readText(url, file: file), file: file)
        let folder = url.deletingLastPathComponent()
        return try decode(tree, file: file, needs: needsFile(of: tree, file: file, folder: folder))
    }

    /// The needs file a scenario tree names (`needs: other.yaml`, relative to `folder`), parsed;
    /// nil when the needs framework is inline or absent.
    public static func needsFile(of tree: ScenarioNode, file: String, folder: URL) throws(InputErrors) -> ScenarioNode? {
        guard let needs = tree["needs"], let name = needs.text, !name.isEmpty else { return nil }
        let url = URL(fileURLWithPath: name, relativeTo: folder).standardizedFileURL
        return try parse(text: readText(url, file: name, referencedAt: needs, from: file), file: name)
    }

    /// Decodes a scenario tree, with `needs` (a parsed needs file) in place of its `needs:` name.
    public static func decode(_ tree: ScenarioNode, file: String, needs: ScenarioNode?) throws(InputErrors) -> Scenario {
        try Scenario(document: needs.map { tree.replacing(key: "needs", with: $0) } ?? tree, file: file)
    }

    /// The dataset folder a scenario names, resolved relative to the scenario file's folder
    /// (an absolute `dataset:` path is used as is).
    public static func datasetURL(for scenario: Scenario, scenarioURL: URL) -> URL {
        URL(fileURLWithPath: scenario.dataset, relativeTo: scenarioURL.deletingLastPathComponent()).standardizedFileURL
    }

    static func readText(_ url: URL, file: String, referencedAt node: ScenarioNode? = nil, from parent: String? = nil) throws(InputErrors) -> String {
        let data: Data
        do {
            data = try SystemErrorText.readFile(url, limit: BoundedYAML.Limits().bytes)
        } catch {
            if let node, let parent {
                throw InputErrors([InputError(file: parent, line: node.line, column: "needs", position: node.column,
                                              value: node.text, expected: "a readable needs file at \(url.path) (it \(error.text))")])
            }
            throw InputErrors([InputError(file: file, expected: "a readable scenario file at \(url.path) (it \(error.text))")])
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InputErrors([InputError(file: file, expected: "UTF-8 text")])
        }
        return text
    }

    /// A composed YAML document as the scenario tree, as `parse` converts it: for a reader that
    /// composes the text itself (the batch expander, whose own syntax errors name its blocks).
    public static func document(from node: Yams.Node, file: String) throws(InputErrors) -> ScenarioNode {
        var errors = InputErrorCollector(file: file)
        let tree = convert(node, file: file, errors: &errors)
        try errors.throwIfAny()
        return tree
    }

    static func convert(_ node: Yams.Node, file: String, errors: inout InputErrorCollector) -> ScenarioNode {
        let line = node.mark?.line, column = node.mark?.column
        switch node {
        case .scalar(let scalar):
            let plain = scalar.style == .plain || scalar.style == .any
            if plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return ScenarioNode(.null, line: line, column: column)
            }
            return ScenarioNode(.scalar(scalar.string, quoted: !plain), line: line, column: column)
        case .sequence(let sequence):
            return ScenarioNode(.list(sequence.map { convert($0, file: file, errors: &errors) }), line: line, column: column)
        case .mapping(let mapping):
            var entries: [ScenarioNode.Entry] = []
            for (key, value) in mapping {
                guard case .scalar(let scalar) = key else {
                    errors.add(line: key.mark?.line, column: nil, position: key.mark?.column, value: nil, expected: "a plain key")
                    continue
                }
                entries.append(ScenarioNode.Entry(key: scalar.string, value: convert(value, file: file, errors: &errors),
                                                  keyLine: key.mark?.line, keyColumn: key.mark?.column))
            }
            return ScenarioNode(.map(entries), line: line, column: column)
        case .alias:
            errors.add(line: line, column: nil, position: column, value: nil, expected: "plain values (YAML aliases are not supported)")
            return ScenarioNode(.null, line: line, column: column)
        }
    }
}
