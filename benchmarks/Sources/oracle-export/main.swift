import BenchmarkSupport
import Foundation
import LocationModels
import Optimisation
import Seeding

// Writes generated instances (distance matrices included, so both readers see identical
// numbers) and our optima to a folder that oracle/highs_oracle.py re-solves with HiGHS:
//   swift run -c release --package-path benchmarks oracle-export benchmarks/.build/oracle
let folder = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? "benchmarks/.build/oracle")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

func text(_ value: Double) -> String {
    value == .infinity ? "inf" : value == value.rounded() ? String(Int(value)) : "\(value)"
}

var manifest = "name,problem,clients,sites,p,radius,budget,ours,status,seconds\n"
for (clients, sites) in [(20, 8), (40, 15), (80, 25), (150, 40), (300, 100)] {
    for (k, problemKind) in ["pmedian", "mclp", "lscp"].enumerated() {
        for withBudget in [false, true] {
            let seed = UInt64(clients * 1000 + sites * 10 + k * 2 + (withBudget ? 1 : 0))
            let instance = PlanarInstance(clients: clients, sites: sites, seed: seed)
            var rng = SplitMix64(seed: seed &+ 99)
            let siteCosts = (0 ..< sites).map { _ in Double(Int.random(in: 10 ... 100, using: &rng)) }
            let costs = try instance.costs
            let p = max(2, sites / 5)
            let cheapest = siteCosts.sorted().prefix(p).reduce(0, +)
            let nearest = (0 ..< clients).map { i in (0 ..< sites).map { instance.distance(i, $0) }.min()! }
            let radius = problemKind == "pmedian" ? 0 : problemKind == "mclp" ? 150 : (1.2 * nearest.max()!).rounded()
            let budgetValue = !withBudget ? nil
                : problemKind == "lscp" ? (0.3 * siteCosts.reduce(0, +)).rounded() : (1.5 * cheapest).rounded()
            let budget = budgetValue.map { SiteBudget(siteCosts: siteCosts, budget: $0) }
            let (solution, seconds) = try timed { () throws -> LocationSolution in
                switch problemKind {
                case "pmedian": return try PMedianProblem(costs: costs, weights: instance.weights, medians: p, budget: budget).solve()
                case "mclp": return try MaximalCoveringProblem(costs: costs, weights: instance.weights, radius: radius,
                                                               facilities: p, budget: budget).solve()
                default: return try SetCoveringProblem(costs: costs, radius: radius, budget: budget).solve()
                }
            }
            let name = "\(problemKind)\(withBudget ? "-budget" : "")-\(clients)x\(sites)"
            var file = "problem \(problemKind)\nclients \(clients)\nsites \(sites)\np \(p)\nradius \(text(radius))\n"
            file += "budget \(budgetValue.map(text) ?? "-")\n"
            file += "weights " + instance.weights.map(text).joined(separator: " ") + "\n"
            file += "sitecosts " + siteCosts.map(text).joined(separator: " ") + "\n"
            for i in 0 ..< clients {
                file += (0 ..< sites).map { text(instance.distance(i, $0)) }.joined(separator: " ") + "\n"
            }
            try file.write(to: folder.appendingPathComponent("\(name).txt"), atomically: true, encoding: .utf8)
            manifest += "\(name),\(problemKind),\(clients),\(sites),\(p),\(text(radius)),\(budgetValue.map(text) ?? "-"),"
            manifest += "\(solution.objective.map { String(format: "%.4f", $0) } ?? "-"),\(solution.status.rawValue),"
            manifest += String(format: "%.3f", seconds) + "\n"
            say(name, solution.status.rawValue, solution.objective.map { String(format: "%.1f", $0) } ?? "-",
                  String(format: "%.3f s", seconds))
        }
    }
}
try manifest.write(to: folder.appendingPathComponent("manifest.csv"), atomically: true, encoding: .utf8)
say("wrote \(folder.path)/manifest.csv")
