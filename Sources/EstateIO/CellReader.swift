import Estate

/// Reads typed cells of one CSV row, reporting each bad cell with file, line, column name,
/// field position, value and expectation.
struct CellReader {
    let table: CSVTable
    var errors: InputErrorCollector

    init(table: CSVTable) {
        self.table = table
        errors = InputErrorCollector(file: table.file)
    }

    mutating func fail(_ row: Int, _ column: Int, _ expected: String) {
        if column < table.origins.count, let origin = table.origins[column] {
            errors.add(InputError(file: origin.file, line: origin.lines[row], column: origin.column, value: table.rows[row][column],
                                  expected: "\(expected) (for \(table.header[column]))"))
            return
        }
        errors.add(line: table.lines[row], column: table.header[column], position: column + 1,
                   value: table.rows[row][column], expected: expected)
    }

    /// A non-empty text cell.
    mutating func text(_ row: Int, _ column: Int, _ expected: String) -> String? {
        let value = table.rows[row][column]
        if value.isEmpty {
            fail(row, column, expected)
            return nil
        }
        return value
    }

    /// A number within `range`. An empty cell is an error unless `allowBlank`, when it reads as
    /// `Double.nan` ("missing").
    mutating func number(_ row: Int, _ column: Int, _ expected: String,
                         range: ClosedRange<Double> = -Double.greatestFiniteMagnitude ... Double.greatestFiniteMagnitude,
                         allowBlank: Bool = false) -> Double? {
        let value = table.rows[row][column]
        if value.isEmpty {
            if allowBlank { return .nan }
            fail(row, column, expected)
            return nil
        }
        guard let number = NumberParsing.parse(value) else {
            let lower = value.lowercased()
            let isNaN = lower == "nan" || lower.hasSuffix("inf") || lower.hasSuffix("infinity")
            fail(row, column, isNaN ? "\(expected) (NaN and infinity are not numbers here)" : expected)
            return nil
        }
        guard range.contains(number) else {
            fail(row, column, expected)
            return nil
        }
        return number
    }
}
