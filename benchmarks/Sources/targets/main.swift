import BenchmarkSupport
import Foundation
import LocationModels
import Optimisation

// The size targets, and formulation ratios measured in one run:
//   swift run -c release --package-path benchmarks targets

say("p-median, 300 clients x 100 sites, p = 10 (planar, weights 1-100): seconds per formulation")
let widths = [4, 10, 8, 8, 12, 6]
say(row(["seed", "increment", "radius", "assign", "objective", "equal"], widths: widths))
var totals = [0.0, 0.0, 0.0]
let skipAssignment = CommandLine.arguments.contains("--no-assignment")
for seed in UInt64(1) ... 3 {
    let instance = PlanarInstance(clients: 300, sites: 100, seed: seed)
    let problem = PMedianProblem(costs: try instance.costs, weights: instance.weights, medians: 10)
    var objectives: [Double?] = []
    var cells = ["\(seed)"]
    for (k, formulation) in [PMedianFormulation.incrementalRadius, .radius, .assignment].enumerated() {
        if formulation == .assignment && skipAssignment { cells.append("-"); continue }
        let (solution, seconds) = try timed { try problem.solve(formulation: formulation) }
        totals[k] += seconds
        objectives.append(solution.status == .optimal ? solution.objective : nil)
        cells.append(format(seconds, 2))
    }
    cells += [format(objectives[0], 1), Set(objectives.map { $0 ?? -1 }).count == 1 ? "yes" : "NO"]
    say(row(cells, widths: widths))
}
say("time ratios: radius / incremental \(format(totals[1] / totals[0], 1))x"
    + (skipAssignment ? "" : ", assignment / incremental \(format(totals[2] / totals[0], 1))x, assignment / radius \(format(totals[2] / totals[1], 1))x"))

say("\nMCLP, 1000 clients x 150 sites, p = 40 (planar, weights 1-100)")
say(row(["seed", "radius", "seconds", "covered", "of", "status"], widths: [4, 7, 8, 10, 10, 8]))
for seed in UInt64(1) ... 3 {
    let instance = PlanarInstance(clients: 1000, sites: 150, seed: seed)
    let total = instance.weights.reduce(0, +)
    for radius in [60.0, 100.0] {
        let problem = MaximalCoveringProblem(costs: try instance.costs, weights: instance.weights, radius: radius, facilities: 40)
        let (solution, seconds) = try timed { try problem.solve() }
        say(row(["\(seed)", format(radius), format(seconds, 3), format(solution.objective), format(total),
                   solution.status.rawValue], widths: [4, 7, 8, 10, 10, 8]))
    }
}

/// Per-instance limit for the reference tables, seconds (`--table-limit`, default 60).
let tableLimit = CommandLine.arguments.firstIndex(of: "--table-limit")
    .flatMap { Double(CommandLine.arguments[$0 + 1]) } ?? 60
if let directory = SharedBenchmarks.directory {
    say("\nMCLP reference tables (computed with HiGHS, ../shared/benchmarks/*/mclp_computed.csv)")
    var matched = 0, count = 0, seconds = 0.0, slowest = 0.0
    func points(_ file: URL) throws -> [(x: Double, y: Double, w: Double)] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: ",").map { Double($0)! }
            return (f[1], f[2], f[3])
        }
    }
    func costs(_ p: [(x: Double, y: Double, w: Double)]) throws -> ServiceCosts {
        var dense: [Double] = []
        for a in p { for b in p { dense.append(((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()) } }
        return try ServiceCosts(clientCount: p.count, siteCount: p.count, costs: dense)
    }
    // Swain 55: S, p, covered_demand (node 33 at (27,45), the file's coordinate).
    let swain = try points(directory.appendingPathComponent("swain55/swain55.csv"))
    let swainCosts = try costs(swain)
    for line in try String(contentsOf: directory.appendingPathComponent("swain55/mclp_computed.csv"), encoding: .utf8)
        .split(separator: "\n").dropFirst() {
        let f = line.split(separator: ",")
        let (solution, s) = try timed {
            try MaximalCoveringProblem(costs: swainCosts, weights: swain.map(\.w), radius: Double(f[0])!, facilities: Int(f[1])!).solve()
        }
        count += 1
        seconds += s
        slowest = max(slowest, s)
        if solution.objective == Double(f[2])! && solution.status == .optimal { matched += 1 } else {
            say("swain55 S=\(f[0]) p=\(f[1]): ours \(format(solution.objective)) expected \(f[2])")
        }
    }
    say("swain55: \(matched)/\(count) match, \(format(seconds, 2)) s total, slowest \(format(slowest, 3)) s")
    // SJC: instance, n, S, p, covered_demand.
    var sjcMatched = 0, sjcCount = 0, sjcSeconds = 0.0, sjcSlowest = 0.0
    var cache: [String: ([(x: Double, y: Double, w: Double)], ServiceCosts)] = [:]
    for line in try String(contentsOf: directory.appendingPathComponent("sjc-mclp/mclp_computed.csv"), encoding: .utf8)
        .split(separator: "\n").dropFirst() {
        let f = line.split(separator: ",").map(String.init)
        if cache[f[0]] == nil {
            let p = try points(directory.appendingPathComponent("sjc-mclp/\(f[0]).csv"))
            cache[f[0]] = (p, try costs(p))
        }
        let (p, c) = cache[f[0]]!
        let (solution, s) = try timed {
            try MaximalCoveringProblem(costs: c, weights: p.map(\.w), radius: Double(f[2])!, facilities: Int(f[3])!)
                .solve(options: SolveOptions(timeLimit: tableLimit))
        }
        if s > 1 { say("  \(f[0]) S=\(f[2]) p=\(f[3]): \(format(s, 2)) s, \(solution.status.rawValue), gap \(format(solution.gap, 4))") }
        sjcCount += 1
        sjcSeconds += s
        sjcSlowest = max(sjcSlowest, s)
        if solution.objective == Double(f[4])! && solution.status == .optimal { sjcMatched += 1 } else {
            say("\(f[0]) S=\(f[2]) p=\(f[3]): ours \(format(solution.objective)) expected \(f[4]) \(solution.status)")
        }
    }
    say("sjc-mclp: \(sjcMatched)/\(sjcCount) match, \(format(sjcSeconds, 2)) s total, slowest \(format(sjcSlowest, 3)) s")
}
