import Estate
import Planning

/// Why options cannot be compared, beyond unreadable files (those are `InputErrors`).
public enum ComparisonError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The option's solve ended without decisions (infeasible, failed, or stopped with no plan),
    /// so there is nothing to set side by side.
    case noPlan(option: String, status: PlanStatus)
    /// Two options were planned on different datasets: their sites or areas are not the same
    /// buildings and places, so a side-by-side table would be meaningless. `difference` names
    /// the first difference found.
    case differentDatasets(first: String, other: String, difference: String)
    /// Fewer than two options were given.
    case tooFewOptions(Int)

    public var description: String {
        switch self {
        case .noPlan(let option, let status):
            return "cannot compare option '\(option)': its plan has status \(status.rawValue), so it has no decisions to compare"
        case .differentDatasets(let first, let other, let difference):
            return "cannot compare '\(first)' and '\(other)': they are plans of different datasets (\(difference))"
        case .tooFewOptions(let count):
            return "a comparison needs at least two options, got \(count)"
        }
    }
}
