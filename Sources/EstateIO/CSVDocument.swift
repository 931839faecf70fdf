import Estate

/// A small CSV file as trimmed text cells with line numbers, for readers outside this module
/// (plan folders read back by `estate compare`) that must validate cell by cell with the same
/// parsing rules and the same file/line/column messages as the dataset readers.
public struct CSVDocument: Sendable {
    let table: CSVTable

    /// Parses `bytes` (UTF-8, header row first); throws every syntax problem found, each with
    /// the file, line and field position.
    public init(bytes: [UInt8], file: String) throws(InputErrors) {
        table = try CSVTable(bytes: bytes, file: file)
    }

    /// File name used in messages.
    public var file: String { table.file }
    /// Header names, trimmed.
    public var header: [String] { table.header }
    /// Number of data rows (blank rows are skipped).
    public var rowCount: Int { table.rows.count }
    /// 1-based line of the header.
    public var headerLine: Int { table.headerLine }

    /// 1-based line on which data row `row` (0-based) starts.
    public func line(_ row: Int) -> Int { table.lines[row] }

    /// The trimmed text of a cell.
    public func cell(_ row: Int, _ column: Int) -> String { table.rows[row][column] }

    /// Column indices of `names`, in order; throws one error per missing column, naming it and
    /// listing the header.
    public func requireColumns(_ names: [String]) throws(InputErrors) -> [Int] {
        var errors = InputErrorCollector(file: file)
        let indices = table.requireColumns(names, errors: &errors)
        try errors.throwIfAny()
        return indices ?? []
    }

    /// Records that a cell does not hold what was expected (file, line, column name, field
    /// position, value).
    public func fail(_ row: Int, _ column: Int, _ expected: String, into errors: inout InputErrorCollector) {
        errors.add(line: line(row), column: header[column], position: column + 1, value: cell(row, column), expected: expected)
    }

    /// A finite number within `range`, or nil (with an error recorded). A blank cell reads as nil
    /// without an error when `allowBlank`; callers tell the two apart with `cell(_:_:)`.
    public func number(_ row: Int, _ column: Int, _ expected: String,
                       range: ClosedRange<Double> = -Double.greatestFiniteMagnitude ... Double.greatestFiniteMagnitude,
                       allowBlank: Bool = false, into errors: inout InputErrorCollector) -> Double? {
        let text = cell(row, column)
        if text.isEmpty {
            if !allowBlank { fail(row, column, expected, into: &errors) }
            return nil
        }
        guard let value = NumberParsing.parse(text), range.contains(value) else {
            fail(row, column, expected, into: &errors)
            return nil
        }
        return value
    }
}
