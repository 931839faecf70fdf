import Foundation
@testable import Batch

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("batch-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A deterministic stand-in result for a scenario, a pure function of its id, so
/// any two runs must store identical rows.
func syntheticResult(_ scenario: ExpandedScenario) -> BatchResult {
    let seed = Int(scenario.id.prefix(6), radix: 16)!
    if seed % 7 == 0 {
        return BatchResult(status: .infeasible, inputHashes: ["areas.csv": "ab"], message: "budget, min_coverage")
    }
    let kept = (0..<10).filter { seed >> $0 & 1 == 1 }.map { "S\($0)" }
    return BatchResult(
        status: .optimal, objective: Double(seed % 1000) + 0.25, bound: Double(seed % 1000) + 0.25, gap: 0,
        totals: BatchTotals(sitesKept: kept.count, cost: Double(kept.count) * 1.5e6, saving: 2e6,
                            carbon: Double(seed % 300), coverage: Double(seed % 100) / 100),
        keptSites: kept.reversed(), inputHashes: ["areas.csv": "ab", "sites.csv": "cd"])
}

func record(_ scenario: ExpandedScenario, hashes: [String: String]? = nil, shard: String = "1/1") -> BatchRecord {
    var result = syntheticResult(scenario)
    if let hashes { result.inputHashes = hashes }
    return BatchRecord(
        id: scenario.id, name: scenario.name, parameters: scenario.parametersJSON, result: result, seconds: 0.5,
        engineVersion: "test 1", shard: shard, startedAt: "2026-01-01T00:00:00.000Z",
        finishedAt: "2026-01-01T00:00:00.500Z")
}
