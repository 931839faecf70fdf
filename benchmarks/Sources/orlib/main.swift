import BenchmarkSupport
import Foundation
import LocationModels
import Optimisation

// Usage: orlib [--formulation incrementalRadius|radius|assignment] [--branching pseudocost] [--time-limit s]
//              [--simplex primal|dual] [--only pmed1,pmed2] [--no-heuristic] [--no-cuts] [--no-presolve]
let arguments = CommandLine.arguments.dropFirst()
func value(_ flag: String) -> String? {
    guard let k = arguments.firstIndex(of: flag), arguments.index(after: k) < arguments.endIndex else { return nil }
    return arguments[arguments.index(after: k)]
}
let formulation = value("--formulation").flatMap(PMedianFormulation.init(rawValue:)) ?? .automatic
let only = value("--only").map { Set($0.split(separator: ",").map(String.init)) }
let heuristic = !arguments.contains("--no-heuristic")
var options = SolveOptions()
options.cuts = !arguments.contains("--no-cuts")
options.presolve = !arguments.contains("--no-presolve")
options.simplex = value("--simplex").flatMap(SolveOptions.SimplexMethod.init(rawValue:)) ?? .dual
options.branching = value("--branching").flatMap(SolveOptions.BranchingRule.init(rawValue:)) ?? .driebeckTomlin
options.verbose = arguments.contains("--verbose")
if let limit = value("--time-limit").flatMap(Double.init) { options.timeLimit = limit }

let instances = try SharedBenchmarks.pmedInstances().filter { only?.contains($0.name) ?? true }
if instances.isEmpty { say("no OR-Library pmed instances found (../shared/benchmarks/orlib-pmed)") }
let widths = [-8, 4, 4, 9, 9, 6, 9, 8, 7, 8, 7, 6, 5]
say(row(["instance", "n", "p", "ours", "optimum", "match", "gap", "heur", "heur s", "seconds", "rows", "rounds", "fixed"],
        widths: widths))
var total = 0.0, matched = 0, slowest = ("", 0.0)
for instance in instances {
    let started = ContinuousClock.now
    let parsed = try SharedBenchmarks.loadPMed(instance.file)
    let solution = try parsed.problem().solve(options: options, formulation: formulation, heuristic: heuristic)
    let elapsed = ContinuousClock.now - started
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    let match = solution.objective == instance.optimum && solution.status == .optimal
    if match { matched += 1 }
    total += seconds
    if seconds > slowest.1 { slowest = (instance.name, seconds) }
    say(row([instance.name, "\(parsed.vertexCount)", "\(parsed.medians)", format(solution.objective),
               format(instance.optimum), match ? "yes" : "NO", format(solution.gap, 4),
               format(solution.heuristicObjective), format(solution.heuristicSeconds, 2), format(seconds, 2),
               "\(solution.modelSize.rows)", "\(solution.rounds)", "\(solution.fixedSites)"], widths: widths))
}
say("matched \(matched)/\(instances.count), total \(format(total, 1)) s, slowest \(slowest.0) \(format(slowest.1, 2)) s")
