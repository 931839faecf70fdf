import BenchmarkSupport
import Foundation
import LocationModels
import Optimisation
import Seeding

// The generated `min_travel` counties as p-medians, formulations side by side in one run:
//   python3 benchmarks/planning/min_travel_highs.py --export benchmarks/.build/counties
//   swift run -c release --package-path benchmarks counties benchmarks/.build/counties \
//       [--formulations benders,incrementalRadius] [--scale 1000] [--time-limit s] [--verbose] [--tie-break]
// `--scale k` multiplies every cost by k and rounds (exact for minutes with 3 decimals and k = 1000):
// the same problem with integral costs, which isolates what integrality does to each formulation.
// `--tie-break` then also times the planner's tie-break after each proof (`cheapestOptimum`, site
// costs drawn from 50,000 to 150,000 with a fixed seed) and prints its sites and seconds.
let arguments = CommandLine.arguments.dropFirst()
func value(_ flag: String) -> String? {
    guard let k = arguments.firstIndex(of: flag), arguments.index(after: k) < arguments.endIndex else { return nil }
    return arguments[arguments.index(after: k)]
}
let folder = URL(fileURLWithPath: arguments.first { !$0.hasPrefix("--") } ?? "benchmarks/.build/counties")
let formulations = (value("--formulations") ?? "benders,incrementalRadius").split(separator: ",").map { name in
    guard let formulation = PMedianFormulation(rawValue: String(name)) else { fatalError("unknown formulation \(name)") }
    return formulation
}
let scale = value("--scale").flatMap(Double.init)
let tieBreak = arguments.contains("--tie-break")
var options = SolveOptions()
options.verbose = arguments.contains("--verbose")
if let limit = value("--time-limit").flatMap(Double.init) { options.timeLimit = limit }

/// Reads a file of `min_travel_highs.py --export`: `clients sites p`, a weight per client, `client site cost` lines.
func load(_ file: URL) throws -> PMedianProblem {
    let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
    let head = lines[0].split(separator: " ").map { Int($0)! }
    let (n, m, p) = (head[0], head[1], head[2])
    let weights = lines[1 ... n].map { Double($0)! }
    let entries = lines[(n + 1)...].map { line -> (client: Int, site: Int, cost: Double) in
        let f = line.split(separator: " ")
        let cost = Double(f[2])!
        return (Int(f[0])!, Int(f[1])!, scale.map { (cost * $0).rounded() } ?? cost)
    }
    return PMedianProblem(costs: try ServiceCosts(clientCount: n, siteCount: m, entries: entries), weights: weights, medians: p)
}

let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
    .filter { $0.pathExtension == "pmed" }
    .sorted { Int($0.lastPathComponent.prefix { $0 != "x" })! < Int($1.lastPathComponent.prefix { $0 != "x" })! }
if files.isEmpty { say("no .pmed files in \(folder.path): run min_travel_highs.py --export first") }
let widths = [-10, -18, 14, 9, 8, 8, 14, 7, 6, 7]
say(row(["instance", "formulation", "objective", "status", "seconds", "cpu s", "heuristic", "heur s", "fixed", "cuts"],
        widths: widths))
var totals = [Double](repeating: 0, count: formulations.count)
var cpuTotals = totals
for file in files {
    let problem = try load(file)
    var objectives: Set<String> = []
    for (k, formulation) in formulations.enumerated() {
        let (solution, seconds, cpu) = try timedCPU { try problem.solve(options: options, formulation: formulation) }
        totals[k] += seconds
        cpuTotals[k] += cpu
        objectives.insert(format(solution.objective, 1))
        say(row([file.deletingPathExtension().lastPathComponent, formulation.rawValue, format(solution.objective, 1),
                 solution.status.rawValue, format(seconds, 2), format(cpu, 2), format(solution.heuristicObjective, 1), format(solution.heuristicSeconds, 2),
                 "\(solution.fixedSites)", "\(solution.generatedRows)"], widths: widths))
    }
    if objectives.count > 1 { say("  objectives differ: \(objectives.sorted())") }
    if tieBreak, let optimum = try? problem.solve(options: options), optimum.status == .optimal, let value = optimum.objective {
        var rng = SplitMix64(seed: 11)
        let siteCosts = (0 ..< problem.costs.siteCount).map { _ in Double(Int.random(in: 50_000 ... 150_000, using: &rng)) }
        let (cheapest, seconds, cpu) = try timedCPU {
            try problem.cheapestOptimum(optimum: value, openSites: optimum.openSites, siteCosts: siteCosts, options: options)
        }
        let cost = { (sites: [Int]) in sites.reduce(0.0) { $0 + siteCosts[$1] } }
        say("  tie-break: \(format(seconds, 2)) s, \(format(cpu, 2)) CPU s; site cost \(format(cost(optimum.openSites))) -> "
            + "\(format(cost(cheapest))), travel \(format(problem.evaluate(openSites: cheapest)?.objective, 1))")
    }
}
say("total seconds (wall / CPU): " + formulations.indices.map {
    "\(formulations[$0].rawValue) \(format(totals[$0], 1)) / \(format(cpuTotals[$0], 1))"
}.joined(separator: ", "))
