import ArgumentParser
import EstateIO

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
