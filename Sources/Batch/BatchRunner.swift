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
        let work = WorkQueue(scenarios)
        let channel = RecordChannel()
        let shardText = shard.description
        let engineVersion = self.engineVersion
        let writer = Writer(store: store, reporter: ProgressReporter(total: scenarios.count, style: progress, emit: emit))
        let started = DispatchTime.now().uptimeNanoseconds

        let writerDone = DispatchSemaphore(value: 0)
        let writerThread = Thread {
            Thread.current.name = "batch-writer"
            writer.drain(channel, onFailure: work.stop)
            writerDone.signal()
        }
        writerThread.start()

        let workersDone = DispatchSemaphore(value: 0)
        let workerCount = min(jobs, max(scenarios.count, 1))
        for number in 0..<workerCount {
            let thread = Thread {
                Thread.current.name = "batch-worker-\(number + 1)"
                while let scenario = work.next() {
                    channel.send(Self.solveOne(scenario, solve: solve, engineVersion: engineVersion, shard: shardText))
                }
                workersDone.signal()
            }
            thread.stackSize = stackSize
            thread.start()
        }
        for _ in 0..<workerCount { workersDone.wait() }
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
        return BatchRecord(
            id: scenario.id, name: scenario.name, parameters: scenario.parametersJSON, result: result,
            seconds: seconds, engineVersion: engineVersion, shard: shard,
            startedAt: BatchRecord.timestamp(startDate), finishedAt: BatchRecord.timestamp(Date()))
    }
}

/// What a run did.
public struct BatchRunSummary: Sendable, Equatable {
    /// Rows stored by this run.
    public var ran: Int
    /// Rows stored by this run, per status.
    public var statusCounts: [BatchStatus: Int]
    /// Wall-clock seconds of the run.
    public var seconds: Double
}

/// Hands out scenarios to workers, one at a time, until exhausted or stopped.
private final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let items: [ExpandedScenario]
    private var position = 0
    private var stopped = false

    init(_ items: [ExpandedScenario]) { self.items = items }

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
        condition.signal()
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
    private(set) var statusCounts: [BatchStatus: Int] = [:]
    private(set) var failure: BatchError?

    init(store: ResultStore, reporter: ProgressReporter) {
        self.store = store
        self.reporter = reporter
    }

    func drain(_ channel: RecordChannel, onFailure: @Sendable () -> Void) {
        while let records = channel.receiveAll() {
            guard failure == nil else { continue }
            do {
                try store.insert(records)
            } catch {
                failure = error
                onFailure()
                continue
            }
            stored += records.count
            for record in records { statusCounts[record.result.status, default: 0] += 1 }
            reporter.advance(by: records)
        }
    }
}
