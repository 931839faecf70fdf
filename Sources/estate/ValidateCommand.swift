import ArgumentParser
import BatchPlanning
import Estate
import EstateIO
import Foundation

/// `estate validate`: checks inputs only, reporting every problem found.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario or dataset: exit 0 when valid, 1 with every problem on stderr.",
        discussion: """
            A valid input can still be probably wrong: sites or areas far from everything else (swapped \
            or projected coordinates), areas no site reaches within the coverage standard, districts \
            without a candidate site, columns in the wrong unit. These are printed as warnings on \
            stderr, with the likely fix; they do not change the exit code.
            """
    )

    @OptionGroup var input: InputArgument

    func run() throws {
        let path = try input.path()
        let inputs = try InputLoader.load(path: path)
        // A batch file's axes and variants are checked by the rules `estate batch` applies.
        if let url = inputs.scenarioURL, inputs.scenario.document["batch"] != nil || inputs.scenario.document["variants"] != nil {
            _ = try BatchValidation.check(scenarioFile: url, shard: .whole, inputs: SharedInputs(scenarioFile: url))
        }
        let scores = try NeedScores(dataset: inputs.dataset, needs: inputs.scenario.needs)
        let dataset = inputs.dataset
        let travel = dataset.travel.map { "\($0.pairCount) travel pairs from travel.csv" }
            ?? "travel estimated at \(CSVWriter.format(inputs.scenario.travel.model.speedKmh, decimals: 1)) km/h"
        print("valid: \(dataset.areas.count) areas, \(dataset.sites.count) sites, \(dataset.districts.count) districts, "
              + "\(dataset.usage.count) usage rows, \(travel)"
              + (scores.imputedCells > 0 ? ", \(scores.imputedCells) blank indicator cells imputed" : ""))
        printWarnings(InputWarnings.check(dataset: dataset, scenario: inputs.scenario,
                                          travel: inputs.scenario.travelTimes(for: dataset)))
    }
}
