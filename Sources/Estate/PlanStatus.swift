/// How a planning run ended, as `summary.json` spells it (FORMAT.md). It lives here, below
/// planning and batches, so that a batch row and a plan folder use the one set of words.
public enum PlanStatus: String, Sendable, CaseIterable, Codable {
    /// Proven optimal (gap within the requested tolerance).
    case optimal
    /// A plan stopped at a limit: feasible, with its bound and gap.
    case feasible
    /// No plan satisfies the constraints; `conflicts` names the ones in conflict.
    case infeasible
    case unbounded
    /// Stopped at the time limit before any feasible plan was found (a plan stopped by its
    /// time limit that has a plan is `feasible`, with its gap).
    case timeLimit = "time_limit"
    case error

    /// Whether the run produced a plan (exit code 0).
    public var hasPlan: Bool { self == .optimal || self == .feasible }
}
