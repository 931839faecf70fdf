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

    @OptionGroup var input: InputArgument

    @Option(name: .long, help: "Folder to write the plan into: new, empty, or an earlier Estate output folder (replaced whole; any other folder is refused).")
    var out: String = "out"

    // `.unconditional`: `--time-limit -1` is read as the value -1 (and refused by `validate`),
    // not as a missing value followed by an unknown option.
    @Option(name: .customLong("time-limit"), parsing: .unconditional,
            help: "Solver time limit in seconds (overrides solver.time_limit_s).")
    var timeLimit: Double?

    @Option(name: .long, parsing: .unconditional, help: "Relative MIP gap at which to stop, e.g. 0.01 (overrides solver.mip_gap).")
    var gap: Double?

    @Flag(name: .customLong("solver-log"), help: "Show GLPK's own progress log while it solves.")
    var solverLog = false

    @Flag(name: .long, help: "Explain every site by re-solving with it forced the other way (one solve per site), beyond the quick figures with the plan otherwise fixed.")
    var explain = false

    @Option(name: .customLong("explain-resolves"), parsing: .unconditional,
            help: "How many re-solves the explanations may run, most telling first (default: \(PlanExplainer.defaultResolves); with --explain, no limit); the output says when they were cut short.")
    var explainResolves: Int?

    @Flag(name: .customLong("no-explain"), help: "Skip the explanations (the re-solves that say which limits bind and what each site costs and gains).")
    var noExplain = false

    @OptionGroup var quiet: QuietFlag

    @Flag(name: .long, help: "Print summary.json on standard output instead of the human summary.")
    var json = false

    @OptionGroup var travelCache: TravelCacheOption

    @Flag(name: .long, help: "Also print the seconds of each phase (read, score, model, solve, explain, write) and the peak memory.")
    var verbose = false

    func validate() throws {
        if let timeLimit, !(timeLimit > 0 && timeLimit.isFinite) { throw ValidationError("--time-limit must be a number of seconds above 0") }
        if let gap, !(gap >= 0 && gap < 1) { throw ValidationError("--gap must be a share between 0 and 1, e.g. 0.01") }
        if explain && noExplain { throw ValidationError("--explain and --no-explain contradict each other; give one") }
        if let explainResolves, explainResolves < 0 { throw ValidationError("--explain-resolves must be a whole number of re-solves, 0 or more") }
        if explainResolves != nil && noExplain { throw ValidationError("--explain-resolves and --no-explain contradict each other; give one") }
    }

    func run() throws {
        var phases = RunPhases()
        var lap = ContinuousClock.now
        /// Seconds since the previous call (or the start).
        func elapsed() -> Double {
            let now = ContinuousClock.now
            defer { lap = now }
            let duration = now - lap
            return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        }
        let inputs = try InputLoader.load(path: input.path(), travelCache: travelCache.cache)
        let output = try checkedOutput(out, kind: .plan, inputs: inputs.inputURLs)
        var scenario = inputs.scenario
        if let timeLimit { scenario.solver.timeLimitSeconds = timeLimit }
        if let gap { scenario.solver.mipGap = gap }
        phases.read = elapsed()

        let travel = scenario.travelTimes(for: inputs.dataset)
        if !quiet.quiet { printWarnings(InputWarnings.check(dataset: inputs.dataset, scenario: scenario, travel: travel)) }
        let derived = try PlanningInputs(scenario: scenario, dataset: inputs.dataset, travel: travel)
        phases.score = elapsed()
        var context = try PlanPipeline.run(scenario: scenario, dataset: inputs.dataset, inputs: derived, solverLog: solverLog)
        phases.model = context.plan.modelSeconds
        phases.solve = max(0, elapsed() - phases.model)
        // Every file but summary.json is the plan's alone: made while the explanation re-solves.
        let planned = context
        let besideSummary = Background { try PlanFiles.besideSummary(planned) }
        if !noExplain {
            let allowed = explainResolves ?? (explain ? nil : PlanExplainer.defaultResolves)
            context.explanation = try PlanExplainer.explain(context, resolving: explain ? PlanExplainer.decidedSites(context) : [],
                                                            resolves: allowed)
        }
        phases.explain = elapsed()
        let files = try PlanFiles.make(context, besideSummary: besideSummary.value(),
                                       engineVersion: EstateCommand.configuration.version) {
            phases.write = elapsed()
            phases.peakMemoryMB = RunPhases.currentPeakMemoryMB()
            return phases
        }
        try writeOutput(files, to: output)
        if json {
            print(String(decoding: files.first { $0.name == "summary.json" }!.contents, as: UTF8.self), terminator: "")
        } else if !quiet.quiet || !context.plan.status.hasPlan {
            print(PlanConsoleSummary.text(context), terminator: "")
            if !quiet.quiet { print("  written to \(out)/") }
        }
        if verbose && !json {
            // Here `write` includes writing the files to disk.
            phases.write += elapsed()
            phases.peakMemoryMB = RunPhases.currentPeakMemoryMB()
            print(phases.text, terminator: "")
        }
        if !context.plan.status.hasPlan { throw CommandFailure.PlanEnded(status: context.plan.status) }
    }
}
