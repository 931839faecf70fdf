import Foundation
import TestSupport
import XCTest
import Yams

/// The Kubernetes Indexed Job in deploy/kubernetes. No Kubernetes runs here (no API
/// server, image or volumes): the manifest is checked against Kubernetes' own schema,
/// checked to be an Indexed Job whose `--shards` is its `completions`, and its pods'
/// command is run by `sh` once per index with `JOB_COMPLETION_INDEX` set, as the Job
/// controller sets it, the volume mount paths standing for local folders.
final class KubernetesJobTests: XCTestCase {
    static let manifest = packageRoot.appendingPathComponent("deploy/kubernetes/estate-batch-job.yaml")
    /// The oldest Kubernetes with `backoffLimitPerIndex` on by default (beta), and the newest schema known.
    static let schemaVersions = ["1.29.0", nil]

    /// The parts of a batch/v1 Job that the recipe relies on.
    private struct Job: Decodable {
        struct Spec: Decodable {
            var completionMode: String
            var completions: Int
            var parallelism: Int
            var template: Template
        }
        struct Template: Decodable { var spec: PodSpec }
        struct PodSpec: Decodable {
            var restartPolicy: String
            var containers: [Container]
        }
        struct Container: Decodable {
            var command: [String]
            var args: [String]
            var volumeMounts: [Mount]
        }
        struct Mount: Decodable { var mountPath: String }
        var apiVersion: String
        var kind: String
        var spec: Spec

        var container: Container { spec.template.spec.containers[0] }
        /// The `--shards N` of the container's command line.
        var shards: Int? {
            let words = container.args.joined(separator: " ").split(whereSeparator: \.isWhitespace)
            guard let option = words.firstIndex(of: "--shards"), option + 1 < words.count else { return nil }
            return Int(words[option + 1])
        }
    }

    private func job() throws -> Job {
        try YAMLDecoder().decode(Job.self, from: String(contentsOf: Self.manifest, encoding: .utf8))
    }

    func testManifestIsAnIndexedJobWhoseShardsAreItsCompletions() throws {
        let job = try job()
        XCTAssertEqual(job.apiVersion, "batch/v1")
        XCTAssertEqual(job.kind, "Job")
        XCTAssertEqual(job.spec.completionMode, "Indexed", "only an Indexed Job sets JOB_COMPLETION_INDEX")
        XCTAssertEqual(job.shards, job.spec.completions, "estate batch --shards N must be the Job's completions")
        XCTAssertTrue((1 ... job.spec.completions).contains(job.spec.parallelism))
        XCTAssertEqual(job.spec.template.spec.restartPolicy, "Never", "backoffLimitPerIndex needs restartPolicy Never")
        XCTAssertEqual(job.spec.template.spec.containers.count, 1)
        XCTAssertEqual(job.container.command, ["sh", "-c"], "a shell expands $JOB_COMPLETION_INDEX in the arguments")
        XCTAssertEqual(job.container.args.count, 1)
        let script = job.container.args[0]
        XCTAssertTrue(script.contains("--out /results/shard-$JOB_COMPLETION_INDEX"), script)
        XCTAssertTrue(script.contains("--resume"), "a retried index keeps the rows it stored: \(script)")
    }

    func testManifestPassesKubernetesSchema() throws {
        guard let validator = CommandRun.find("kubernetes-validate") else {
            let reason = "kubernetes-validate is not installed (bin/ensure-deps --test installs it with pip)"
            print("Kubernetes schema check SKIPPED, did not run: \(reason)")
            throw XCTSkip(reason)
        }
        for version in Self.schemaVersions {
            let arguments = ["--strict"] + (version.map { ["--kubernetes-version", $0] } ?? []) + [Self.manifest.path]
            let check = try CommandRun.run(URL(fileURLWithPath: validator), arguments, timeout: 60)
            XCTAssertEqual(check.status, 0, "kubernetes-validate \(arguments.joined(separator: " ")):\n\(check.stdout)\(check.stderr)")
            print("Kubernetes manifest schema: \(check.stdout.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }

    func testEachIndexRunsItsShardAndTheShardsMergeIntoTheSingleRun() throws {
        let job = try job()
        let scratch = try Scratch()
        let data = scratch.url.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("datasets/kent"),
                                         to: data.appendingPathComponent("kent"))
        try Data(BatchCommandTests.batchYAML.utf8).write(to: data.appendingPathComponent("kent-batch.yaml"))

        // Each volume's mount path stands for a local folder of the same name.
        var script = job.container.args.joined(separator: " ")
        for mount in job.container.volumeMounts {
            let local = scratch.url.appendingPathComponent(URL(fileURLWithPath: mount.mountPath).lastPathComponent)
            try FileManager.default.createDirectory(at: local, withIntermediateDirectories: true)
            script = script.replacingOccurrences(of: mount.mountPath + "/", with: local.path + "/")
        }
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SLURM_") }
        environment["PATH"] = EstateRun.binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        for index in 0 ..< job.spec.completions {
            environment["JOB_COMPLETION_INDEX"] = String(index)
            let shell = try XCTUnwrap(CommandRun.find(job.container.command[0]), "no \(job.container.command[0]) on PATH")
            let pod = try CommandRun.run(URL(fileURLWithPath: shell), Array(job.container.command.dropFirst()) + [script],
                                         in: scratch.url, environment: environment, timeout: 60)
            XCTAssertEqual(pod.status, 0, "index \(index): \(pod.stderr)")
            let rows = parseCSV(try scratch.read("results/shard-\(index)/results.csv")).rows
            XCTAssertTrue(rows.allSatisfy { $0["shard"] == "\(index + 1)/\(job.spec.completions)" }, "index \(index)")
        }

        let single = try EstateRun.run(["batch", "data/kent-batch.yaml", "--out", "single", "--quiet"], in: scratch.url)
        XCTAssertEqual(single.status, 0, single.stderr)
        let shards = (0 ..< job.spec.completions).map { "results/shard-\($0)/results.sqlite" }
        let merge = try EstateRun.run(["merge", "results/all.sqlite"] + shards, in: scratch.url)
        XCTAssertEqual(merge.status, 0, merge.stderr)
        let merged = reproducibleRows(try scratch.read("results/all.csv"))
        XCTAssertEqual(merged, reproducibleRows(try scratch.read("single/results.csv")))
        XCTAssertEqual(merged.count, 6)
        print("Kubernetes manifest: its pod command run by sh for indexes 0-\(job.spec.completions - 1) "
              + "(no cluster, image or volumes): \(merged.count) merged rows, equal to the single estate batch run")
    }
}
