/// The numeric need-indicator columns of `areas.csv`, stored column by column so that a
/// transform walks one contiguous `[Double]`.
///
/// A blank cell is stored as `Double.nan` ("missing"); a literal `NaN` in the file is an
/// input error, so `nan` here always means "blank in the source".
public struct IndicatorTable: Sendable, Hashable {
    /// Column names in the order of `areas.csv`.
    public private(set) var names: [String]
    /// One array per column, each with one value per area (in `Dataset.areas` order).
    public private(set) var columns: [[Double]]

    /// An empty table (no indicator columns).
    public init() {
        names = []
        columns = []
    }

    /// Builds a table from named columns; every column must have the same length.
    public init(names: [String], columns: [[Double]]) {
        precondition(names.count == columns.count, "one name per column")
        precondition(Set(names).count == names.count, "column names must be unique")
        if let first = columns.first { precondition(columns.allSatisfy { $0.count == first.count }) }
        self.names = names
        self.columns = columns
    }

    /// The index of a column by name.
    public func index(of name: String) -> Int? { names.firstIndex(of: name) }

    /// A column's values by name (blank cells are `nan`).
    public subscript(name: String) -> [Double]? {
        index(of: name).map { columns[$0] }
    }

    /// Appends a column (used by readers and generators).
    public mutating func append(name: String, values: [Double]) {
        precondition(!names.contains(name), "duplicate indicator column \(name)")
        if let first = columns.first { precondition(values.count == first.count) }
        names.append(name)
        columns.append(values)
    }
}
