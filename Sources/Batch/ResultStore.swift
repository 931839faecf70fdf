import Estate
import Foundation
import GRDB

/// The results database of a batch: a SQLite file with one row per scenario.
///
/// Why it survives `kill -9` and power cuts: the database runs in WAL mode with
/// `synchronous = FULL` (each commit is on disk before the next scenario is
/// reported done) and every write is one transaction, so a crash loses at most the
/// rows of the transaction in flight (their scenarios simply run again on
/// `--resume`) and never leaves a half-written row or a corrupt file. The primary key on `id`
/// makes a duplicate row impossible.
public final class ResultStore: Sendable {
    /// The database file's path, as given.
    public let path: String
    private let queue: DatabaseQueue

    /// Opens the database at `path`, creating it and its schema when missing.
    public init(path: String) throws(BatchError) {
        self.path = path
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(30)
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            // GRDB's WAL set-up chooses NORMAL, which may lose the last commits on a
            // power cut; FULL makes a stored row a finished scenario. One connection,
            // so the setting holds for every later write.
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try Self.migrator.migrate(queue)
        } catch {
            throw .database(path: path, reason: String(describing: error))
        }
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: BatchRecord.databaseTableName) { table in
                table.primaryKey("id", .text)
                table.column("name", .text).notNull()
                table.column("parameters", .text).notNull()
                table.column("status", .text).notNull()
                table.column("objective", .double)
                table.column("bound", .double)
                table.column("gap", .double)
                table.column("seconds", .double).notNull()
                table.column("sites_kept", .integer)
                table.column("cost", .double)
                table.column("saving", .double)
                table.column("carbon", .double)
                table.column("coverage", .double)
                table.column("kept_sites", .text).notNull()
                table.column("input_hashes", .text).notNull()
                table.column("engine_version", .text).notNull()
                table.column("shard", .text).notNull()
                table.column("started_at", .text).notNull()
                table.column("finished_at", .text).notNull()
                table.column("message", .text)
            }
        }
        // Scenarios started but not finished: a row here and none in `results` means
        // the process died during the scenario. `isolated_starts` counts the starts
        // made while it ran alone, when a death can only have been its doing.
        migrator.registerMigration("v2-attempts") { db in
            try db.create(table: "attempts") { table in
                table.primaryKey("id", .text)
                table.column("isolated_starts", .integer).notNull().defaults(to: 0)
            }
        }
        return migrator
    }

    /// Inserts rows in one transaction: all of them are stored, or none.
    /// An id already present is an error (the transaction rolls back). A stored
    /// row clears its scenario's start marker in the same transaction.
    public func insert(_ records: [BatchRecord]) throws(BatchError) {
        guard !records.isEmpty else { return }
        try access { db in
            for record in records {
                try record.insert(db)
                try db.execute(sql: "DELETE FROM attempts WHERE id = ?", arguments: [record.id])
            }
        }
    }

    /// Records that a scenario is about to start, so that if the process dies
    /// during it the next run knows (see `interrupted()`). `isolated` counts the
    /// start as one made while no other scenario ran.
    ///
    /// The marker is committed with `synchronous = NORMAL`: the write reaches the
    /// operating system before the solve starts, so it survives the process dying
    /// (which is what it detects), but it is not forced to disk, which would cost a
    /// disk flush (about 10 ms here) per scenario. A power cut may lose markers,
    /// never results: the next results commit (FULL) flushes them too.
    public func markStarted(_ id: String, isolated: Bool) throws(BatchError) {
        do {
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                do {
                    try db.inTransaction {
                        try db.execute(
                            sql: """
                                INSERT INTO attempts (id, isolated_starts) VALUES (?, ?)
                                ON CONFLICT(id) DO UPDATE SET isolated_starts = isolated_starts + excluded.isolated_starts
                                """,
                            arguments: [id, isolated ? 1 : 0])
                        return .commit
                    }
                } catch {
                    try db.execute(sql: "PRAGMA synchronous = FULL")
                    throw error
                }
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
        } catch {
            throw .database(path: path, reason: String(describing: error))
        }
    }

    /// Scenarios that were started but never stored (the process died during
    /// them), with how many of those starts were made while each ran alone.
    public func interrupted() throws(BatchError) -> [String: Int] {
        try access { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, isolated_starts FROM attempts WHERE id NOT IN (SELECT id FROM results)")
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as String, $0["isolated_starts"] as Int) })
        }
    }

    /// Number of rows.
    public func count() throws(BatchError) -> Int {
        try access { db in try BatchRecord.fetchCount(db) }
    }

    /// The ids already stored.
    public func ids() throws(BatchError) -> Set<String> {
        try access { db in try Set(String.fetchAll(db, sql: "SELECT id FROM results")) }
    }

    /// Every row, sorted by id (byte order).
    public func records() throws(BatchError) -> [BatchRecord] {
        try access { db in
            try BatchRecord.fetchAll(db, sql: "SELECT * FROM results ORDER BY id")
        }
    }

    /// The scenarios still to run. With `resume`, those whose id is already stored
    /// are skipped; without it, a database that already has rows is refused, so a
    /// batch never mixes runs by accident. Rows whose status is in `retrying` (e.g.
    /// `[.error]` after fixing a transient failure) are deleted first, in one
    /// transaction, so their scenarios run again.
    public func pending(
        _ scenarios: [ExpandedScenario], resume: Bool, retrying: Set<PlanStatus> = []
    ) throws(BatchError) -> [ExpandedScenario] {
        let present = try ids()
        if !resume, !present.isEmpty {
            throw .databaseNotEmpty(path: path, rows: present.count)
        }
        if !retrying.isEmpty {
            let statuses = retrying.map(\.rawValue).sorted()
            try access { db in
                try db.execute(
                    sql: "DELETE FROM results WHERE status IN (\(statuses.map { _ in "?" }.joined(separator: ",")))",
                    arguments: StatementArguments(statuses))
            }
            let remaining = try ids()
            return scenarios.filter { !remaining.contains($0.id) }
        }
        return scenarios.filter { !present.contains($0.id) }
    }

    /// Stored ids that are not scenarios of `scenarios`, sorted: rows left from an
    /// earlier version of the scenario file (any change to it changes every id).
    /// The CLI warns about them on `--resume`; they stay in the database.
    public func strayIDs(for scenarios: [ExpandedScenario]) throws(BatchError) -> [String] {
        try ids().subtracting(scenarios.map(\.id)).sorted()
    }

    /// SQLite's own consistency check: `"ok"` for a sound file.
    public func integrityCheck() throws(BatchError) -> String {
        try access { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
        }
    }

    /// Runs `body` in a write transaction, mapping errors to `BatchError.database`.
    func access<T>(_ body: (Database) throws -> T) throws(BatchError) -> T {
        do {
            return try queue.write(body)
        } catch let error as BatchError {
            throw error
        } catch {
            throw .database(path: path, reason: String(describing: error))
        }
    }
}
