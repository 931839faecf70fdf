import ArgumentParser
import Foundation

/// The `estate` command: plans a Family Hub estate from a needs framework.
@main
struct EstateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estate",
        abstract: "Needs-framework estate optimisation: choose which buildings to keep as Family Hubs.",
        version: "0.1.0",
        subcommands: [InitCommand.self, PlanCommand.self, ScoreCommand.self, ValidateCommand.self, GenerateCommand.self,
                      CompareCommand.self, BatchCommand.self,
                      MergeCommand.self, FrontierCommand.self, ReportCommand.self]
    )

    /// Parses and runs the command. Usage errors exit 1 as FORMAT.md asks (ArgumentParser's
    /// default is 64, EX_USAGE); help and version exit 0. Every other error goes through
    /// `CommandFailure.report`, the one place that words an error and chooses the exit code.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            switch exitCode(for: error) {
            case .success:
                exit(withError: error)
            case .validationFailure:
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(CommandFailure.badInput)
            default:
                let (message, code) = CommandFailure.report(error)
                if let message { FileHandle.standardError.write(Data((message + "\n").utf8)) }
                Foundation.exit(code)
            }
        }
    }
}
