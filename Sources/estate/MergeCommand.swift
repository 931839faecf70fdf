import ArgumentParser
import Batch
import EstateIO
import Foundation

/// `estate merge`: gathers shard databases into one.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge shard results databases into one (idempotent; refuses rows computed from different inputs).",
        discussion: """
            Copies every row of each SOURCE into TARGET (created when missing) in one transaction, and \
            writes TARGET's CSV export beside it (TARGET with the extension .csv). A row already in TARGET \
            with the same input hashes is skipped; one with different input hashes is a conflict and \
            nothing is written (exit 1).
            """
    )

    @Argument(help: "The results database to merge into, e.g. results/all.sqlite.")
    var target: String

    @Argument(help: "Shard results databases (results.sqlite of each `estate batch --shard K/N`).")
    var sources: [String]

    func validate() throws {
        if sources.isEmpty { throw ValidationError("give at least one SOURCE database to merge") }
    }

    func run() throws {
        let csv = URL(fileURLWithPath: target).deletingPathExtension().appendingPathExtension("csv")
        if let refusal = MergeTarget.refusal(database: target, export: csv, sources: sources) {
            throw CommandFailure.Failure(message: "estate: \(refusal); nothing was written")
        }
        let store = try ResultStore(path: target)
        let report = try store.merge(from: sources)
        try store.writeCSV(to: csv)
        print("merged \(sources.count) databases into \(target): \(report.inserted) rows added, "
            + "\(report.alreadyPresent) already present; \(try store.count()) rows in all (export: \(csv.path))")
    }
}

/// `estate merge`'s part of the output rule (`OutputFolder` for folders): the target may only
/// be a new file or a results database, never one of the sources, and its CSV export may only
/// replace an earlier export, so a mistyped target cannot overwrite someone's file.
enum MergeTarget {
    /// Why the target or its export may not be written, or nil when both may.
    static func refusal(database: String, export: URL, sources: [String]) -> String? {
        let target = URL(fileURLWithPath: database).standardizedFileURL.resolvingSymlinksInPath().path
        for source in sources where URL(fileURLWithPath: source).standardizedFileURL.resolvingSymlinksInPath().path == target {
            return "\(database) is also a source; merge into another database"
        }
        if let problem = OutputFile.refusal(database, signature: Array("SQLite format 3\0".utf8), what: "a results database") {
            return problem
        }
        if let problem = OutputFile.refusal(export.path, signature: Array("id,name".utf8),
                                            what: "an earlier CSV export of the results") {
            return problem
        }
        return nil
    }
}
