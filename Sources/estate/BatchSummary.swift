import Estate
import Batch
import Foundation

/// The closing lines of `estate batch`: what ran, how fast, how it ended, where it went.
enum BatchSummary {
    static func text(_ report: BatchJobReport, folder: String) -> String {
        let run = report.run
        let rate = run.seconds > 0 ? Double(run.ran) / run.seconds : 0
        var lines = [String]()
        let share = report.shardSize == report.batchSize ? "" : " (this shard: \(report.shardSize))"
        lines.append("batch: \(report.batchSize) scenarios\(share); ran \(run.ran), skipped \(report.skipped) already stored")
        if run.ran > 0 {
            lines.append(String(format: "  %.2f s, %.1f scenarios/s", run.seconds, rate))
            let counts = PlanStatus.allCases.compactMap { status in
                run.statusCounts[status].map { "\(status.rawValue) \($0)" }
            }
            lines.append("  " + counts.joined(separator: ", "))
        }
        if !report.strayIDs.isEmpty {
            lines.append("  note: \(report.strayIDs.count) stored rows are not in this batch (the scenario file changed?)")
        }
        lines.append("  results: \(folder)/results.sqlite, \(folder)/results.csv")
        return lines.joined(separator: "\n")
    }
}
