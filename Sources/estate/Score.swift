import ArgumentParser
import Estate
import EstateIO
import Foundation

/// `estate score`: the needs framework alone — area, district and site need tables.
struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score areas, districts and sites by need and usage (no optimisation).",
        discussion: """
            Writes area_need.csv, district_need.csv and site_need.csv into the output folder \
            (whole or not at all) and prints the districts ranked by need per child.
            """
    )

    @Argument(help: "A scenario file (YAML or JSON) or a dataset folder. Default: datasets/kent/scenario.yaml, found from the current directory or beside the estate binary.")
    var input: String?

    @Option(name: .long, help: "Folder to write the need tables into (replaced whole).")
    var out: String = "scores"

    func run() throws {
        let path = try resolveInputPath(input)
        let inputs: LoadedInputs
        let report: NeedReport
        do {
            inputs = try InputLoader.load(path: path)
            report = try inputs.scenario.needReport(for: inputs.dataset)
        } catch {
            throw failOnInput(error)
        }
        let dataset = inputs.dataset
        let output = try checkedOutput(out, kind: .score, inputs: inputs.inputURLs)
        try writeOutput(NeedTables.all(report, dataset: dataset), to: output)
        print(NeedSummary.text(report, dataset: dataset, scenario: inputs.scenario, outputFolder: out))
    }
}
