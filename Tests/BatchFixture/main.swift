// Test-only stand-in for `estate batch` and `estate merge`, so BatchTests can run
// shards as separate processes and kill one mid-batch. The planner is replaced by
// a brute-force maximum-coverage choice over a fixed 10-site instance, driven by the
// scenario's `constraints.budget`, `constraints.carbon` and `coverage_minutes`.
//
//   batch-fixture run SCENARIO --db PATH [--csv PATH] [--shard K/N] [--shards N] [--jobs J]
//                               [--resume] [--delay-ms MS] [--progress lines|bar|silent]
//                               [--solver toy|none|spin]   (none: the runner's own overhead;
//                               spin: 1 ms-ish of pure computation, to see how workers scale)
//                               [--crash-on NAME]   (SIGKILL itself when that scenario starts,
//                               standing in for a solver that aborts)
//   batch-fixture merge TARGET SOURCE...
//   batch-fixture export DB
import Batch
import Estate
import Foundation
import Yams

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("batch-fixture: \(message)\n".utf8))
    exit(1)
}

/// The toy planner: keep the subset of 10 sites that covers the most children
/// within the budget (GBP/year) and carbon cap (tCO2e/year); ties go to the lower cost,
/// then to the lexicographically smaller bit pattern.
func solveToy(_ scenario: ExpandedScenario, inputHashes: [String: String], delay: Double) throws -> BatchResult {
    if delay > 0 { Thread.sleep(forTimeInterval: delay) }
    let document = scenario.document
    /// A plain number as YAML reads it (`9_000_000`, `7e6`).
    func number(_ node: ScenarioNode?) -> Double? { node?.text.flatMap { Yams.Node($0).float } }
    let budget = number(document["constraints"]?["budget"]) ?? .infinity
    let carbon = number(document["constraints"]?["carbon"]) ?? .infinity
    let minutes = number(document["coverage_minutes"]) ?? 20
    let sites = 10, areas = 30
    let cost = (0..<sites).map { 1_000_000 + Double(($0 * 7919) % 13) * 100_000 }
    let emissions = (0..<sites).map { 100 + Double(($0 * 104_729) % 7) * 25 }
    let children = (0..<areas).map { 50 + Double(($0 * 31) % 17) * 10 }
    func travel(_ site: Int, _ area: Int) -> Double { Double((site * 37 + area * 11) % 41) }
    var best: (covered: Double, cost: Double, mask: Int)?
    for mask in 0..<(1 << sites) {
        let chosen = (0..<sites).filter { mask & (1 << $0) != 0 }
        let totalCost = chosen.reduce(0) { $0 + cost[$1] }
        let totalCarbon = chosen.reduce(0) { $0 + emissions[$1] }
        guard totalCost <= budget, totalCarbon <= carbon else { continue }
        let covered = (0..<areas).filter { area in chosen.contains { travel($0, area) <= minutes } }
            .reduce(0) { $0 + children[$1] }
        if let current = best, covered < current.covered || (covered == current.covered && totalCost >= current.cost) {
            continue
        }
        best = (covered, totalCost, mask)
    }
    guard let best else { return BatchResult(status: .infeasible, inputHashes: inputHashes, message: "budget") }
    let chosen = (0..<sites).filter { best.mask & (1 << $0) != 0 }
    let totalCarbon = chosen.reduce(0) { $0 + emissions[$1] }
    let allChildren = children.reduce(0, +)
    return BatchResult(
        status: .optimal, objective: best.covered, bound: best.covered, gap: 0,
        totals: BatchTotals(
            sitesKept: chosen.count, cost: best.cost, saving: cost.reduce(0, +) - best.cost, carbon: totalCarbon,
            coverage: best.covered / allChildren),
        keptSites: chosen.map { String(format: "S%02d", $0) }, inputHashes: inputHashes)
}

func value(_ flag: String, in arguments: [String]) -> String? {
    guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "run":
        guard arguments.count >= 2, let dbPath = value("--db", in: arguments) else { fail("usage: run SCENARIO --db PATH") }
        let scenarioURL = URL(fileURLWithPath: arguments[1])
        let shard = try Shard.resolve(
            option: value("--shard", in: arguments), environment: ProcessInfo.processInfo.environment,
            kubernetesCount: value("--shards", in: arguments).flatMap { Int($0) })
        let hashes = try InputDigests().hashes(of: ["scenario.yaml": scenarioURL])
        let delay = Double(value("--delay-ms", in: arguments) ?? "0").map { $0 / 1000 } ?? 0
        let style: ProgressStyle = switch value("--progress", in: arguments) {
        case "bar": .bar
        case "silent": .silent
        default: .lines
        }
        let job = BatchJob(
            scenarioFile: scenarioURL, database: dbPath, csv: value("--csv", in: arguments).map(URL.init(fileURLWithPath:)),
            jobs: Int(value("--jobs", in: arguments) ?? "1") ?? 1, shard: shard, resume: arguments.contains("--resume"),
            engineVersion: "fixture 1", progress: style)
        let solver = value("--solver", in: arguments) ?? "toy"
        let block = [UInt8](repeating: 7, count: 1 << 16)
        let crashOn = value("--crash-on", in: arguments)
        let report = try job.run { scenario in
            if scenario.name == crashOn { kill(getpid(), SIGKILL) }
            switch solver {
            case "none":
                return BatchResult(status: .optimal, objective: 0, keptSites: ["S00"], inputHashes: hashes)
            case "spin":
                return BatchResult(status: .optimal, message: SHA256.hex(block + Array(scenario.id.utf8)))
            default:
                return try solveToy(scenario, inputHashes: hashes, delay: delay)
            }
        }
        let rate = Double(report.run.ran) / max(report.run.seconds, 1e-9)
        print("ran \(report.run.ran) of \(report.shardSize) in shard \(shard) (batch of \(report.batchSize), "
            + "\(report.skipped) already stored) in \(String(format: "%.3f", report.run.seconds)) s, "
            + "\(String(format: "%.1f", rate)) scenarios/s")
    case "merge":
        guard arguments.count >= 3 else { fail("usage: merge TARGET SOURCE...") }
        let report = try ResultStore(path: arguments[1]).merge(from: Array(arguments.dropFirst(2)))
        print("inserted \(report.inserted), already present \(report.alreadyPresent)")
    case "export":
        guard arguments.count == 2 else { fail("usage: export DB") }
        print(try ResultStore(path: arguments[1]).exportCSV(), terminator: "")
    default:
        fail("usage: run | merge | export")
    }
} catch {
    fail(String(describing: error))
}
