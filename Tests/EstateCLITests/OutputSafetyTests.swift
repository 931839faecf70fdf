import Foundation
import XCTest

/// `--out` can never delete a user's files: every writing command refuses the dataset's own
/// folder, a parent of its inputs, an existing file and a folder Estate did not write, exits 1
/// and leaves everything as it was; it replaces only a folder Estate wrote.
final class OutputSafetyTests: XCTestCase {
    /// Every file under `folder` with its bytes, to prove a refused command touched nothing.
    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            let relative = String(url.path.dropFirst(folder.path.count))
            files[relative] = isDirectory.boolValue ? Data() : try Data(contentsOf: url)
        }
        return files
    }

    private func assertRefused(_ arguments: [String], in directory: URL, watching folder: URL,
                               mentions text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try snapshot(folder)
        let run = try EstateRun.run(arguments, in: directory)
        XCTAssertEqual(run.status, 1, "\(arguments): \(run.stdout) \(run.stderr)", file: file, line: line)
        XCTAssertTrue(run.stderr.contains(text), "\(arguments): \(run.stderr)", file: file, line: line)
        XCTAssertTrue(run.stderr.contains("nothing was written"), run.stderr, file: file, line: line)
        XCTAssertEqual(try snapshot(folder), before, "\(arguments) changed files", file: file, line: line)
    }

    func testPlanInsideTheDatasetFolderRefusesToReplaceIt() throws {
        let scratch = try Scratch()
        let kent = try scratch.copyKent()
        try Data("notes\n".utf8).write(to: kent.appendingPathComponent("notes.txt"))
        try assertRefused(["plan", "scenario.yaml", "--out", "."], in: kent, watching: scratch.url,
                          mentions: "is one of the command's inputs")
        try assertRefused(["plan", "scenario.yaml", "--out", ".."], in: kent, watching: scratch.url,
                          mentions: "contains the input")
        try assertRefused(["score", "scenario.yaml", "--out", "."], in: kent, watching: scratch.url,
                          mentions: "is one of the command's inputs")
        try assertRefused(["frontier", "scenario.yaml", "--x", "cost", "--y", "coverage", "--max-solves", "2", "--out", "."],
                          in: kent, watching: scratch.url, mentions: "is one of the command's inputs")
        try assertRefused(["compare", "scenario.yaml", "scenario.yaml", "--out", "."], in: kent, watching: scratch.url,
                          mentions: "contains the input")
    }

    func testForeignFoldersAndFilesAreRefusedByEveryCommand() throws {
        let scratch = try Scratch()
        _ = try scratch.copyKent()
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("mine"), withIntermediateDirectories: true)
        try scratch.write("mine/keep-me.txt", "precious\n")
        try scratch.write("report.docx", "precious\n")
        try scratch.write("batch.yaml", "dataset: kent\nbatch: {constraints.budget: [2000000, 3000000]}\n")
        let commands: [[String]] = [
            ["plan", "kent/buildings-only/scenario.yaml"], ["score", "kent/buildings-only/scenario.yaml"],
            ["compare", "kent/buildings-only/scenario.yaml", "kent/buildings-only/scenario.yaml"],
            ["frontier", "kent/buildings-only/scenario.yaml", "--x", "cost", "--y", "coverage", "--max-solves", "2"],
            ["batch", "batch.yaml", "--quiet"], ["generate", "kent"],
        ]
        for command in commands {
            try assertRefused(command + ["--out", "mine"], in: scratch.url, watching: scratch.url,
                              mentions: "is a folder Estate did not write (it holds keep-me.txt)")
            try assertRefused(command + ["--out", "report.docx"], in: scratch.url, watching: scratch.url,
                              mentions: "is an existing file")
        }
    }

    func testAnEstateFolderIsReplacedButNotOneWithSomeoneElsesFileInIt() throws {
        let scratch = try Scratch()
        _ = try scratch.copyKent()
        var run = try EstateRun.run(["plan", "kent/buildings-only/scenario.yaml", "--out", "plan", "--quiet"], in: scratch.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        let manifest = try scratch.read("plan/estate-output.json")
        XCTAssertTrue(manifest.contains("\"kind\": \"plan\"") && manifest.contains("\"summary.json\""), manifest)
        run = try EstateRun.run(["score", "kent/buildings-only/scenario.yaml", "--out", "plan"], in: scratch.url)
        XCTAssertEqual(run.status, 0, "an Estate report folder may be replaced: \(run.stderr)")
        XCTAssertTrue(scratch.exists("plan/area_need.csv") && !scratch.exists("plan/summary.json"))
        try scratch.write("plan/keep-me.txt", "mine\n")
        try assertRefused(["plan", "kent/buildings-only/scenario.yaml", "--out", "plan"], in: scratch.url, watching: scratch.url,
                          mentions: "also holds files Estate did not write (keep-me.txt)")
    }

    func testBatchAndDatasetFoldersAreNeverReplacedByAReport() throws {
        let scratch = try Scratch()
        _ = try scratch.copyKent()
        try scratch.write("batch.yaml", "dataset: kent\nbatch: {constraints.budget: [2000000, 3000000]}\n")
        let run = try EstateRun.run(["batch", "batch.yaml", "--out", "results", "--quiet"], in: scratch.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        try assertRefused(["plan", "kent/buildings-only/scenario.yaml", "--out", "results"], in: scratch.url, watching: scratch.url,
                          mentions: "is an Estate batch folder, which estate plan never replaces")
        let generated = try EstateRun.run(["generate", "synthetic", "--areas", "20", "--sites", "5", "--out", "synth"],
                                          in: scratch.url)
        XCTAssertEqual(generated.status, 0, generated.stderr)
        try assertRefused(["plan", "synth", "--out", "synth"], in: scratch.url, watching: scratch.url,
                          mentions: "is one of the command's inputs")
        try assertRefused(["plan", "kent/buildings-only/scenario.yaml", "--out", "synth"], in: scratch.url, watching: scratch.url,
                          mentions: "is an Estate dataset folder")
        // Generating again into its own folder is allowed, and leaves a README added since alone.
        try scratch.write("synth/README.md", "about\n")
        let again = try EstateRun.run(["generate", "synthetic", "--areas", "20", "--sites", "5", "--out", "synth"],
                                      in: scratch.url)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try scratch.read("synth/README.md"), "about\n")
    }

    func testReportReplacesOnlyAnEarlierReportAndStaysPartOfItsPlanFolder() throws {
        let scratch = try Scratch()
        _ = try scratch.copyKent()
        XCTAssertEqual(try EstateRun.run(["plan", "kent/buildings-only/scenario.yaml", "--out", "plan", "--quiet"], in: scratch.url).status, 0)
        try scratch.write("notes.html", "<p>my notes</p>\n")
        try assertRefused(["report", "plan", "--no-pdf", "--out", "notes.html"], in: scratch.url, watching: scratch.url,
                          mentions: "notes.html is an existing file, not an earlier Estate report")
        for _ in 0 ..< 2 {
            let run = try EstateRun.run(["report", "plan", "--no-pdf"], in: scratch.url)
            XCTAssertEqual(run.status, 0, run.stderr)
        }
        XCTAssertTrue(try scratch.read("plan/estate-output.json").contains("\"report.html\""))
        let again = try EstateRun.run(["plan", "kent/buildings-only/scenario.yaml", "--out", "plan", "--quiet"], in: scratch.url)
        XCTAssertEqual(again.status, 0, "a plan folder with its report is still Estate's: \(again.stderr)")
    }

    func testMergeRefusesToOverwriteAFileThatIsNotAResultsDatabaseOrExport() throws {
        let scratch = try Scratch()
        _ = try scratch.copyKent()
        try scratch.write("batch.yaml", "dataset: kent\nbatch: {constraints.budget: [2000000, 3000000]}\n")
        XCTAssertEqual(try EstateRun.run(["batch", "batch.yaml", "--out", "b", "--quiet"], in: scratch.url).status, 0)
        try scratch.write("notes.sqlite", "my notes\n")
        try assertRefused(["merge", "notes.sqlite", "b/results.sqlite"], in: scratch.url, watching: scratch.url,
                          mentions: "notes.sqlite is an existing file, not a results database")
        // `kent/areas.sqlite` would export to kent/areas.csv, the dataset's own file.
        try assertRefused(["merge", "kent/areas.sqlite", "b/results.sqlite"], in: scratch.url, watching: scratch.url,
                          mentions: "areas.csv is an existing file, not an earlier CSV export")
        try assertRefused(["merge", "b/results.sqlite", "b/results.sqlite"], in: scratch.url, watching: scratch.url,
                          mentions: "is also a source")
        let merged = try EstateRun.run(["merge", "all.sqlite", "b/results.sqlite"], in: scratch.url)
        XCTAssertEqual(merged.status, 0, merged.stderr)
        let again = try EstateRun.run(["merge", "all.sqlite", "b/results.sqlite"], in: scratch.url)
        XCTAssertEqual(again.status, 0, "merging into an earlier merge target: \(again.stderr)")
    }
}
