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

    /// The basis of the model left when only the rows `kept` (indices, in the order they are kept)
    /// of this one's model remain. Rows dropped basic leave a basis of the smaller model, optimal
    /// for it when this one was (a row whose slack is basic constrains nothing at the vertex):
    /// a cutting-plane LP's final basis, without its slack cuts, starts branch and cut at its
    /// root optimum. A nonbasic row dropped leaves too few basic variables, which the simplex
    /// reports and recovers from like any basis that no longer fits.
    public func keepingRows(_ kept: [Int]) -> SimplexBasis {
        SimplexBasis(rows: kept.map { rows[$0] }, columns: columns)
    }

    private init(rows: [Int32], columns: [Int32]) {
        self.rows = rows
        self.columns = columns
    }

    /// This basis, found on a model whose rows had the keys `from` (one a row, any identity the
    /// caller chooses), for a model with the same columns whose rows have the keys `to`: each row
    /// takes the status of the row with its key (the first not yet taken), a new row starts
    /// basic. A row left out that was basic takes its slack column with it, which leaves a valid
    /// basis; nil when a row left out was not basic (the basis would then hold more basic
    /// variables than the model has rows).
    public func carried<Key: Hashable>(from: [Key], to: [Key]) -> SimplexBasis? {
        guard from.count == rows.count else { return nil }
        var earlier: [Key: [Int]] = [:]
        for (i, key) in from.enumerated().reversed() { earlier[key, default: []].append(i) }
        var taken = Array(repeating: false, count: rows.count)
        let carriedRows = to.map { key -> Int32 in
            guard let i = earlier[key]?.popLast() else { return GLP_BS }
            taken[i] = true
            return rows[i]
        }
        guard rows.indices.allSatisfy({ taken[$0] || rows[$0] == GLP_BS }) else { return nil }
        return SimplexBasis(rows: carriedRows, columns: columns)
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
