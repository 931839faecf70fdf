import Estate
import Foundation

/// One `estate batch` invocation from start to finish, so the command line only
/// parses options and supplies the planner: expand the scenario file, take this
/// shard's share, skip what the database already holds (on resume), run the rest,
/// and export the whole database as CSV.
public struct BatchJob: Sendable {
    /// The scenario file with its `batch:`/`variants:` blocks.
    public var scenarioFile: URL
    /// The results database (created when missing).
    public var database: String
    /// Where to write the CSV export of the whole database, or nil for none.
    public var csv: URL?
    /// Worker threads.
    public var jobs: Int
    /// The share of the batch to run.
    public var shard: Shard
    /// Skip scenarios already stored instead of refusing a non-empty database.
    public var resume: Bool
    /// Statuses whose stored rows are deleted and run again (with `resume`).
    public var retrying: Set<PlanStatus>
    /// Recorded in every row.
    public var engineVersion: String
    /// Progress display on standard error.
    public var progress: ProgressStyle

    /// A job; by default the whole batch, no resume, progress chosen by terminal.
    public init(
        scenarioFile: URL, database: String, csv: URL? = nil, jobs: Int, shard: Shard = .whole,
        resume: Bool = false, retrying: Set<PlanStatus> = [], engineVersion: String,
        progress: ProgressStyle = .automatic
    ) {
        self.scenarioFile = scenarioFile
        self.database = database
        self.csv = csv
        self.jobs = jobs
        self.shard = shard
        self.resume = resume
        self.retrying = retrying
        self.engineVersion = engineVersion
        self.progress = progress
    }

    /// Runs the job; `solve` is called once per pending scenario, on a worker thread.
    public func run(
        emit: @escaping @Sendable (String) -> Void = BatchRunner.standardError, solve: @escaping ScenarioSolver
    ) throws(BatchError) -> BatchJobReport {
        let all = try BatchExpansion.expand(contentsOf: scenarioFile)
        let mine = shard.select(all)
        let store = try ResultStore(path: database)
        let stray = try store.strayIDs(for: all)
        let pending = try store.pending(mine, resume: resume, retrying: retrying)
        let runner = BatchRunner(jobs: jobs, engineVersion: engineVersion, shard: shard, progress: progress)
        let summary = try runner.run(pending, store: store, solve: solve, emit: emit)
        if let csv { try store.writeCSV(to: csv) }
        return BatchJobReport(
            batchSize: all.count, shardSize: mine.count, skipped: mine.count - pending.count, run: summary,
            strayIDs: stray)
    }
}

/// What a `BatchJob` did, for the command's closing summary.
public struct BatchJobReport: Sendable, Equatable {
    /// Scenarios in the whole batch.
    public var batchSize: Int
    /// Scenarios in this shard.
    public var shardSize: Int
    /// Scenarios of this shard already stored and skipped (resume).
    public var skipped: Int
    /// What the runner did.
    public var run: BatchRunSummary
    /// Stored ids that are not part of this batch (an edited scenario file).
    public var strayIDs: [String]
}
