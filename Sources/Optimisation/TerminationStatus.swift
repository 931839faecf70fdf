/// How a solve ended (after MathOptInterface's termination statuses).
///
/// GLPK's return code is not its status (a gap stop comes with status "feasible", a
/// time limit before any incumbent with status "undefined" and objective 0); the
/// solver maps both to one of these.
public enum TerminationStatus: String, Sendable, Hashable {
    /// Proven optimal within ``SolveOptions/relativeGap``.
    case optimal
    /// Stopped at a limit with a feasible solution; ``Solution/bound`` and ``Solution/gap`` say how good.
    case feasible
    /// Proven to have no feasible solution.
    case infeasible
    /// The objective can improve without limit (or the LP relaxation is unbounded).
    case unbounded
    /// The time limit came before any feasible solution was found.
    case limitWithoutSolution
    /// GLPK failed (numerical trouble or a fatal error caught by the guard); ``Solution/message`` says why.
    case error
}
