import ArgumentParser
import EstateIO
import Foundation

/// The input of `plan`, `score` and `validate`: a scenario file or a dataset folder, or the
/// bundled default.
struct InputArgument: ParsableArguments {
    @Argument(help: """
        A scenario file (YAML or JSON) or a dataset folder. Default: datasets/kent/scenario.yaml, found \
        from the current directory or beside the estate binary.
        """)
    var input: String?

    /// The path to load: the argument, or the bundled default (looked up from the current
    /// directory, then beside the binary).
    func path() throws -> String {
        if let input { return input }
        guard let url = InputLoader.defaultScenarioURL() else {
            throw CommandFailure.Failure(message: """
                estate: no scenario given and the default \(InputLoader.defaultScenarioPath) was not found \
                (run from the repository root, or give a scenario file or dataset folder)
                """)
        }
        return url.path
    }
}

/// `--quiet` for commands that otherwise print what they wrote.
struct QuietFlag: ParsableArguments {
    @Flag(name: .long, help: "Print nothing unless something goes wrong.")
    var quiet = false
}

/// `--travel-cache DIR` of `plan`, `compare` and `batch`: one option, one meaning, handed to the
/// dataset reader (``TravelCache``) by every command that reads a `travel.csv`.
struct TravelCacheOption: ParsableArguments {
    @Option(name: .customLong("travel-cache"),
            help: "Folder for a binary copy of the travel times read from travel.csv: later runs on the same file load it instead (never stale: keyed by the file's size, times, inode and samples of its bytes).")
    var folder: String?

    /// The cache to read through, or nil without the option.
    var cache: TravelCache? { folder.map { TravelCache(folder: URL(fileURLWithPath: $0)) } }
}
