import ArgumentParser
import BatchPlanning
import Estate
import EstateIO
import Foundation

extension FrontierCriterion: ExpressibleByArgument {}

/// `estate frontier`: the Pareto frontier between two criteria of a scenario.
struct FrontierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frontier",
        abstract: "Trace the Pareto frontier between two criteria (epsilon-constraint, each point solved to optimality).",
        discussion: """
            Optimises --y with --x bounded (cost: budget, carbon: carbon cap, sites: sites.max, coverage: \
            min_coverage), sweeping the bound adaptively between x's best value and its value at y's optimum; \
            the scenario's other constraints stay. Writes frontier.csv, frontier.xlsx (the same cells), \
            frontier.svg (in pounds and percentages: every point's cost, coverage and sites, the scenario's \
            own plan, today's estate with every building kept, and the coverage ceiling) and frontier.json \
            (for `estate report`) into the output folder, whole or not at all.
            """
    )

    @Argument(help: "A scenario file (YAML or JSON).")
    var scenario: String

    @Option(name: .long, help: "The bounded criterion: cost, carbon, sites or coverage.")
    var x: FrontierCriterion

    @Option(name: .long, help: "The optimised criterion: coverage, travel, cost, carbon or sites.")
    var y: FrontierCriterion

    @Option(name: .customLong("max-solves"), help: "Most solves along the sweep (the frontier has at most this many points).")
    var maxSolves: Int = 25

    @Option(name: .long, help: "Folder to write the frontier files into: new, empty, or an earlier Estate output folder (replaced whole; any other folder is refused).")
    var out: String = "frontier"

    func validate() throws {
        guard maxSolves >= 2 else { throw ValidationError("--max-solves must be at least 2 (the two ends)") }
        guard x != y else { throw ValidationError("--x and --y must be different criteria") }
        guard x.canConstrain else {
            throw ValidationError("--x \(x.rawValue) cannot be bounded; choose cost, carbon, sites or coverage")
        }
    }

    func run() throws {
        let inputs = try InputLoader.load(path: scenario)
        let output = try checkedOutput(out, kind: .frontier, inputs: inputs.inputURLs)
        let result = try PlanFrontier.trace(scenario: inputs.scenario, dataset: inputs.dataset, x: x, y: y,
                                            maxSolves: maxSolves)
        let title = "\(inputs.scenario.title) — \(y.rawValue) against \(x.rawValue)"
        let provenance = inputs.dataset.provenance
        try writeOutput([("frontier.csv", Array(result.csv().utf8)), ("frontier.svg", Array(result.svg(title: title).utf8)),
                         ("frontier.xlsx", try result.workbook(title: inputs.scenario.title, provenance: provenance)),
                         ("frontier.json", try result.summaryJSON(scenario: inputs.scenario, provenance: provenance))],
                        to: output)
        print("frontier: \(result.points.count) non-dominated points from \(result.solves) solves "
            + "(\(result.infeasibleEpsilons.count) bounds infeasible); \(x.rawValue) from "
            + "\(x.display(result.range.lowerBound)) to \(x.display(result.range.upperBound))")
        if let knee = result.knee {
            print("  knee: \(x.rawValue) \(x.display(knee.x)), \(y.rawValue) \(y.display(knee.y)), \(knee.payload.totals.sitesKept) sites")
        }
        if let own = result.scenarioPoint {
            print("  scenario: \(x.rawValue) \(x.display(own.x)), \(y.rawValue) \(y.display(own.y))"
                + (result.scenarioIsNondominated ? "" : " (dominated by a frontier point)"))
        }
        if let today = result.today {
            print("  today (every building kept): \(x.rawValue) \(x.display(today.x)), \(y.rawValue) \(y.display(today.y))")
        }
        print("  written to \(out)/: frontier.csv, frontier.xlsx, frontier.svg, frontier.json")
    }
}
