import ArgumentParser
import Estate
import EstateIO
import Foundation
import Planning
import Reports

/// `estate compare`: estate options of one dataset side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare estate options (plan folders or scenarios) of one dataset side by side.",
        discussion: """
            Each option is a plan folder written by `estate plan`, or a scenario file that is planned \
            first (nothing is written for it outside the comparison). Writes districts.csv, sites.csv \
            (sites whose decision differs), areas.csv (areas that gain or lose coverage), equality.csv, \
            summary.json and the difference map (compare.svg/.html for two options; \
            compare-A-vs-X.svg/.html for each further option X against the first) into the output \
            folder, whole or not at all. Exit codes: 0 written; 1 bad input or options of different \
            datasets; 2 an option's solve failed or stopped with no plan; 3 an option is infeasible.
            """
    )

    @Argument(help: "Two or more options: plan folders or scenario files (YAML or JSON). The first is the baseline (A).")
    var options: [String]

    @Option(name: .long, help: "Folder to write the comparison into: new, empty, or an earlier Estate output folder (replaced whole; any other folder is refused).")
    var out: String = "compare"

    @Option(name: .customLong("explain-resolves"), parsing: .unconditional,
            help: "How many re-solves the explanations of each scenario-file option may run (default: \(PlanExplainer.defaultResolves)), as `estate plan --explain-resolves`.")
    var explainResolves: Int?

    @OptionGroup var travelCache: TravelCacheOption

    @OptionGroup var quiet: QuietFlag

    func validate() throws {
        if options.count < 2 { throw ValidationError("give at least two options to compare (plan folders or scenario files)") }
        if let explainResolves, explainResolves < 0 { throw ValidationError("--explain-resolves must be a whole number of re-solves, 0 or more") }
    }

    func run() throws {
        // The options and, once read, the dataset folders they were planned on are inputs.
        let optionURLs = options.map { URL(fileURLWithPath: $0) }
        _ = try checkedOutput(out, kind: .compare, inputs: optionURLs)
        var records: [PlanRecord] = []
        for option in options {
            do {
                records.append(try ComparisonOption.load(option, engineVersion: EstateCommand.configuration.version,
                                                      travelCache: travelCache.cache, explainResolves: explainResolves))
            } catch let error as PlanningError {
                throw CommandFailure.InContext(input: option, error: error)
            }
        }
        var comparison = try Comparison(records)
        let outlines = try Comparison.areaOutlines(option: records[0], path: options[0])
        comparison.outlines = outlines.byArea
        if !quiet.quiet, let warning = outlines.warning { printWarnings([warning]) }
        let files = try comparison.files(engineVersion: EstateCommand.configuration.version)
        let datasets = records.map { URL(fileURLWithPath: $0.summary.dataset) }
        try writeOutput(files, to: checkedOutput(out, kind: .compare, inputs: optionURLs + datasets))
        if !quiet.quiet {
            print(comparison.consoleText(), terminator: "")
            print("  written to \(out)/")
        }
    }
}
