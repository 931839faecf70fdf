import Foundation
import XCTest
@testable import Batch

final class RunnerTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws { folder = try temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func testStoredRowsAreIdenticalWhateverTheNumberOfJobs() throws {
        let scenarios = try ShardTests.scenarios()
        var runs: [[BatchRecord]] = []
        for jobs in [1, 2, 3, 8] {
            let store = try ResultStore(path: folder.appendingPathComponent("jobs\(jobs).sqlite").path)
            let summary = try BatchRunner(jobs: jobs, engineVersion: "test 1", progress: .silent)
                .run(scenarios, store: store) { scenario in
                    // Uneven work so that finishing order differs from starting order.
                    Thread.sleep(forTimeInterval: Double(Int(scenario.id.prefix(2), radix: 16)! % 4) / 1000)
                    return syntheticResult(scenario)
                }
            XCTAssertEqual(summary.ran, 50)
            let expectedInfeasible = scenarios.filter { syntheticResult($0).status == .infeasible }.count
            XCTAssertEqual(summary.statusCounts[.infeasible] ?? 0, expectedInfeasible)
            XCTAssertEqual(summary.statusCounts[.optimal] ?? 0, 50 - expectedInfeasible)
            runs.append(try store.records().map(\.reproducible))
        }
        for run in runs.dropFirst() { XCTAssertEqual(run, runs[0]) }
        let expected = scenarios.sorted { $0.id < $1.id }.map { record($0).reproducible }
        XCTAssertEqual(runs[0].map { var r = $0; r.engineVersion = "test 1"; return r }, expected)
    }

    func testEachSolveRunsOnOneThreadAndThreadsNumberJobs() throws {
        let scenarios = try ShardTests.scenarios()
        let threads = ThreadLog()
        let store = try ResultStore(path: folder.appendingPathComponent("t.sqlite").path)
        try BatchRunner(jobs: 3, engineVersion: "t", progress: .silent).run(scenarios, store: store) { scenario in
            let before = pthread_self()
            Thread.sleep(forTimeInterval: 0.001)
            threads.add(pthread_equal(before, pthread_self()) != 0 ? "\(before)" : "moved")
            return syntheticResult(scenario)
        }
        XCTAssertFalse(threads.names.contains("moved"))
        XCTAssertLessThanOrEqual(threads.names.count, 3)
        XCTAssertEqual(threads.ordered.count, 50)
    }

    func testAThrowingSolverBecomesAnErrorRowAndTheBatchGoesOn() throws {
        struct Broken: Error, CustomStringConvertible { var description: String { "no dataset" } }
        let scenarios = try ShardTests.scenarios()
        let store = try ResultStore(path: folder.appendingPathComponent("e.sqlite").path)
        let summary = try BatchRunner(jobs: 2, engineVersion: "t", progress: .silent).run(scenarios, store: store) {
            scenario in
            if scenario.index % 10 == 3 { throw Broken() }
            return syntheticResult(scenario)
        }
        XCTAssertEqual(summary.ran, 50)
        XCTAssertEqual(summary.statusCounts[.error], 5)
        let errors = try store.records().filter { $0.result.status == .error }
        XCTAssertEqual(errors.map(\.result.message), Array(repeating: "no dataset", count: 5))
        XCTAssertEqual(Set(errors.map(\.id)), Set(scenarios.filter { $0.index % 10 == 3 }.map(\.id)))
    }

    func testADatabaseFailureStopsTheWorkersAndIsRethrown() throws {
        let scenarios = try ShardTests.scenarios()
        let store = try ResultStore(path: folder.appendingPathComponent("f.sqlite").path)
        try store.insert([record(scenarios[0])])
        let calls = ThreadLog()
        // Scenario 0 is already stored, so storing it again violates the primary key.
        XCTAssertThrowsError(try BatchRunner(jobs: 1, engineVersion: "t", progress: .silent).run(scenarios, store: store) {
            scenario in
            calls.add(scenario.id)
            Thread.sleep(forTimeInterval: 0.002)
            return syntheticResult(scenario)
        }) { error in
            guard case .database? = error as? BatchError else { return XCTFail("\(error)") }
        }
        XCTAssertLessThan(calls.ordered.count, 50, "workers should stop after the failure")
        XCTAssertEqual(try store.ids(), [scenarios[0].id])
    }

    func testInterruptedScenariosRunFirstAndAloneThenTheRestInParallel() throws {
        let scenarios = try ShardTests.scenarios()
        let store = try ResultStore(path: folder.appendingPathComponent("i.sqlite").path)
        let suspects = [scenarios[30], scenarios[7], scenarios[12]]
        for suspect in suspects { try store.markStarted(suspect.id, isolated: false) }
        XCTAssertEqual(try store.interrupted(), Dictionary(uniqueKeysWithValues: suspects.map { ($0.id, 0) }))
        let calls = ThreadLog()
        let active = ThreadLog()
        let summary = try BatchRunner(jobs: 3, engineVersion: "t", progress: .silent).run(scenarios, store: store) {
            scenario in
            active.add("+")
            let concurrent = active.ordered.filter { $0 == "+" }.count - active.ordered.filter { $0 == "-" }.count
            calls.add("\(scenario.id) \(concurrent)")
            Thread.sleep(forTimeInterval: 0.002)
            active.add("-")
            return syntheticResult(scenario)
        }
        XCTAssertEqual(summary.ran, 50)
        // The suspects ran first, in expansion order, each with nothing else running.
        XCTAssertEqual(Array(calls.ordered.prefix(3)), [7, 12, 30].map { "\(scenarios[$0].id) 1" })
        XCTAssertTrue(calls.ordered.dropFirst(3).contains { $0.hasSuffix(" 2") || $0.hasSuffix(" 3") })
        XCTAssertEqual(try store.interrupted(), [:])
        XCTAssertEqual(try store.records().map(\.reproducible),
                       scenarios.sorted { $0.id < $1.id }.map { var r = record($0); r.engineVersion = "t"; return r.reproducible })
    }

    func testAScenarioThatDiedTwiceAloneGetsAnErrorRowInsteadOfAThirdRun() throws {
        let scenarios = Array(try ShardTests.scenarios().prefix(5))
        let store = try ResultStore(path: folder.appendingPathComponent("d.sqlite").path)
        try store.markStarted(scenarios[2].id, isolated: false)
        try store.markStarted(scenarios[2].id, isolated: true)
        try store.markStarted(scenarios[2].id, isolated: true)
        XCTAssertEqual(try store.interrupted(), [scenarios[2].id: 2])
        let calls = ThreadLog()
        let summary = try BatchRunner(jobs: 2, engineVersion: "t", progress: .silent).run(scenarios, store: store) {
            calls.add($0.id)
            return syntheticResult($0)
        }
        XCTAssertEqual(summary.statusCounts[.error], 1)
        XCTAssertEqual(calls.names, Set(scenarios.map(\.id)).subtracting([scenarios[2].id]))
        let row = try XCTUnwrap(try store.records().first { $0.id == scenarios[2].id })
        XCTAssertEqual(row.result.status, .error)
        XCTAssertTrue(row.result.message?.hasPrefix("the batch process died 2 times while this scenario ran alone") ?? false)
        XCTAssertEqual(try store.interrupted(), [:])
    }

    func testPlainProgressPrintsOneLinePerScenarioEndingAtTheTotal() throws {
        let scenarios = Array(try ShardTests.scenarios().prefix(7))
        let log = ThreadLog()
        let store = try ResultStore(path: folder.appendingPathComponent("p.sqlite").path)
        try BatchRunner(jobs: 2, engineVersion: "t", progress: .lines)
            .run(scenarios, store: store, solve: { syntheticResult($0) }, emit: { log.add($0) })
        let lines = log.ordered
        XCTAssertEqual(lines.count, 7)
        XCTAssertEqual(lines.map { String($0.prefix(while: { $0 != " " })) }, (1...7).map { "\($0)/7" })
        XCTAssertTrue(lines.allSatisfy { $0.hasSuffix("\n") && !$0.contains("\r") })
    }

    func testBatchJobRunsItsShardResumesAndReportsStrayRowsAfterAnEdit() throws {
        let file = folder.appendingPathComponent("s.yaml")
        let database = folder.appendingPathComponent("r.sqlite").path
        let csv = folder.appendingPathComponent("r.csv")
        try "objective: min_cost\nbatch: {p: [1, 2, 3, 4, 5], q: [1, 2, 3]}\n".write(to: file, atomically: true, encoding: .utf8)
        let job = BatchJob(scenarioFile: file, database: database, csv: csv, jobs: 2,
                           shard: try Shard.parse("2/2"), resume: true, engineVersion: "t", progress: .silent)
        let first = try job.run { syntheticResult($0) }
        XCTAssertEqual([first.batchSize, first.shardSize, first.skipped, first.run.ran], [15, 7, 0, 7])
        XCTAssertEqual(try String(contentsOf: csv, encoding: .utf8), try ResultStore(path: database).exportCSV())
        let again = try job.run { syntheticResult($0) }
        XCTAssertEqual([again.skipped, again.run.ran], [7, 0])
        XCTAssertEqual(again.strayIDs, [])
        var fresh = job
        fresh.resume = false
        XCTAssertThrowsError(try fresh.run { syntheticResult($0) })
        try "objective: min_sites\nbatch: {p: [1, 2, 3, 4, 5], q: [1, 2, 3]}\n".write(to: file, atomically: true, encoding: .utf8)
        let edited = try job.run { syntheticResult($0) }
        XCTAssertEqual(edited.strayIDs.count, 7)
        XCTAssertEqual(edited.run.ran, 7)
    }

    func testProgressTextGivesDoneTotalRateAndEta() {
        XCTAssertEqual(ProgressReporter.line(done: 25, total: 100, elapsed: 5), "25/100  5.0/s  ETA 0:15")
        XCTAssertEqual(ProgressReporter.line(done: 0, total: 100, elapsed: 0), "0/100  0.0/s  ETA --:--")
        XCTAssertEqual(ProgressReporter.bar(done: 50, total: 100, elapsed: 10, width: 10),
                       "[#####-----] 50/100  5.0/s  ETA 0:10")
        XCTAssertEqual(ProgressReporter.duration(3_725), "1:02:05")
        XCTAssertEqual(ProgressReporter.duration(59.2), "1:00")
    }
}

/// Collects strings from many threads.
final class ThreadLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []

    func add(_ item: String) {
        lock.lock()
        items.append(item)
        lock.unlock()
    }

    var ordered: [String] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }

    var names: Set<String> { Set(ordered) }
}
