import CGLPK

/// The final simplex basis of a solve (which rows and columns are basic, and at which bound the
/// others sit), to start a later solve of a related model from: one with the same columns and
/// the same first rows, rows added after them starting basic. A model changed that little (an
/// objective held by one more row and a new objective, say) is then re-optimised in a few
/// iterations instead of from the all-slack basis. Opaque: only ``GLPKSolver`` reads it.
public struct SimplexBasis: Sendable, Equatable {
    /// GLPK's status per row and per column (`GLP_BS`, `GLP_NL`, `GLP_NU`, `GLP_NF`, `GLP_NS`).
    let rows: [Int32]
    let columns: [Int32]

    /// The basis of `problem`'s last simplex solve.
    init(_ problem: OpaquePointer, rowCount: Int, columnCount: Int) {
        rows = (0 ..< rowCount).map { glp_get_row_stat(problem, Int32($0 + 1)) }
        columns = (0 ..< columnCount).map { glp_get_col_stat(problem, Int32($0 + 1)) }
    }

    /// Whether it can start a solve of a model with `rowCount` rows and `columnCount` columns.
    func fits(rowCount: Int, columnCount: Int) -> Bool {
        columns.count == columnCount && rows.count <= rowCount
    }

    /// Whether it can start a solve of `model` (same columns, its first rows).
    public func fits(_ model: LinearModel) -> Bool {
        fits(rowCount: model.rowCount, columnCount: model.variableCount)
    }

    /// Sets `problem`'s basis to this one, with rows beyond it basic. GLPK adjusts a nonbasic
    /// status to the bounds a column or row has now; a basis left singular by the change is
    /// caught by the simplex, which the caller then restarts from the standard basis.
    func apply(to problem: OpaquePointer, rowCount: Int) {
        for (i, status) in rows.enumerated() { glp_set_row_stat(problem, Int32(i + 1), status) }
        for i in rows.count ..< rowCount { glp_set_row_stat(problem, Int32(i + 1), GLP_BS) }
        for (j, status) in columns.enumerated() { glp_set_col_stat(problem, Int32(j + 1), status) }
    }
}
