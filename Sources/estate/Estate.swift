import ArgumentParser
import Foundation

/// The `estate` command: plans a Family Hub estate from a needs framework.
@main
struct EstateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estate",
        abstract: "Needs-framework estate optimisation: choose which buildings to keep as Family Hubs.",
        version: "0.1.0",
        subcommands: [InitCommand.self, PlanCommand.self, Score.self, Validate.self, Generate.self, CompareCommand.self, BatchCommand.self,
                      MergeCommand.self, FrontierCommand.self, ReportCommand.self]
    )

    /// Runs the command, mapping usage errors to exit code 1 as FORMAT.md asks (ArgumentParser's
    /// default is 64, EX_USAGE); help and version still exit 0.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(1)
            }
            exit(withError: error)
        }
    }
}
