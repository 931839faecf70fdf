import Foundation
import TestSupport
import XCTest

/// The README and `docs/` show commands; each shell block marked `sh tested` is run here, so an
/// example cannot go stale (the README once compared the default plan with a "tight" option that
/// was the default plan). Each file's blocks run in order in one scratch folder holding a copy of
/// `datasets/` and a `bin/estate` that runs the built binary, as from a fresh clone; a block
/// is a bash script under `set -euo pipefail`, so any command that fails fails the test.
final class DocumentedCommandsTests: XCTestCase {
    /// The README and every page of `docs/`.
    private var documents: [URL] {
        let docs = packageRoot.appendingPathComponent("docs")
        let pages = (try? FileManager.default.contentsOfDirectory(at: docs, includingPropertiesForKeys: nil)) ?? []
        return [packageRoot.appendingPathComponent("README.md")]
            + pages.filter { $0.pathExtension == "md" }.sorted { $0.path < $1.path }
    }

    /// Pages run side by side, one per core (each in its own scratch folder, its blocks in order):
    /// the commands are mostly solver time in child processes, so on two cores the test takes
    /// about as long as its longest page (cli.md) plus its share of the rest, not the sum.
    func testEveryTestedShellBlockRunsAgainstTheBuiltBinary() throws {
        let pages = try documents.map { ($0, Self.blocks(in: try String(contentsOf: $0, encoding: .utf8)).filter(\.tested)) }
            .filter { !$0.1.isEmpty }
            // The pages with the most commands first, so the longest does not start last.
            .sorted { Self.commandCount($0.1) > Self.commandCount($1.1) }
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            let (document, blocks) = pages[index]
            do {
                let scratch = try Scratch()
                try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("datasets"),
                                                 to: scratch.url.appendingPathComponent("datasets"))
                try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("bin"),
                                                        withIntermediateDirectories: true)
                try scratch.write("bin/estate", "#!/bin/sh\nexec '\(EstateRun.binary.path)' \"$@\"\n")
                try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: scratch.path("bin/estate"))
                for block in blocks {
                    let run = try Self.bash("exec 2>&1\nset -euo pipefail\n" + block.text, in: scratch.url)
                    outcomes.add(run.status == 0 ? nil : "\(document.lastPathComponent), block at line \(block.line) "
                                 + "exited \(run.status):\n\(block.text)\noutput: \(run.output.suffix(3_000))")
                }
            } catch {
                outcomes.add("\(document.lastPathComponent): \(error)")
            }
        }
        for failure in outcomes.failures { XCTFail(failure) }
        XCTAssertGreaterThanOrEqual(outcomes.ran, 8, "the README and docs show the commands they document as tested blocks")
    }

    /// The blocks run and the failures, collected from the pages' threads.
    private final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var ran = 0
        private(set) var failures: [String] = []

        /// One block's outcome: nil when it succeeded, else what to report.
        func add(_ failure: String?) {
            lock.lock()
            defer { lock.unlock() }
            ran += 1
            if let failure { failures.append(failure) }
        }
    }

    /// How many `estate` commands the blocks run: a page's likely share of the test's time.
    private static func commandCount(_ blocks: [Block]) -> Int {
        blocks.reduce(0) { $0 + $1.text.components(separatedBy: "bin/estate ").count - 1 }
    }

    /// The pages whose every `estate` command must be in a tested block. The other pages of
    /// `docs/` run their tested blocks too; add a page here once all its commands are tested.
    private static let fullyTested = ["README.md", "format.md", "cli.md", "model.md", "compare.md", "map.md",
                                      "batches.md", "benchmarks.md", "limits.md", "development.md", "data.md",
                                      "report.md"]

    /// Every `estate` command these pages show in a shell block is in a tested block (the other
    /// blocks show `bin/test`, benchmarks and cluster submissions, run by CI, the benchmark
    /// scripts and the cluster tests).
    func testEveryEstateCommandShownIsInATestedBlock() throws {
        for document in documents where Self.fullyTested.contains(document.lastPathComponent) {
            for block in Self.blocks(in: try String(contentsOf: document, encoding: .utf8)) where !block.tested {
                let commands = block.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { $0.hasPrefix("estate ") || $0.hasPrefix("bin/estate ") || $0 == "bin/estate" }
                let tested = Set(Self.blocks(in: try String(contentsOf: document, encoding: .utf8)).filter(\.tested)
                    .flatMap { $0.text.split(separator: "\n").map(Self.command) })
                for command in commands where !tested.contains(Self.command(command)) {
                    XCTFail("\(document.lastPathComponent):\(block.line): `\(command)` is shown but run by no test; "
                            + "put it in a `sh tested` block")
                }
            }
        }
    }

    /// A fenced block: its first line number, whether its info string is `sh tested`, its text.
    private struct Block {
        var line: Int
        var tested: Bool
        var text: String
    }

    /// The shell blocks (info string `sh` or `sh tested`) of a Markdown text.
    private static func blocks(in markdown: String) -> [Block] {
        var blocks: [Block] = [], current: Block?
        for (index, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if current == nil, line.hasPrefix("```sh") {
                current = Block(line: index + 1, tested: line.trimmingCharacters(in: .whitespaces) == "```sh tested", text: "")
            } else if current != nil, line.hasPrefix("```") {
                blocks.append(current!)
                current = nil
            } else if current != nil {
                current!.text += line + "\n"
            }
        }
        return blocks
    }

    /// A command line without its trailing comment and extra spaces, for matching.
    private static func command(_ line: Substring) -> String { command(String(line)) }

    private static func command(_ line: String) -> String {
        let code = line.range(of: " #").map { String(line[..<$0.lowerBound]) } ?? line
        return code.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// Runs a bash script; standard error is merged into the output by the script itself.
    private static func bash(_ script: String, in directory: URL) throws -> (status: Int32, output: String) {
        let run = try CommandRun.run(URL(fileURLWithPath: "/bin/bash"), ["-c", script], in: directory)
        return (run.status, run.stdout)
    }
}
