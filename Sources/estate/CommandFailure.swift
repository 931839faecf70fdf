import ArgumentParser
import Foundation
import BatchPlanning
import Estate
import Planning
import Reports

/// FORMAT.md's exit codes, and the one path from an error thrown by a subcommand's `run()` to
/// what the user sees on stderr and the code the process exits with. Subcommands throw; only
/// `EstateCommand.main` prints an error and exits.
enum CommandFailure {
    /// Bad input or usage.
    static let badInput: Int32 = 1
    /// The solver failed or stopped at a limit with no plan.
    static let noPlan: Int32 = 2
    /// The scenario is proven infeasible.
    static let infeasible: Int32 = 3

    /// The exit code of a run that ended with `status`: 0 with a plan, else 2 or 3.
    static func code(for status: PlanStatus) -> Int32 {
        switch status {
        case .optimal, .feasible: 0
        case .infeasible: infeasible
        case .unbounded, .timeLimit, .error: noPlan
        }
    }

    /// The message (nil when the command already said everything) and exit code of `error`.
    static func report(_ error: any Error) -> (message: String?, code: Int32) {
        switch error {
        case let failure as Failure: (failure.message, failure.code)
        case let exit as ExitCode: (nil, exit.rawValue)
        case let errors as InputErrors: (errors.description, badInput)
        case let ended as PlanEnded: (nil, code(for: ended.status))
        case let error as ComparisonError:
            if case .noPlan(_, let status) = error { ("estate: \(error)", code(for: status)) } else { ("estate: \(error)", badInput) }
        case let error as FrontierError:
            if case .noPlan = error { ("estate: \(error)", noPlan) } else { ("estate: \(error)", badInput) }
        case let context as InContext:
            (report(context.error).message.map { $0.replacingOccurrences(of: "estate: ", with: "estate: \(context.input): ") },
             report(context.error).code)
        case is EncodingError:
            // Inputs are range-checked where they enter (`Plausible`), so every total is finite;
            // should one still not be, say so plainly rather than print the encoder's internals.
            ("estate: internal error: a result was not a finite number and could not be written; "
                + "nothing was written. Please report this with the input files", noPlan)
        default: ("estate: \(error)", badInput)
        }
    }

    /// A failure the command words itself.
    struct Failure: Error {
        var message: String
        var code: Int32 = CommandFailure.badInput
    }

    /// A plan was written or printed, but the run has no plan to show for it (infeasible, no
    /// solution within the limits): exit 2 or 3 with nothing more to say.
    struct PlanEnded: Error {
        var status: PlanStatus
    }

    /// An error about one of several inputs (an option of `compare`, a folder of `report`),
    /// reported with that input's name.
    struct InContext: Error {
        var input: String
        var error: any Error
    }
}
