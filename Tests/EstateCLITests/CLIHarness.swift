import Foundation
import TestSupport
import XCTest

/// The package root, for the committed default dataset.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Runs the built `estate` binary as a user would, capturing exit code and output.
enum EstateRun {
    static var binary: URL {
        // Test bundles sit beside the package's built products.
        Bundle.main.bundleURL.appendingPathComponent("estate")
    }

    static func run(_ arguments: [String], in directory: URL = packageRoot) throws -> CommandRun {
        try CommandRun.run(binary, arguments, in: directory)
    }
}

/// A scratch folder removed at deinit; `copyKent` makes a private, editable copy of the default dataset.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("estate-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Copies `datasets/kent` into the scratch folder (the buildings-only dataset is its subfolder).
    func copyKent() throws -> URL {
        let target = url.appendingPathComponent("kent")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("datasets/kent"), to: target)
        return target
    }

    func read(_ name: String) throws -> String { try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8) }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }
}

/// A parsed CSV (no quoted commas in the files these tests read back, except names, handled here).
func parseCSV(_ text: String) -> (header: [String], rows: [[String: String]]) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    let header = splitCSVLine(lines.removeFirst())
    return (header, lines.map { line in
        Dictionary(uniqueKeysWithValues: zip(header, splitCSVLine(line)))
    })
}

/// The rows of a results CSV by id, without the cells that legitimately differ
/// between two runs of the same scenario (seconds, timestamps, shard).
func reproducibleRows(_ csv: String) -> [String: [String: String]] {
    var rows: [String: [String: String]] = [:]
    for var row in parseCSV(csv).rows {
        for key in ["seconds", "started_at", "finished_at", "shard"] { row[key] = nil }
        rows[row["id"]!] = row
    }
    return rows
}

func splitCSVLine(_ line: String) -> [String] {
    var fields: [String] = [], field = "", quoted = false
    var iterator = Array(line).makeIterator()
    while let c = iterator.next() {
        if quoted {
            if c == "\"" { quoted = false } else { field.append(c) }
        } else if c == "\"" {
            if field.isEmpty { quoted = true } else { field.append(c) }
        } else if c == "," {
            fields.append(field); field = ""
        } else {
            field.append(c)
        }
    }
    fields.append(field)
    return fields
}

/// The first version's Kent question, buildings only (one undifferentiated service, no partners'
/// venues), relative to the package root: the scenario the v1 command tests plan.
let kentBuildingsOnly = "datasets/kent/buildings-only/scenario.yaml"
