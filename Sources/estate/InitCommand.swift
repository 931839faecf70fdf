import ArgumentParser
import EstateIO
import Foundation

/// `estate init DIR`: a blank dataset and scenario to fill in.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a blank dataset and scenario (every column, its unit and a comment) into a new folder.",
        discussion: """
            Writes areas.csv, sites.csv and usage.csv (headers only), scenario.yaml with every key, \
            a commented dataset.yaml for published files (ONS centroids, the Indices of Deprivation, \
            population by single year of age) and a README describing each column.
            """
    )

    @Argument(help: "The folder to create (it must not exist, or be empty).")
    var folder: String

    func run() throws {
        let url = URL(fileURLWithPath: folder)
        if let contents = try? FileManager.default.contentsOfDirectory(atPath: url.path), !contents.isEmpty {
            throw CommandFailure.Failure(message: "estate: \(folder) is not empty; init writes into a new or empty folder")
        }
        // A dataset folder under the output rule (`OutputFolder`), as `estate generate` writes one.
        let files = DatasetTemplate.files()
        let output = OutputFolder(path: folder, kind: .dataset, version: EstateCommand.configuration.version)
        _ = try output.prepare(files: files.map(\.name))
        try DatasetWriter.write(files, to: url)
        print("wrote \(folder): README.md, areas.csv, sites.csv, usage.csv, scenario.yaml, dataset.yaml (commented)")
        print("next: fill areas.csv and sites.csv (or describe your files in dataset.yaml), then estate validate \(folder)/scenario.yaml")
    }
}
