import ArgumentParser

/// The `estate` command: plans a Family Hub estate from a needs framework.
@main
struct EstateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estate",
        abstract: "Needs-framework estate optimisation: choose which buildings to keep as Family Hubs.",
        version: "0.1.0",
        subcommands: [PlanCommand.self, Score.self, Validate.self, Generate.self]
    )
}
