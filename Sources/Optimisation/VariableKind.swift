/// What values a variable of a ``LinearModel`` may take.
public enum VariableKind: Sendable, Hashable {
    /// Any real value within its bounds.
    case continuous
    /// Any integer within its bounds (the bounds must be integral or infinite).
    case integer
    /// 0 or 1; its bounds are always intersected with [0, 1].
    case binary
}

/// Whether the objective is to be made as small or as large as possible.
public enum ObjectiveSense: Sendable, Hashable {
    case minimise
    case maximise
}
