import Foundation
import TestSupport
import XCTest

/// The Slurm recipe in deploy/slurm, submitted unchanged to real Slurm daemons (a
/// one-node cluster on loopback, started and stopped by the test): the array's shards,
/// merged by the merge job, equal one `estate batch` run row for row, and a cancelled
/// task is made up by resubmitting the array, which skips every row already stored.
final class SlurmArrayTests: XCTestCase {
    static let batchScript = packageRoot.appendingPathComponent("deploy/slurm/estate-batch.sh").path
    static let mergeScript = packageRoot.appendingPathComponent("deploy/slurm/estate-merge.sh").path
    /// Three shards of the six-scenario Kent batch, two scenarios each: first numbered
    /// from 0, then from 1 as in the recipe's own `--array=1-8` (SLURM_ARRAY_TASK_MIN=1).
    static let fromZero = 0 ... 2, fromOne = 1 ... 3
    /// The recipe asks for 4 CPUs a task; the test node may have 2. Options given to
    /// sbatch override the script's #SBATCH lines, so the file itself is submitted as is.
    static let nodeFit = ["--cpus-per-task=1"]

    func testRecipeArrayOnRealSlurmMergesIntoTheSingleRunAndResumesACancelledTask() throws {
        if let reason = SlurmCluster.unavailableReason() {
            print("Slurm test SKIPPED, did not run: \(reason)")
            throw XCTSkip(reason)
        }
        let scratch = try Scratch()
        _ = try scratch.copyKent()
        try scratch.write("kent-batch.yaml", BatchCommandTests.batchYAML)
        // As the script's header says: Slurm writes the task logs into an existing folder.
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("logs"),
                                                withIntermediateDirectories: true)
        let single = try EstateRun.run(["batch", "kent-batch.yaml", "--out", "single", "--quiet"], in: scratch.url)
        XCTAssertEqual(single.status, 0, single.stderr)
        let expected = reproducibleRows(try scratch.read("single/results.csv"))
        XCTAssertEqual(expected.count, 6)

        let started = Date()
        let cluster = try SlurmCluster(folder: scratch.url.appendingPathComponent("slurm"),
                                       binaries: EstateRun.binary.deletingLastPathComponent())
        defer {
            cluster.stop()
            withExtendedLifetime(scratch) {}  // the cluster's configuration lives in it until stopped
        }
        let startup = Date().timeIntervalSince(started)

        // 1. The whole array, waited for, then the merge job after it (afterok).
        let array = try submitArray(cluster, tasks: Self.fromZero, in: scratch, results: "results")
        for task in Self.fromZero {
            let log = try scratch.read("logs/\(array)_\(task).log")
            XCTAssertTrue(log.contains("ran 2, skipped 0"), "task \(task):\n\(log)")
            let shard = parseCSV(try scratch.read("results/shard-\(task)/results.csv")).rows
            XCTAssertEqual(Set(shard.map { $0["shard"]! }), ["\(task + 1)/3"], "task \(task) ran shard \(task + 1)/3")
        }
        let merged = try merge(cluster, in: scratch, results: "results", after: array, added: 6, present: 0)
        XCTAssertEqual(merged, expected, "the merged shards equal the single run row for row")
        print("Slurm test ran against real daemons (\(cluster.version): munged, slurmctld, slurmd on loopback, "
              + "started in \(String(format: "%.1f", startup)) s): \(Self.fromZero.count) array tasks, "
              + "\(merged.count) merged rows, equal to the single estate batch run")

        // 2. Tasks 1-3; task 2 cancelled before it ran (held array, scancel, release) ...
        let held = try jobID(cluster.run("sbatch", [arrayOption(Self.fromOne), "--hold", "--parsable"] + Self.nodeFit
                                                + [Self.batchScript, "kent-batch.yaml", "resumed"], in: scratch.url))
        try check(cluster.run("scancel", ["\(held)_2"]), "scancel")
        // Slurm drops a cancelled pending task from its array; the other two wait on.
        let queued = try cluster.run("squeue", ["-h", "-r", "-j", held, "-o", "%K"]).stdout
        XCTAssertEqual(queued.split(separator: "\n").sorted(), ["1", "3"], "array \(held) after scancel \(held)_2")
        try check(cluster.run("scontrol", ["release", held]), "scontrol release")
        let ended = waitUntil(seconds: 90) {
            (try? cluster.run("squeue", ["-h", "-j", held, "-o", "%i"]).stdout.isEmpty) ?? false
        }
        XCTAssertTrue(ended, "array \(held) still queued after 90 s\n\(cluster.logTails())")
        XCTAssertFalse(scratch.exists("resumed/shard-2"), "the cancelled task never started")
        // The recipe's merge job (afterok) will not merge an incomplete array.
        let blocked = try jobID(cluster.run("sbatch", ["--dependency=afterok:\(held)", "--parsable", Self.mergeScript, "resumed"],
                                            in: scratch.url))
        let neverSatisfied = waitUntil(seconds: 30) {
            (try? cluster.run("squeue", ["-h", "-j", blocked, "-o", "%r"]).stdout)?.contains("DependencyNeverSatisfied") ?? false
        }
        XCTAssertTrue(neverSatisfied, "merge job \(blocked) after an array with a cancelled task")
        XCTAssertFalse(scratch.exists("resumed/all.sqlite"))
        try check(cluster.run("scancel", [blocked]), "scancel the blocked merge")
        XCTAssertTrue(scratch.exists("resumed/shard-1/results.sqlite") && scratch.exists("resumed/shard-3/results.sqlite"))

        // ... made up by resubmitting the same array: with --resume, the tasks that had
        // finished skip every stored row and only the cancelled shard is solved.
        let again = try submitArray(cluster, tasks: Self.fromOne, in: scratch, results: "resumed")
        for task in Self.fromOne {
            let log = try scratch.read("logs/\(again)_\(task).log")
            XCTAssertTrue(log.contains(task == 2 ? "ran 2, skipped 0" : "ran 0, skipped 2"), "task \(task):\n\(log)")
            let shard = parseCSV(try scratch.read("resumed/shard-\(task)/results.csv")).rows
            XCTAssertEqual(Set(shard.map { $0["shard"]! }), ["\(task)/3"], "1-based task \(task) ran shard \(task)/3")
        }
        let resumed = try merge(cluster, in: scratch, results: "resumed", after: again, added: 6, present: 0)
        XCTAssertEqual(resumed, expected, "after the resubmission the merged shards equal the single run")
        print("Slurm resume: array task 2 of \(Self.fromOne.count) (--array=1-3) cancelled, its afterok merge job left pending "
              + "(DependencyNeverSatisfied); the resubmitted array solved that task's 2 scenarios and skipped "
              + "the 4 stored ones; \(resumed.count) merged rows, equal to the single run")
    }

    /// Submits the batch script as an array and waits for it; returns the array job id.
    private func submitArray(_ cluster: SlurmCluster, tasks: ClosedRange<Int>, in scratch: Scratch,
                             results: String) throws -> String {
        let submitted = try cluster.run(
            "sbatch", [arrayOption(tasks), "--wait", "--parsable"] + Self.nodeFit
                + [Self.batchScript, "kent-batch.yaml", results],
            in: scratch.url, seconds: 120)
        let id = try jobID(submitted)
        if submitted.status != 0 {
            let queue = (try? cluster.run("squeue", ["-h", "-r", "-j", id, "-o", "%i %T %r"]).stdout) ?? ""
            XCTFail("array \(id) \(submitted.timedOut ? "not finished within 120 s" : "failed"):\n\(submitted.stderr)\n"
                    + "queue: \(queue)\n\(taskLogs(scratch, id, tasks))\n\(cluster.logTails())")
        }
        return id
    }

    /// Submits the merge script after `array` (`--dependency=afterok`), waits, and returns the merged rows.
    private func merge(_ cluster: SlurmCluster, in scratch: Scratch, results: String, after array: String,
                       added: Int, present: Int) throws -> [String: [String: String]] {
        let submitted = try cluster.run("sbatch", ["--dependency=afterok:\(array)", "--wait", "--parsable",
                                                   Self.mergeScript, results], in: scratch.url, seconds: 60)
        let id = try jobID(submitted)
        let log = (try? scratch.read("logs/\(id).log")) ?? "(no log)"
        XCTAssertEqual(submitted.status, 0, "merge job \(id) failed:\n\(submitted.stderr)\n\(log)")
        XCTAssertTrue(log.contains("\(added) rows added, \(present) already present"), log)
        return reproducibleRows(try scratch.read("\(results)/all.csv"))
    }

    /// The job id `sbatch --parsable` printed (`ID` or `ID;cluster`).
    private func jobID(_ submitted: CommandRun) throws -> String {
        let id = submitted.stdout.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard let id, !id.isEmpty, Int(id) != nil else {
            throw SlurmClusterError.noJobID("exit \(submitted.status): \(submitted.stderr)")
        }
        return id
    }

    private func check(_ command: CommandRun, _ what: String) throws {
        XCTAssertEqual(command.status, 0, "\(what): \(command.stderr)")
    }

    private func arrayOption(_ tasks: ClosedRange<Int>) -> String { "--array=\(tasks.lowerBound)-\(tasks.upperBound)" }

    private func taskLogs(_ scratch: Scratch, _ array: String, _ tasks: ClosedRange<Int>) -> String {
        tasks.map { task in
            "--- task \(task)\n" + ((try? scratch.read("logs/\(array)_\(task).log")) ?? "(no log)")
        }.joined(separator: "\n")
    }
}
