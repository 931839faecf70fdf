import Foundation
import XCTest

/// `estate batch` validates what is the same for every scenario before the first one runs:
/// a bad dataset, a misspelt axis, a value of the wrong type or shape fails the batch with
/// exit 1, the message on standard error, and no output folder at all.
final class BatchInputTests: XCTestCase {
    private func assertBatchFails(_ yaml: String, mentions text: String, prepare: (Scratch) throws -> Void = { _ in },
                                  file: StaticString = #filePath, line: UInt = #line) throws {
        let scratch = try Scratch()
        _ = try scratch.copyKent()
        try prepare(scratch)
        try scratch.write("batch.yaml", yaml)
        let run = try EstateRun.run(["batch", "batch.yaml", "--out", "results", "--quiet"], in: scratch.url)
        XCTAssertEqual(run.status, 1, "\(run.stdout) \(run.stderr)", file: file, line: line)
        XCTAssertTrue(run.stderr.contains(text), run.stderr, file: file, line: line)
        XCTAssertFalse(scratch.exists("results"), "a failed batch leaves no output folder", file: file, line: line)
    }

    func testMisspeltAxisFailsUpFront() throws {
        try assertBatchFails("dataset: kent\nbatch: {constraints.budgt: [2000000, 3000000]}\n",
                             mentions: "unknown key 'budgt'")
    }

    func testAxisValueOfTheWrongTypeFailsUpFront() throws {
        try assertBatchFails("dataset: kent\nbatch: {coverage_minutes: [20, \"abc\"]}\n",
                             mentions: "batch.yaml:2:32: column 'batch.coverage_minutes': value '\"abc\"'")
    }

    func testAxisThatIsNotAListLeavesNoFolder() throws {
        try assertBatchFails("dataset: kent\nbatch: {coverage_minutes: 20}\n", mentions: "expected a non-empty list")
    }

    func testDuplicateSiteIDFailsUpFront() throws {
        try assertBatchFails("dataset: kent\nbatch: {coverage_minutes: [15, 20]}\n",
                             mentions: "sites.csv:3:1: column 'site_id': value 'CC001': expected a unique site_id") { scratch in
            var lines = try scratch.read("kent/sites.csv").components(separatedBy: "\n")
            lines[2] = "CC001" + lines[2].drop { $0 != "," }
            try scratch.write("kent/sites.csv", lines.joined(separator: "\n"))
        }
    }

    /// `estate validate` checks a batch file's axes by the same rules, with the same message.
    func testValidateReportsABadAxisAsTheBatchDoes() throws {
        let scratch = try Scratch()
        _ = try scratch.copyKent()
        try scratch.write("batch.yaml", "dataset: kent\nbatch: {coverage_minutes: [20, \"abc\"]}\n")
        let validate = try EstateRun.run(["validate", "batch.yaml"], in: scratch.url)
        let batch = try EstateRun.run(["batch", "batch.yaml", "--out", "results", "--quiet"], in: scratch.url)
        XCTAssertEqual(validate.status, 1, validate.stdout)
        XCTAssertEqual(batch.status, 1, batch.stdout)
        XCTAssertTrue(validate.stderr.contains("batch.yaml:2:32: column 'batch.coverage_minutes'"), validate.stderr)
        XCTAssertEqual(validate.stderr, batch.stderr)
    }
}
