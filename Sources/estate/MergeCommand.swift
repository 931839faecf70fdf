import ArgumentParser
import Batch
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
        let store = try ResultStore(path: target)
        let report = try store.merge(from: sources)
        let csv = URL(fileURLWithPath: target).deletingPathExtension().appendingPathExtension("csv")
        try store.writeCSV(to: csv)
        print("merged \(sources.count) databases into \(target): \(report.inserted) rows added, "
            + "\(report.alreadyPresent) already present; \(try store.count()) rows in all (export: \(csv.path))")
    }
}
