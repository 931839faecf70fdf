import ArgumentParser
import Estate
import EstateIO
import Foundation
import Planning
import Reports

/// `estate plan`: choose which sites to keep and write the plan folder.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Choose which sites to keep as Family Hubs, and write the plan.",
        discussion: """
            Writes summary.json, sites.csv, areas.csv, districts.csv, estate.geojson and the estate map \
            into the output folder, whole or not at all. Exit codes: 0 a plan was written (optimal, or \
            feasible at a limit with its gap); 1 bad input; 2 the solver failed or stopped with no plan; \
            3 the scenario is proven infeasible (summary.json names the constraints in conflict).
            """
    )

    @Argument(help: "A scenario file (YAML or JSON). Default: datasets/kent/scenario.yaml, found from the current directory or beside the estate binary.")
    var scenario: String?

    @Option(name: .long, help: "Folder to write the plan into (replaced whole).")
    var out: String = "out"

    @Option(name: .customLong("time-limit"), help: "Solver time limit in seconds (overrides solver.time_limit_s).")
    var timeLimit: Double?

    @Option(name: .long, help: "Relative MIP gap at which to stop, e.g. 0.01 (overrides solver.mip_gap).")
    var gap: Double?

    @Flag(name: .customLong("solver-log"), help: "Show GLPK's own progress log while it solves.")
    var solverLog = false

    @Flag(name: .long, help: "Print nothing unless something goes wrong.")
    var quiet = false

    @Flag(name: .long, help: "Print summary.json on standard output instead of the human summary.")
    var json = false

    func validate() throws {
        if let timeLimit, !(timeLimit > 0) { throw ValidationError("--time-limit must be a number of seconds above 0") }
        if let gap, !(gap >= 0 && gap < 1) { throw ValidationError("--gap must be a share between 0 and 1, e.g. 0.01") }
    }

    func run() throws {
        let path = try resolveInputPath(scenario)
        let inputs: LoadedInputs
        do { inputs = try InputLoader.load(path: path) } catch { throw failOnInput(error) }
        let output = try checkedOutput(out, kind: .plan, inputs: inputs.inputURLs)
        var scenario = inputs.scenario
        if let timeLimit { scenario.solver.timeLimitSeconds = timeLimit }
        if let gap { scenario.solver.mipGap = gap }

        let travel = scenario.travelTimes(for: inputs.dataset)
        printWarnings(InputWarnings.check(dataset: inputs.dataset, scenario: scenario, travel: travel))
        let context: PlanContext
        do {
            let derived = try PlanningInputs(scenario: scenario, dataset: inputs.dataset, travel: travel)
            context = try PlanPipeline.run(scenario: scenario, dataset: inputs.dataset, inputs: derived, solverLog: solverLog)
        } catch let errors as InputErrors {
            throw failOnInput(errors)
        } catch let error as PlanningError {
            FileHandle.standardError.write(Data("estate: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let files = try PlanFiles.make(context, engineVersion: EstateCommand.configuration.version)
        try writeOutput(files, to: output)
        if json {
            print(String(decoding: files.first { $0.name == "summary.json" }!.contents, as: UTF8.self), terminator: "")
        } else if !quiet || !context.plan.status.hasPlan {
            print(PlanConsoleSummary.text(context), terminator: "")
            if !quiet { print("  written to \(out)/") }
        }
        switch context.plan.status {
        case .optimal, .feasible: return
        case .infeasible: throw ExitCode(3)
        case .unbounded, .timeLimit, .error: throw ExitCode(2)
        }
    }
}
