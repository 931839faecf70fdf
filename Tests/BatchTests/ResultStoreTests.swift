import Foundation
import GRDB
import XCTest
@testable import Batch

final class ResultStoreTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws { folder = try temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func testRowsRoundTripSortedByIdInAWALDatabase() throws {
        let scenarios = try ShardTests.scenarios()
        let store = try ResultStore(path: path("r.sqlite"))
        let records = scenarios.map { record($0) }
        try store.insert(Array(records.reversed()))
        XCTAssertEqual(try store.records(), records.sorted { $0.id < $1.id })
        XCTAssertEqual(try store.count(), 50)
        XCTAssertEqual(try store.integrityCheck(), "ok")
        let mode = try DatabaseQueue(path: path("r.sqlite")).read { db in
            try String.fetchOne(db, sql: "PRAGMA journal_mode")
        }
        XCTAssertEqual(mode, "wal")
        XCTAssertEqual(try store.access { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }, 2)  // FULL
        try store.markStarted("x", isolated: false)  // markers use NORMAL, then restore FULL
        XCTAssertEqual(try store.access { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }, 2)
        // Kept sites are stored sorted, whatever order the planner gave.
        let optimal = try XCTUnwrap(scenarios.first { syntheticResult($0).status == .optimal })
        let stored = try XCTUnwrap(try store.records().first { $0.id == optimal.id })
        XCTAssertEqual(stored.result.keptSites, syntheticResult(optimal).keptSites.sorted())
        XCTAssertNotEqual(stored.result.keptSites, syntheticResult(optimal).keptSites)
    }

    func testAFailingInsertWritesNothingFromItsTransaction() throws {
        let scenarios = try ShardTests.scenarios()
        let store = try ResultStore(path: path("r.sqlite"))
        try store.insert([record(scenarios[0])])
        XCTAssertThrowsError(try store.insert([record(scenarios[1]), record(scenarios[0])]))
        XCTAssertEqual(try store.ids(), [scenarios[0].id])
    }

    func testResumeSkipsStoredIdsAndAFreshRunRefusesANonEmptyDatabase() throws {
        let scenarios = try ShardTests.scenarios()
        let store = try ResultStore(path: path("r.sqlite"))
        XCTAssertEqual(try store.pending(scenarios, resume: false).count, 50)
        try store.insert(scenarios.prefix(20).map { record($0) })
        XCTAssertEqual(try store.pending(scenarios, resume: true).map(\.id), scenarios.dropFirst(20).map(\.id))
        XCTAssertThrowsError(try store.pending(scenarios, resume: false)) { error in
            XCTAssertEqual(error as? BatchError, .databaseNotEmpty(path: self.path("r.sqlite"), rows: 20))
        }
        // Reopening finds the same rows (the schema migration is not re-run destructively).
        XCTAssertEqual(try ResultStore(path: path("r.sqlite")).count(), 20)
    }

    func testRetryingDeletesRowsOfTheGivenStatusesAndStrayRowsAreReported() throws {
        let scenarios = try ShardTests.scenarios()
        let store = try ResultStore(path: path("r.sqlite"))
        try store.insert(scenarios.map { record($0) })
        let infeasible = scenarios.filter { syntheticResult($0).status == .infeasible }.map(\.id)
        XCTAssertFalse(infeasible.isEmpty)
        XCTAssertEqual(try store.pending(scenarios, resume: true, retrying: [.infeasible, .error]).map(\.id), infeasible)
        XCTAssertEqual(try store.count(), 50 - infeasible.count)
        XCTAssertEqual(try store.strayIDs(for: scenarios), [])
        XCTAssertEqual(try store.strayIDs(for: Array(scenarios.prefix(45))),
                       scenarios.suffix(5).map(\.id).filter { !infeasible.contains($0) }.sorted())
    }

    func testMergeCombinesShardsIsIdempotentAndEqualsTheWholeBatch() throws {
        let scenarios = try ShardTests.scenarios()
        let whole = try ResultStore(path: path("whole.sqlite"))
        try whole.insert(scenarios.map { record($0) })
        var shardPaths: [String] = []
        for index in 0..<3 {
            let shard = Shard(index: index, count: 3)!
            let store = try ResultStore(path: path("shard\(index).sqlite"))
            try store.insert(shard.select(scenarios).map { record($0, shard: shard.description) })
            shardPaths.append(store.path)
        }
        let merged = try ResultStore(path: path("merged.sqlite"))
        XCTAssertEqual(try merged.merge(from: shardPaths), MergeReport(inserted: 50, alreadyPresent: 0))
        XCTAssertEqual(try merged.merge(from: shardPaths), MergeReport(inserted: 0, alreadyPresent: 50))
        XCTAssertEqual(try merged.records().map(\.reproducible), try whole.records().map(\.reproducible))
        XCTAssertEqual(try merged.count(), 50)
    }

    func testMergeRefusesRowsComputedFromDifferentInputsAndWritesNothing() throws {
        let scenarios = try ShardTests.scenarios()
        let target = try ResultStore(path: path("target.sqlite"))
        try target.insert(scenarios.prefix(10).map { record($0) })
        let other = try ResultStore(path: path("other.sqlite"))
        try other.insert(scenarios.prefix(12).map { record($0, hashes: ["areas.csv": "changed"]) })
        try other.insert(scenarios.dropFirst(12).prefix(5).map { record($0) })
        XCTAssertThrowsError(try target.merge(from: [other.path])) { error in
            XCTAssertEqual(error as? BatchError,
                           .mergeConflict(path: target.path, ids: scenarios.prefix(10).map(\.id).sorted()))
        }
        XCTAssertEqual(try target.count(), 10)
        XCTAssertThrowsError(try target.merge(from: [path("missing.sqlite")]))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("missing.sqlite")))
    }

    func testCSVExportIsSortedQuotedAndHasOneColumnPerParameter() throws {
        let scenarios = try BatchExpansion.expand(
            yaml: "objective: min_cost\nvariants: {'a,b': {}, plain: {z: 1}}\nbatch: {coverage_minutes: [15, 20]}\n",
            file: "s.yaml")
        let store = try ResultStore(path: path("r.sqlite"))
        let results = [
            BatchResult(status: .optimal, objective: 1.5, bound: 1.5, gap: 0,
                        totals: BatchTotals(sitesKept: 2, cost: 3e6, saving: 1e6, carbon: 12.5, coverage: 0.95),
                        keptSites: ["S2", "S1"], inputHashes: ["a.csv": "00"]),
            BatchResult(status: .infeasible, inputHashes: ["a.csv": "00"], message: "budget, \"carbon\""),
        ]
        try store.insert(scenarios.enumerated().map { index, scenario in
            BatchRecord(id: scenario.id, name: scenario.name, parameters: scenario.parametersJSON,
                        result: results[index % 2], seconds: 0.25, engineVersion: "e1", shard: "1/1",
                        startedAt: "T0", finishedAt: "T1")
        })
        let csv = try store.exportCSV()
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 6)
        XCTAssertEqual(lines[0], "id,name,variant,coverage_minutes,status,objective,bound,gap,seconds,sites_kept,cost,"
            + "saving,carbon,coverage,kept_sites,inputs_sha256,engine_version,shard,started_at,finished_at,message")
        XCTAssertEqual(lines[5], "")
        let hash = SHA256.hex(#"{"a.csv":"00"}"#)
        let byID = Dictionary(uniqueKeysWithValues: scenarios.map { ($0.id, $0) })
        let sortedIDs = scenarios.map(\.id).sorted()
        for (line, id) in zip(lines[1...4], sortedIDs) {
            let scenario = byID[id]!
            let variant = scenario.variant == "a,b" ? "\"a,b\"" : "plain"
            let name = scenario.variant == "a,b" ? "\"\(scenario.name)\"" : scenario.name
            let minutes = scenario.parameters[1].text
            let expected = scenario.index % 2 == 0
                ? "\(id),\(name),\(variant),\(minutes),optimal,1.5,1.5,0,0.25,2,3000000,1000000,12.5,0.95,S1;S2,\(hash),e1,1/1,T0,T1,"
                : "\(id),\(name),\(variant),\(minutes),infeasible,,,,0.25,,,,,,,\(hash),e1,1/1,T0,T1,\"budget, \"\"carbon\"\"\""
            XCTAssertEqual(String(line), expected)
        }
        XCTAssertEqual(try store.exportCSV(), csv)
    }
}
