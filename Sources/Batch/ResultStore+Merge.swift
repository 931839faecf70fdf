import Foundation

/// What a merge did.
public struct MergeReport: Sendable, Equatable {
    /// Rows copied into the target.
    public var inserted: Int
    /// Rows skipped because the target (or an earlier source) already had the same
    /// id computed from the same inputs: merging twice changes nothing.
    public var alreadyPresent: Int
}

extension ResultStore {
    /// Merges shard databases into this one, in one transaction.
    ///
    /// A row whose id is new is copied; a row whose id is present with the same
    /// input hashes is skipped (idempotent). A row whose id is present with
    /// *different* input hashes is a conflict: nothing is written and the error
    /// lists every conflicting id, because two results computed from different data
    /// cannot both be "the" result of that scenario.
    public func merge(from sources: [String]) throws(BatchError) -> MergeReport {
        var incoming: [BatchRecord] = []
        for source in sources {
            guard FileManager.default.fileExists(atPath: source) else {
                throw .unreadableFile(path: source, reason: "no such results database")
            }
            incoming += try ResultStore(path: source).records()
        }
        return try access { db in
            var known: [String: String] = [:]
            for record in try BatchRecord.fetchAll(db) {
                known[record.id] = record.inputHashesJSON
            }
            var report = MergeReport(inserted: 0, alreadyPresent: 0)
            var conflicts: Set<String> = []
            var toInsert: [BatchRecord] = []
            for record in incoming {
                if let hashes = known[record.id] {
                    if hashes == record.inputHashesJSON {
                        report.alreadyPresent += 1
                    } else {
                        conflicts.insert(record.id)
                    }
                } else {
                    known[record.id] = record.inputHashesJSON
                    toInsert.append(record)
                }
            }
            guard conflicts.isEmpty else {
                throw BatchError.mergeConflict(path: path, ids: conflicts.sorted())
            }
            for record in toInsert { try record.insert(db) }
            report.inserted = toInsert.count
            return report
        }
    }
}
