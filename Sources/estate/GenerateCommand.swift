import ArgumentParser
import Estate
import EstateIO
import EstateSynth
import Foundation

/// `estate generate`: seeded, reproducible datasets.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a dataset: the illustrative default Kent estate, or a large synthetic instance.",
        subcommands: [Kent.self, Synthetic.self]
    )

    struct Kent: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the illustrative Kent dataset (areas, sites, usage, the Family Hub Network and buildings-only scenarios) into a folder."
        )
        @Option(name: .long, help: "Output folder: new, empty, or written by estate generate before (its other files are left alone).")
        var out: String
        @Option(name: .long, help: "Random seed (the committed datasets/kent uses the default).")
        var seed: UInt64 = KentGenerator.defaultSeed

        func run() throws {
            let output = KentGenerator.generate(seed: seed)
            try writeDataset(output.dataset, to: out, extra: KentGenerator.scenarioFiles(output, places: DatasetWriter.places(output.dataset)))
            print("wrote \(out): \(output.dataset.areas.count) areas, \(output.dataset.sites.count) sites, "
                  + "\(output.dataset.usage.count) usage rows, scenario.yaml (the Family Hub Network, budget \(Int(output.networkBudget))), "
                  + "buildings-only/ (budget \(Int(output.budget)))")
        }
    }

    struct Synthetic: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a synthetic dataset (England scale: --areas 33755 --sites 3000)."
        )
        @Option(name: .long, help: "Number of areas.")
        var areas: Int = SyntheticGenerator.englandAreas
        @Option(name: .long, help: "Number of sites.")
        var sites: Int = SyntheticGenerator.englandSites
        @Option(name: .long, help: "Random seed.")
        var seed: UInt64 = 1
        @Option(name: .long, help: "Also write travel.csv with estimated minutes (30 km/h, circuity 1.3) up to this many minutes.")
        var travelMinutes: Double?
        @Option(name: .long, help: "Output folder: new, empty, or written by estate generate before (its other files are left alone).")
        var out: String

        func validate() throws {
            guard areas > 0, sites > 0 else { throw ValidationError("--areas and --sites must be positive") }
        }

        func run() throws {
            let dataset = SyntheticGenerator.generate(areas: areas, sites: sites, seed: seed)
            let travel = travelMinutes.map { TravelTimes.estimated(for: dataset, model: TravelModel(), horizonMinutes: $0) }
            try writeDataset(dataset, to: out, travel: travel)
            print("wrote \(out): \(dataset.areas.count) areas, \(dataset.sites.count) sites, \(dataset.districts.count) districts"
                  + (travel.map { ", \($0.pairCount) travel pairs" } ?? ""))
        }
    }
}

/// Writes a generated dataset into `path` under `OutputFolder`'s rule: a new or empty folder,
/// or one `estate generate` wrote before (its other files, a README or scenario, are left alone).
private func writeDataset(_ dataset: Dataset, to path: String, travel: TravelTimes? = nil,
                          extra: [(name: String, contents: [UInt8])] = []) throws {
    let folder = OutputFolder(path: path, kind: .dataset, version: EstateCommand.configuration.version)
    let files = DatasetWriter.files(dataset, travel: travel, extra: extra)
    try folder.prepare(files: files.map(\.name))
    try DatasetWriter.write(files, to: URL(fileURLWithPath: path))
}
