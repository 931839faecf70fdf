import ArgumentParser
import Estate
import EstateIO
import Foundation

/// `estate score`: the needs framework alone — area, district and site need tables.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score areas, districts and sites by need and usage (no optimisation).",
        discussion: """
            Writes area_need.csv, district_need.csv and site_need.csv into the output folder \
            (whole or not at all) and prints the districts ranked by need per child; for a scenario \
            with services, district_service_need.csv and site_service_need.csv too.
            """
    )

    @OptionGroup var input: InputArgument

    @Option(name: .long, help: "Folder to write the need tables into: new, empty, or an earlier Estate output folder (replaced whole; any other folder is refused).")
    var out: String = "scores"

    func run() throws {
        let inputs = try InputLoader.load(path: input.path())
        let dataset = inputs.dataset
        let travel = inputs.scenario.travelTimes(for: dataset)
        let report = try inputs.scenario.needReport(for: dataset, travel: travel)
        let services = try inputs.scenario.serviceNeedReports(for: dataset, scores: report.scores, travel: travel)
        let output = try checkedOutput(out, kind: .score, inputs: inputs.inputURLs)
        try writeOutput(NeedTables.all(report, services: services, dataset: dataset), to: output)
        print(NeedSummary.text(report, services: services, dataset: dataset, scenario: inputs.scenario, outputFolder: out))
    }
}
