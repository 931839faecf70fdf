import Estate
import Foundation

/// Runs scenarios on `jobs` OS threads and stores each result as it completes.
///
/// Why threads and not Swift tasks: GLPK keeps its environment in thread-local
/// storage, so a solve must start and end on one thread; an async task may hop
/// threads at every suspension. Each worker is a `Thread` that takes the next
/// scenario, calls the solver closure synchronously, and hands the finished row to
/// a single writer thread, which stores whatever rows are waiting in one
/// transaction and redraws the progress. Rows are keyed and exported by id, so the
/// stored results do not depend on `jobs` or on finishing order.
///
/// Why scenarios are marked as started: a scenario that kills the process (the
/// solver aborts, memory runs out) would otherwise kill every resumed run too.
/// Each start is committed before the solve, so a resumed run knows which
/// scenarios were in flight when the process died. It runs those first, one at a
/// time, so a death can be pinned on one scenario; a scenario that has died
/// `maxDeaths` times running alone gets an `error` row instead of another run.
public struct BatchRunner: Sendable {
    /// Number of worker threads, at least 1.
    public var jobs: Int
    /// Engine version recorded in every row (e.g. `estate 0.3.0`).
    public var engineVersion: String
    /// The shard being run, recorded in every row.
    public var shard: Shard
    /// How progress is shown on standard error.
    public var progress: ProgressStyle
    /// Stack size of each worker thread in bytes (GLPK's branch and bound recurses).
    public var stackSize: Int = 16 << 20
    /// How many times a scenario may take the process down while running alone
    /// before it is recorded as an `error` and no longer run.
    public var maxDeaths: Int = 2
    /// Seconds the writer waits after a commit, gathering finished rows, before the
    /// next. Each results commit is flushed to disk (10 to 30 ms on this loaded
    /// machine) and the workers' start markers wait for it meanwhile, so
    /// committing at most twice a second keeps the disk off the critical path
    /// (measured: 0.1 s cost 3 ms per scenario, 0.5 s under 1 ms); a crash loses
    /// at most this much finished work, which `--resume` redoes.
    public var commitInterval: Double = 0.5

    /// A runner; `jobs` below 1 counts as 1.
    public init(jobs: Int, engineVersion: String, shard: Shard = .whole, progress: ProgressStyle = .automatic) {
        self.jobs = max(1, jobs)
        self.engineVersion = engineVersion
        self.shard = shard
        self.progress = progress
    }

    /// Runs every scenario in `scenarios` (already filtered by shard and resume) and
    /// stores one row each in `store`. Returns once all rows are stored. A database
    /// error stops the workers after their current scenario and is rethrown; rows
    /// stored before it stay stored, so `--resume` continues from there.
    @discardableResult
    public func run(
        _ scenarios: [ExpandedScenario], store: ResultStore, solve: @escaping ScenarioSolver,
        emit: @escaping @Sendable (String) -> Void = BatchRunner.standardError
    ) throws(BatchError) -> BatchRunSummary {
        let interrupted = try store.interrupted()
        var abandoned: [ExpandedScenario] = [], suspects: [ExpandedScenario] = [], others: [ExpandedScenario] = []
        for scenario in scenarios {
            switch interrupted[scenario.id] {
            case let deaths? where deaths >= maxDeaths: abandoned.append(scenario)
            case .some: suspects.append(scenario)
            case nil: others.append(scenario)
            }
        }
        let work = WorkQueue()
        let channel = RecordChannel()
        let shardText = shard.description
        let engineVersion = self.engineVersion
        let writer = Writer(store: store, reporter: ProgressReporter(total: scenarios.count, style: progress, emit: emit))
        let started = DispatchTime.now().uptimeNanoseconds
        let commitInterval = self.commitInterval

        let writerDone = DispatchSemaphore(value: 0)
        let writerThread = Thread {
            Thread.current.name = "batch-writer"
            writer.drain(channel, pause: commitInterval, onFailure: work.stop)
            writerDone.signal()
        }
        writerThread.start()

        for scenario in abandoned {
            let deaths = interrupted[scenario.id] ?? 0
            let result = BatchResult(
                status: .error,
                message: "the batch process died \(deaths) times while this scenario ran alone (killed, out of "
                    + "memory, or a crash in the solver); it is not run again unless error rows are retried")
            channel.send(Self.record(scenario, result: result, seconds: 0, started: Date(), engineVersion: engineVersion,
                                     shard: shardText))
        }
        // Suspects first, alone, then everything else on `jobs` threads.
        for (batch, workers, isolated) in [(suspects, 1, true), (others, jobs, false)] where !batch.isEmpty {
            guard work.load(batch) else { break }
            let workersDone = DispatchSemaphore(value: 0)
            let workerCount = min(workers, batch.count)
            for number in 0..<workerCount {
                let thread = Thread {
                    Thread.current.name = "batch-worker-\(number + 1)"
                    while let scenario = work.next() {
                        do throws(BatchError) {
                            try store.markStarted(scenario.id, isolated: isolated)
                        } catch {
                            writer.fail(error)
                            work.stop()
                            break
                        }
                        let record = Self.solveOne(scenario, solve: solve, engineVersion: engineVersion, shard: shardText)
                        if isolated {
                            // Stored before the next suspect starts, so a death is only
                            // ever charged to the scenario that was running.
                            guard writer.commit([record]) else {
                                work.stop()
                                break
                            }
                        } else {
                            channel.send(record)
                        }
                    }
                    workersDone.signal()
                }
                thread.stackSize = stackSize
                thread.start()
            }
            for _ in 0..<workerCount { workersDone.wait() }
        }
        channel.close()
        writerDone.wait()
        writer.reporter.finish()
        if let failure = writer.failure { throw failure }
        return BatchRunSummary(
            ran: writer.stored, statusCounts: writer.statusCounts,
            seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
    }

    /// Writes progress text to standard error, unbuffered.
    public static let standardError: @Sendable (String) -> Void = { text in
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func solveOne(
        _ scenario: ExpandedScenario, solve: ScenarioSolver, engineVersion: String, shard: String
    ) -> BatchRecord {
        let startDate = Date()
        let start = DispatchTime.now().uptimeNanoseconds
        let result: BatchResult
        do {
            result = try solve(scenario)
        } catch {
            result = BatchResult(status: .error, message: String(describing: error))
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return record(scenario, result: result, seconds: seconds, started: startDate, engineVersion: engineVersion,
                      shard: shard)
    }

    static func record(
        _ scenario: ExpandedScenario, result: BatchResult, seconds: Double, started: Date, engineVersion: String,
        shard: String
    ) -> BatchRecord {
        BatchRecord(
            id: scenario.id, name: scenario.name, parameters: scenario.parametersJSON, result: result,
            seconds: seconds, engineVersion: engineVersion, shard: shard,
            startedAt: BatchRecord.timestamp(started), finishedAt: BatchRecord.timestamp(Date()))
    }
}

/// What a run did.
public struct BatchRunSummary: Sendable, Equatable {
    /// Rows stored by this run.
    public var ran: Int
    /// Rows stored by this run, per status.
    public var statusCounts: [PlanStatus: Int]
    /// Wall-clock seconds of the run.
    public var seconds: Double
}

/// Hands out scenarios to workers, one at a time, until exhausted or stopped.
private final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [ExpandedScenario] = []
    private var position = 0
    private var stopped = false

    /// Replaces the items (between phases); false once stopped.
    func load(_ newItems: [ExpandedScenario]) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        items = newItems
        position = 0
        return !stopped
    }

    func next() -> ExpandedScenario? {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped, position < items.count else { return nil }
        position += 1
        return items[position - 1]
    }

    @Sendable func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }
}

/// Finished rows on their way from the workers to the writer.
private final class RecordChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [BatchRecord] = []
    private var closed = false

    func send(_ record: BatchRecord) {
        condition.lock()
        pending.append(record)
        condition.signal()
        condition.unlock()
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits up to `seconds`, returning early once closed.
    func pause(_ seconds: Double) {
        guard seconds > 0 else { return }
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        while !closed, condition.wait(until: deadline) {}
        condition.unlock()
    }

    /// Every waiting row; blocks while none waits; nil once closed and empty.
    func receiveAll() -> [BatchRecord]? {
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty && !closed { condition.wait() }
        if pending.isEmpty { return nil }
        defer { pending.removeAll(keepingCapacity: true) }
        return pending
    }
}

/// The single writer: stores rows, counts them, reports progress.
private final class Writer: @unchecked Sendable {
    let store: ResultStore
    let reporter: ProgressReporter
    private(set) var stored = 0
    private(set) var statusCounts: [PlanStatus: Int] = [:]
    private let lock = NSLock()
    private var firstFailure: BatchError?

    /// The first database failure, from the writer or a worker's start marker.
    var failure: BatchError? {
        lock.lock()
        defer { lock.unlock() }
        return firstFailure
    }

    func fail(_ error: BatchError) {
        lock.lock()
        if firstFailure == nil { firstFailure = error }
        lock.unlock()
    }

    init(store: ResultStore, reporter: ProgressReporter) {
        self.store = store
        self.reporter = reporter
    }

    func drain(_ channel: RecordChannel, pause: Double, onFailure: @Sendable () -> Void) {
        while let records = channel.receiveAll() {
            defer { channel.pause(pause) }
            if !commit(records) { onFailure() }
        }
    }

    /// Stores rows in one transaction and reports them; false (and nothing stored)
    /// after a failure. Called by the writer thread, and by the single worker of
    /// the isolated phase while the writer has nothing to do.
    func commit(_ records: [BatchRecord]) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard firstFailure == nil else { return false }
        do {
            try store.insert(records)
        } catch {
            firstFailure = error
            return false
        }
        stored += records.count
        for record in records { statusCounts[record.result.status, default: 0] += 1 }
        reporter.advance(by: records)
        return true
    }
}
