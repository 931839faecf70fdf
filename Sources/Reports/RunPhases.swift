import Foundation

/// Where a run's time went, phase by phase, and the most memory it held: recorded in
/// `summary.json` and printed by `--verbose`, so that a slow or large run says which phase to
/// look at (reading a national travel file, solving, or drawing the map).
public struct RunPhases: Sendable, Hashable, Encodable {
    /// Reading and checking the scenario and dataset files.
    public var read = 0.0
    /// Need scores, travel times within the horizon and the planning instance.
    public var score = 0.0
    /// Building the optimisation model.
    public var model = 0.0
    /// The heuristic plan, GLPK, the tie-break and evaluating the plan.
    public var solve = 0.0
    /// The explanations' re-solves (`PlanExplainer`).
    public var explain = 0.0
    /// Making the output files (tables, map, workbook), up to `summary.json` itself; writing
    /// them to disk follows.
    public var write = 0.0
    /// The process's peak resident memory so far, MB (`getrusage`'s `ru_maxrss`).
    public var peakMemoryMB = 0.0

    public init() {}

    enum Keys: String, CodingKey {
        case read = "read_s", score = "score_s", model = "model_s", solve = "solve_s", explain = "explain_s", write = "write_s"
        case peakMemoryMB = "peak_memory_mb"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        for (key, value) in [(Keys.read, read), (.score, score), (.model, model), (.solve, solve), (.explain, explain), (.write, write)] {
            try c.encode(roundedTo(value, 3), forKey: key)
        }
        try c.encode(roundedTo(peakMemoryMB, 1), forKey: .peakMemoryMB)
    }

    /// The process's peak resident memory so far, MB. Linux reports `ru_maxrss` in kilobytes.
    public static func currentPeakMemoryMB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// One line per phase, for the terminal.
    public var text: String {
        let rows = [("read", read), ("score", score), ("model", model), ("solve", solve), ("explain", explain), ("write", write)]
        var lines = rows.map { "  \($0.0.padding(toLength: 7, withPad: " ", startingAt: 0)) \(String(format: "%8.3f", $0.1)) s" }
        lines.append("  peak memory \(String(format: "%.0f", peakMemoryMB)) MB")
        return "phases:\n" + lines.joined(separator: "\n") + "\n"
    }
}
