import ArgumentParser
import Batch
import BatchPlanning
import Estate
import EstateIO
import Foundation

/// `estate batch`: every scenario of a scenario file's `batch:` grid and `variants:`.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Plan every scenario of a batch in parallel; one result row per scenario.",
        discussion: """
            Writes DIR/results.sqlite (one row per scenario: parameters, status, objective, bound, gap, \
            seconds, totals, kept sites, input file hashes, engine version) and its export DIR/results.csv. \
            The dataset is read and scored once and shared by every scenario. Exits 0 when every scenario \
            ran, whatever each one's status (its row records it); 1 on bad input or a database error.
            """
    )

    @Argument(help: "A scenario file with a `batch:` block and/or `variants:` (YAML or JSON).")
    var scenario: String

    @Option(name: .long, help: "Folder for results.sqlite, results.csv and plans/: created when missing; otherwise an empty folder or an earlier Estate batch folder.")
    var out: String = "batch"

    @Option(name: .long, help: "Scenarios solved at once, each on its own thread. Default: the number of cores.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Run the K-th of N shares of the batch, 1-based (e.g. 2/4). Default: from SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT, or JOB_COMPLETION_INDEX with --shards, else the whole batch.")
    var shard: String?

    @Option(name: .long, help: "Number of shards when JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) picks this one.")
    var shards: Int?

    @Flag(name: .long, help: "Skip scenarios already stored in DIR/results.sqlite (continue a stopped batch).")
    var resume = false

    @Option(name: .long, help: "With --resume: delete stored rows with this status and run them again (repeatable: error, time_limit, ...).")
    var retry: [String] = []

    @Flag(name: .long, help: "Also write each scenario's full plan folder to DIR/plans/<id>/.")
    var plans = false

    @Flag(name: .long, help: "No progress output; only the closing summary.")
    var quiet = false

    @OptionGroup var travelCache: TravelCacheOption

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if let shards, shards < 1 { throw ValidationError("--shards must be at least 1") }
        for status in retry where PlanStatus(rawValue: status) == nil {
            throw ValidationError("--retry \(status): expected one of "
                + PlanStatus.allCases.map(\.rawValue).joined(separator: ", "))
        }
        if !retry.isEmpty, !resume { throw ValidationError("--retry needs --resume") }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: out)
        let scenarioURL = URL(fileURLWithPath: scenario)
        let version = "estate \(EstateCommand.configuration.version)"
        let solver = BatchPlanSolver(scenarioFile: scenarioURL, engineVersion: version,
                                     plansFolder: plans ? folder.appendingPathComponent("plans") : nil,
                                     travelCache: travelCache.cache)
        let report: BatchJobReport
        let shard = try Shard.resolve(option: self.shard, environment: ProcessInfo.processInfo.environment,
                                      kubernetesCount: shards)
        let datasets = try BatchValidation.check(scenarioFile: scenarioURL, shard: shard, inputs: solver.inputs)
        let output = try checkedOutput(out, kind: .batch, inputs: [scenarioURL] + datasets)
        var created = false
        do {
            created = try output.prepare(files: ["results.sqlite", "results.csv", "plans"])
            let job = BatchJob(
                scenarioFile: scenarioURL,
                database: folder.appendingPathComponent("results.sqlite").path,
                csv: folder.appendingPathComponent("results.csv"), jobs: jobs, shard: shard, resume: resume,
                retrying: Set(retry.compactMap(PlanStatus.init(rawValue:))), engineVersion: version,
                progress: quiet ? .silent : .automatic)
            report = try job.run(solve: solver.closure)
        } catch {
            if created { output.removeIfOnlyManifest() }
            throw error
        }
        print(BatchSummary.text(report, folder: out))
    }
}
