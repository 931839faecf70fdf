import Foundation
import GRDB
import XCTest
@testable import Batch
#if canImport(Glibc)
import Glibc
#endif

/// Shards and kills as separate OS processes, through the test-only `batch-fixture`
/// executable (a stand-in for `estate batch` with a brute-force toy planner).
final class ProcessTests: XCTestCase {
    var folder: URL!

    static let scenario = """
    dataset: datasets/toy
    objective: max_coverage
    coverage_minutes: 20
    constraints: {budget: 9_000_000}
    batch:
      constraints.budget: [2_500_000, 3_500_000, 4_500_000, 6e6, 8_000_000]
      coverage_minutes: [8, 12, 16, 20]
    variants:
      base: {}
      green: {constraints.carbon: 450}
      greener: {constraints.carbon: 300}
    """

    override func setUpWithError() throws {
        folder = try temporaryFolder()
        try Self.scenario.write(to: folder.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    var fixture: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("batch-fixture")
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Starts the fixture with a clean scheduler environment plus `environment`.
    func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        guard FileManager.default.isExecutableFile(atPath: fixture.path) else {
            throw XCTSkip("batch-fixture not built at \(fixture.path); run `swift build --build-tests`")
        }
        let process = Process()
        process.executableURL = fixture
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("SLURM_") && $0.key != "JOB_COMPLETION_INDEX"
        }
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func runToEnd(_ arguments: [String], environment: [String: String] = [:]) throws {
        let process = try start(arguments, environment: environment)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "batch-fixture \(arguments.joined(separator: " "))")
    }

    func testShardsRunAsSeparateProcessesMergeIntoTheSingleRunRowForRow() throws {
        try runToEnd(["run", path("s.yaml"), "--db", path("single.sqlite"), "--jobs", "2"])
        // Three shards at once, each told its share a different way.
        let shards = [
            try start(["run", path("s.yaml"), "--db", path("1.sqlite"), "--shard", "1/3"]),
            try start(["run", path("s.yaml"), "--db", path("2.sqlite")], environment: [
                "SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "1",
            ]),
            try start(["run", path("s.yaml"), "--db", path("3.sqlite"), "--shards", "3"],
                      environment: ["JOB_COMPLETION_INDEX": "2"]),
        ]
        for process in shards {
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0)
        }
        try runToEnd(["merge", path("merged.sqlite"), path("1.sqlite"), path("2.sqlite"), path("3.sqlite")])
        try runToEnd(["merge", path("merged.sqlite"), path("3.sqlite"), path("1.sqlite")])  // idempotent

        let single = try ResultStore(path: path("single.sqlite")).records()
        let merged = try ResultStore(path: path("merged.sqlite")).records()
        XCTAssertEqual(single.count, 60)
        XCTAssertEqual(merged.map(\.reproducible), single.map(\.reproducible))
        // Every row came from the shard that owns its expansion position.
        let expansion = try BatchExpansion.expand(contentsOf: folder.appendingPathComponent("s.yaml"))
        let owner = Dictionary(uniqueKeysWithValues: expansion.map { ($0.id, "\($0.index % 3 + 1)/3") })
        XCTAssertEqual(merged.map(\.shard), merged.map { owner[$0.id]! })
        // The CSV exports agree too, once the columns that record when and where are dropped.
        XCTAssertEqual(try Self.reproducibleCSV(path("merged.sqlite")), try Self.reproducibleCSV(path("single.sqlite")))
        // The toy planner's answers are not all alike, so the comparison has teeth.
        XCTAssertGreaterThan(Set(single.map(\.result.objective)).count, 5)
    }

    func testBatchKilledWithSigkillResumesToTheFullSetWithNoDuplicates() throws {
        try runToEnd(["run", path("s.yaml"), "--db", path("reference.sqlite")])
        let child = try start(["run", path("s.yaml"), "--db", path("killed.sqlite"), "--jobs", "2", "--delay-ms", "80"])
        var stored = 0
        for _ in 0..<600 where stored < 4 {
            Thread.sleep(forTimeInterval: 0.05)
            stored = (try? Self.rowCount(path("killed.sqlite"))) ?? 0
        }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        XCTAssertEqual(child.terminationReason, .uncaughtSignal)
        let afterKill = try ResultStore(path: path("killed.sqlite"))
        XCTAssertEqual(try afterKill.integrityCheck(), "ok")
        let partial = try afterKill.count()
        XCTAssertGreaterThanOrEqual(partial, 4)
        XCTAssertLessThan(partial, 60, "the child finished before it was killed; the test proved nothing")

        try runToEnd(["run", path("s.yaml"), "--db", path("killed.sqlite"), "--jobs", "2", "--resume"])
        let resumed = try ResultStore(path: path("killed.sqlite")).records()
        XCTAssertEqual(resumed.count, 60)
        XCTAssertEqual(Set(resumed.map(\.id)).count, 60)
        let reference = try ResultStore(path: path("reference.sqlite")).records()
        XCTAssertEqual(resumed.map(\.reproducible), reference.map(\.reproducible))
    }

    func testAScenarioThatKillsTheProcessIsIsolatedThenRecordedAsAnErrorAndTheRestComplete() throws {
        try runToEnd(["run", path("s.yaml"), "--db", path("reference.sqlite")])
        let poison = "green constraints.budget=4_500_000 coverage_minutes=12"
        let arguments = ["run", path("s.yaml"), "--db", path("p.sqlite"), "--jobs", "2", "--resume", "--crash-on", poison]
        var deaths = 0
        for _ in 0..<6 {
            let process = try start(arguments)
            process.waitUntilExit()
            if process.terminationReason == .exit {
                XCTAssertEqual(process.terminationStatus, 0)
                break
            }
            deaths += 1
        }
        // Once among others, then twice alone (maxDeaths = 2), then recorded as an error.
        XCTAssertEqual(deaths, 3)
        let rows = try ResultStore(path: path("p.sqlite")).records()
        XCTAssertEqual(rows.count, 60)
        XCTAssertEqual(rows.filter { $0.result.status == .error }.map(\.name), [poison])
        let reference = try ResultStore(path: path("reference.sqlite")).records()
        XCTAssertEqual(rows.filter { $0.name != poison }.map(\.reproducible),
                       reference.filter { $0.name != poison }.map(\.reproducible))
    }

    /// The CSV export without `seconds`, `shard`, `started_at` and `finished_at`.
    static func reproducibleCSV(_ path: String) throws -> [[String]] {
        let lines = try ResultStore(path: path).exportCSV().split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let drop = Set(["seconds", "shard", "started_at", "finished_at"].compactMap { lines[0].firstIndex(of: $0) })
        XCTAssertEqual(drop.count, 4)
        return lines.map { $0.enumerated().filter { !drop.contains($0.offset) }.map(\.element) }
    }

    /// Row count through a read-only connection, so the test never races the
    /// child's schema creation (before it, the file or table may not exist).
    static func rowCount(_ path: String) throws -> Int {
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        return try DatabaseQueue(path: path, configuration: configuration).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM results") ?? 0
        }
    }
}
