import Foundation
import XCTest

/// Hostile input on the command line: an alias bomb, a device or a folder where a file belongs,
/// a negative time limit. Each fails fast with exit 1, a short message and no output folder.
final class HostileCommandTests: XCTestCase {
    /// Nine levels of nine aliases under `variants:` (9^9 values once expanded).
    static let variantsBomb: String = {
        var lines = ["dataset: kent", "variants:", "  base: {x: &a0 [x, x, x, x, x, x, x, x, x]}"]
        for level in 1 ... 9 {
            lines.append("  v\(level): {x: &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]}")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    func testAliasBombFailsFastInPlanAndBatch() throws {
        let scratch = try Scratch()
        _ = try scratch.copyKent()
        try scratch.write("bomb.yaml", Self.variantsBomb)
        let started = Date()
        for command in [["plan", "bomb.yaml", "--out", "out"], ["batch", "bomb.yaml", "--out", "out", "--quiet"]] {
            let run = try EstateRun.run(command, in: scratch.url)
            XCTAssertEqual(run.status, 1, run.stderr)
            XCTAssertTrue(run.stderr.contains("expands to more than") && (run.stderr.contains("line 8") || run.stderr.contains("bomb.yaml:8:")), run.stderr)
            XCTAssertLessThan(run.stderr.count, 1_000)
            XCTAssertFalse(scratch.exists("out"))
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 20)
    }

    func testDevicesFoldersAndMissingFilesAreNamedAsSuch() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("folder.yaml"), withIntermediateDirectories: true)
        for (input, words) in [("/dev/zero", "is a device, not a file"), ("folder.yaml", "is a folder, not a file")] {
            let run = try EstateRun.run(["batch", input, "--out", "out"], in: scratch.url)
            XCTAssertEqual(run.status, 1, run.stderr)
            XCTAssertTrue(run.stderr.contains(words), run.stderr)
        }
        let plan = try EstateRun.run(["plan", "/dev/zero", "--out", "out"], in: scratch.url)
        XCTAssertEqual(plan.status, 1)
        XCTAssertTrue(plan.stderr.contains("is a device, not a file"), plan.stderr)
        XCTAssertFalse(scratch.exists("out"))
    }

    func testNegativeOrInfiniteTimeLimitIsAClearError() throws {
        for value in ["-1", "inf", "nan"] {
            let run = try EstateRun.run(["plan", "--time-limit", value, "--out", "never"])
            XCTAssertEqual(run.status, 1, run.stderr)
            XCTAssertTrue(run.stderr.contains("--time-limit must be a number of seconds above 0"), "\(value): \(run.stderr)")
        }
    }
}
