import Foundation
import XCTest
import Estate
import Yams
@testable import Batch

final class ExpansionTests: XCTestCase {
    static let scenario = """
    dataset: datasets/kent
    objective: max_coverage
    coverage_minutes: 20
    needs:
      indicators:
        - {column: imd_score, weight: 0.4, direction: higher_is_worse, transform: rank}
        - {column: cin_rate, weight: 0.6, direction: higher_is_worse, transform: zscore}
    constraints:
      budget: 9_000_000
      sites: {max: 50}
    batch:
      constraints.budget: [7_000_000, 8_000_000, 9_000_000]
      coverage_minutes: [15, 20, 30]
    """

    func testGridIsTheCartesianProductInFileOrderWithFirstKeySlowest() throws {
        let scenarios = try BatchExpansion.expand(yaml: Self.scenario, file: "s.yaml")
        XCTAssertEqual(scenarios.count, 9)
        XCTAssertEqual(scenarios.map(\.index), Array(0..<9))
        XCTAssertEqual(scenarios.map(\.name), [
            "constraints.budget=7_000_000 coverage_minutes=15", "constraints.budget=7_000_000 coverage_minutes=20",
            "constraints.budget=7_000_000 coverage_minutes=30", "constraints.budget=8_000_000 coverage_minutes=15",
            "constraints.budget=8_000_000 coverage_minutes=20", "constraints.budget=8_000_000 coverage_minutes=30",
            "constraints.budget=9_000_000 coverage_minutes=15", "constraints.budget=9_000_000 coverage_minutes=20",
            "constraints.budget=9_000_000 coverage_minutes=30",
        ])
        XCTAssertEqual(scenarios[5].parametersJSON, #"{"constraints.budget":8000000,"coverage_minutes":30}"#)
    }

    func testEachExpandedDocumentCarriesItsOverridesAndNoBatchBlock() throws {
        let scenarios = try BatchExpansion.expand(yaml: Self.scenario, file: "s.yaml")
        for (index, scenario) in scenarios.enumerated() {
            let document = scenario.document
            XCTAssertEqual(document["constraints"]?["budget"]?.int, [7_000_000, 8_000_000, 9_000_000][index / 3])
            XCTAssertEqual(document["coverage_minutes"]?.int, [15, 20, 30][index % 3])
            XCTAssertNil(document["batch"])
            XCTAssertNil(document["variants"])
            // Untouched settings survive unchanged.
            XCTAssertEqual(document["constraints"]?["sites"]?["max"]?.int, 50)
            XCTAssertEqual(document["dataset"]?.string, "datasets/kent")
            XCTAssertEqual(document["needs"]?["indicators"]?[1]?["column"]?.string, "cin_rate")
        }
    }

    func testVariantsMultiplyTheGridAndApplyTheirOverrides() throws {
        let yaml = Self.scenario + """

        variants:
          base: {}
          green: {constraints.carbon: 900, solver.mip_gap: 0.01}
          cin_heavy: {needs.indicators.1.weight: 0.9}
        """
        let scenarios = try BatchExpansion.expand(yaml: yaml, file: "s.yaml")
        XCTAssertEqual(scenarios.count, 27)
        XCTAssertEqual(scenarios.map { $0.variant ?? "" }, Array(repeating: "base", count: 9)
            + Array(repeating: "green", count: 9) + Array(repeating: "cin_heavy", count: 9))
        XCTAssertEqual(scenarios[9].name, "green constraints.budget=7_000_000 coverage_minutes=15")
        XCTAssertEqual(scenarios[9].parametersJSON,
                       #"{"constraints.budget":7000000,"coverage_minutes":15,"variant":"green"}"#)
        let base = scenarios[0].document, green = scenarios[9].document, cin = scenarios[18].document
        XCTAssertNil(base["constraints"]?["carbon"])
        XCTAssertEqual(green["constraints"]?["carbon"]?.int, 900)
        XCTAssertEqual(green["solver"]?["mip_gap"]?.float, 0.01)  // `solver:` created where missing
        XCTAssertEqual(cin["needs"]?["indicators"]?[1]?["weight"]?.float, 0.9)
        XCTAssertEqual(cin["needs"]?["indicators"]?[1]?["column"]?.string, "cin_rate")
        XCTAssertEqual(cin["needs"]?["indicators"]?[0]?["weight"]?.float, 0.4)
        XCTAssertEqual(Set(scenarios.map(\.id)).count, 27)
    }

    func testVariantsWithoutBatchRunOnceEachAndPlainFileIsOneBaseScenario() throws {
        let variantsOnly = try BatchExpansion.expand(
            yaml: "objective: min_cost\nvariants:\n  a: {coverage_minutes: 10}\n  b: {coverage_minutes: 12}\n",
            file: "v.yaml")
        XCTAssertEqual(variantsOnly.map(\.name), ["a", "b"])
        let plain = try BatchExpansion.expand(yaml: "objective: min_cost\ncoverage_minutes: 10\n", file: "p.yaml")
        XCTAssertEqual(plain.map(\.name), ["base"])
        XCTAssertEqual(plain[0].parametersJSON, "{}")
        XCTAssertEqual(plain[0].document["coverage_minutes"]?.int, 10)
    }

    func testIdsAreStableAcrossSpellingKeyOrderAndFormatButFollowTheEffectiveDocument() throws {
        let a = try BatchExpansion.expand(
            yaml: "objective: min_cost\nconstraints: {budget: 1}\nbatch:\n  constraints.budget: [9_000_000, 7e6]\n",
            file: "a.yaml")
        let b = try BatchExpansion.expand(
            yaml: #"{"batch": {"constraints.budget": [7000000, 9000000.0]}, "constraints": {"budget": 2}, "objective": "min_cost"}"#,
            file: "b.json")
        XCTAssertEqual(Set(a.map(\.id)), Set(b.map(\.id)))
        XCTAssertEqual(a[0].id, b[1].id)
        // Same id whenever expanded (no randomness, no dependence on the file name).
        XCTAssertEqual(try BatchExpansion.expand(yaml: Self.scenario, file: "x").map(\.id),
                       try BatchExpansion.expand(yaml: Self.scenario, file: "y").map(\.id))
        // A change elsewhere in the scenario changes every id.
        let changed = try BatchExpansion.expand(
            yaml: "objective: max_coverage\nconstraints: {budget: 1}\nbatch:\n  constraints.budget: [9_000_000, 7e6]\n",
            file: "c.yaml")
        XCTAssertTrue(Set(changed.map(\.id)).isDisjoint(with: a.map(\.id)))
        XCTAssertTrue(a.allSatisfy { $0.id.count == 16 && $0.id.allSatisfy(\.isHexDigit) })
    }

    func testIdIsTheHashOfTheCanonicalEffectiveDocument() throws {
        let scenarios = try BatchExpansion.expand(
            yaml: "b: {y: 2, x: 1}\na: yes\nbatch: {c: [0.5]}\n", file: "s.yaml")
        // Keys sorted, YAML 1.1 booleans as JSON, floats as shortest decimals.
        let canonical = #"{"a":true,"b":{"x":1,"y":2},"c":0.5}"#
        XCTAssertEqual(scenarios[0].id, String(SHA256.hex(canonical).prefix(16)))
    }

    func testMalformedBlocksGiveTypedErrorsWithLineAndColumn() {
        func error(_ yaml: String) -> BatchError? {
            do {
                _ = try BatchExpansion.expand(yaml: yaml, file: "bad.yaml")
                return nil
            } catch {
                return error
            }
        }
        XCTAssertEqual(error("objective: min_cost\nbatch:\n  coverage_minutes: 20\n"), .invalidNode(
            file: "bad.yaml", line: 3, column: 21, key: "batch.coverage_minutes", found: "the value `20`",
            expected: "a non-empty list of values, e.g. [15, 20, 30]"))
        XCTAssertEqual(error("batch:\n  coverage_minutes: []\n"), .invalidNode(
            file: "bad.yaml", line: 2, column: 21, key: "batch.coverage_minutes", found: "a list",
            expected: "a non-empty list of values, e.g. [15, 20, 30]"))
        XCTAssertEqual(error("batch:\n  coverage_minutes: [15, 20, 15]\n"), .invalidNode(
            file: "bad.yaml", line: 2, column: 30, key: "batch.coverage_minutes", found: "the value `15` twice",
            expected: "distinct values"))
        XCTAssertEqual(error("batch:\n  constraints..budget: [1]\n"), .invalidNode(
            file: "bad.yaml", line: 2, column: 3, key: "batch", found: "the key `constraints..budget`",
            expected: "a dot path such as constraints.budget"))
        XCTAssertEqual(error("objective: min_cost\nbatch:\n  objective.kind: [a]\n"), .invalidPath(
            file: "bad.yaml", line: 3, column: 20, path: "objective.kind",
            reason: "`objective` is a single value, not a mapping or list"))
        XCTAssertEqual(error("needs: {indicators: [{w: 1}]}\nbatch:\n  needs.indicators.3.w: [1]\n"), .invalidPath(
            file: "bad.yaml", line: 3, column: 26, path: "needs.indicators.3.w",
            reason: "`needs.indicators` is a list of 1; `3` is not a position in it (0-based)"))
        XCTAssertEqual(error("batch: {a: [1, 2]}\nvariants:\n  v: {a: 3}\n"), .invalidPath(
            file: "bad.yaml", line: 3, column: 7, path: "a", reason: "variant `v` sets a path that `batch:` also varies"))
        XCTAssertEqual(error("variants:\n  v: 3\n"), .invalidNode(
            file: "bad.yaml", line: 2, column: 6, key: "variants.v", found: "the value `3`",
            expected: "a mapping of dot paths to values, or {}"))
        XCTAssertEqual(error("variants: {}\n"), .invalidNode(
            file: "bad.yaml", line: 1, column: 11, key: "variants", found: "an empty mapping",
            expected: "a mapping from variant names to mappings of overrides"))
        XCTAssertEqual(error("- a\n- b\n"), .invalidNode(
            file: "bad.yaml", line: 1, column: 1, key: "(document)", found: "a list",
            expected: "a mapping of scenario keys"))
        XCTAssertEqual(error("variants:\n  a: {x: 1}\n  b: {x: 1.0}\n"), .duplicateScenario(
            file: "bad.yaml", id: String(SHA256.hex(#"{"x":1}"#).prefix(16)), first: "a", second: "b"))
        guard case .invalidYAML(file: "bad.yaml", _)? = error("batch: [unclosed\n") else {
            return XCTFail("expected invalidYAML")
        }
    }

    func testErrorDescriptionNamesFilePlaceValueAndExpectation() {
        let error = BatchError.invalidNode(
            file: "s.yaml", line: 3, column: 21, key: "batch.coverage_minutes", found: "the value `20`",
            expected: "a non-empty list of values")
        XCTAssertEqual(error.description,
                       "s.yaml:3:21: `batch.coverage_minutes` is the value `20`; expected a non-empty list of values")
    }

    /// An expanded scenario is the file's own tree with the overrides set: every node keeps its
    /// line in the file (an error in the base scenario points at its line), an override's value
    /// sits at its place in the `batch:` block, and nothing is written out and read back.
    func testExpandedDocumentsKeepTheFilesLinesAndTheOverridesPlaces() throws {
        let scenarios = try BatchExpansion.expand(yaml: Self.scenario, file: "s.yaml")
        let document = scenarios[4].document
        XCTAssertEqual(document["objective"]?.line, 2)
        XCTAssertEqual(document["constraints"]?["sites"]?["max"]?.line, 10)
        XCTAssertEqual(document["constraints"]?["budget"]?.text, "8_000_000")
        XCTAssertEqual(document["constraints"]?["budget"]?.line, 12)  // in the batch: block
        XCTAssertEqual(document["coverage_minutes"]?.line, 13)
        XCTAssertEqual(String(SHA256.hex(CanonicalJSON.text(of: document)).prefix(16)), scenarios[4].id)
    }

    /// An empty value (`~`, `null`) is named `~` and stored as JSON's null: lifting a limit is a
    /// grid value like any other.
    func testAnEmptyValueIsNamedTildeAndStoredAsNull() throws {
        let scenarios = try BatchExpansion.expand(yaml: "constraints: {budget: 5}\nbatch:\n  constraints.budget: [~, 7]\n", file: "s.yaml")
        XCTAssertEqual(scenarios.map(\.name), ["constraints.budget=~", "constraints.budget=7"])
        XCTAssertEqual(scenarios[0].parametersJSON, #"{"constraints.budget":null}"#)
        XCTAssertEqual(scenarios[0].document["constraints"]?["budget"]?.kind, .null)
    }

    /// The id hashes the document as YAML types it, whatever reader produced the tree: the
    /// canonical JSON of the expanded tree equals that of Yams' own composition of the same text.
    func testCanonicalJSONTypesScalarsAsYAMLDoes() throws {
        let text = "a: 9_000_000\nb: '20'\nc: yes\nd: ~\ne: 7e6\nf: [1.50, \"x\"]\ng: {z: 1, y: null}\n"
        let scenarios = try BatchExpansion.expand(yaml: text, file: "s.yaml")
        XCTAssertEqual(CanonicalJSON.text(of: scenarios[0].document),
                       #"{"a":9000000,"b":"20","c":true,"d":null,"e":7000000,"f":[1.5,"x"],"g":{"y":null,"z":1}}"#)
    }
}

/// Typed reads of a scenario tree for these tests, as YAML reads a plain scalar.
extension ScenarioNode {
    var int: Int? { text.flatMap { Yams.Node($0).int } }
    var float: Double? { text.flatMap { Yams.Node($0).float } }
    var string: String? { text }
    subscript(index: Int) -> ScenarioNode? {
        guard case .list(let items) = kind, items.indices.contains(index) else { return nil }
        return items[index]
    }
}
