/// One problem in an input file (a dataset CSV or a scenario), located precisely enough
/// that an analyst can open the spreadsheet and fix the cell.
///
/// Every error names the file, the line (1-based, as a text editor counts them, the header
/// being line 1), the column (its header name, or a scenario key path), the offending value
/// and what was expected. `line` and `column` are `nil` only when the problem concerns the
/// whole file (for example an empty file or a missing column).
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// File name as the user gave it (e.g. `areas.csv`, `scenario.yaml`).
    public var file: String
    /// 1-based line number in the file, or `nil` for a whole-file problem.
    public var line: Int?
    /// Column name (CSV header) or key path (scenario), or `nil` for a whole-row problem.
    public var column: String?
    /// 1-based position on the line: the field number in a CSV row, the character column in a
    /// scenario file; `nil` when unknown.
    public var position: Int?
    /// The value found, verbatim (empty when the cell is blank).
    public var value: String?
    /// What the reader expected instead, in plain words.
    public var expected: String

    /// Creates an error; see the properties for what each part means.
    public init(file: String, line: Int? = nil, column: String? = nil, position: Int? = nil, value: String? = nil,
                expected: String) {
        self.file = file
        self.line = line
        self.column = column
        self.position = position
        self.value = value
        self.expected = expected
    }

    /// `file:line:position: column 'c': value 'v': expected ...`, the form compilers use so
    /// editors can jump to it.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if line != nil, let position { text += ":\(position)" }
        text += ":"
        if let column { text += " column '\(Self.excerpt(column, limit: 80))':" }
        if let value { text += " value '\(Self.excerpt(value, limit: 80))':" }
        text += " expected \(Self.excerpt(expected, limit: 600))"
        return text
    }

    /// `text`, or its start and how long it is when longer than `limit` characters: a message
    /// quotes a short excerpt, never a 10 MB header or a 50 MB value.
    public static func excerpt(_ text: String, limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        let count = text.count
        guard count > limit else { return text }
        return String(text.prefix(limit * 3 / 4)) + "... (\(count) characters)"
    }
}

/// Every problem found while reading inputs: reading goes on after an error so that one run
/// reports as many as it can (up to `InputErrors.limitPerFile` per file), not just the first.
public struct InputErrors: Error, Sendable, CustomStringConvertible {
    /// How many errors one file reports before the rest are only counted.
    public static let limitPerFile = 25

    /// The errors, in file order then line order.
    public var errors: [InputError]
    /// Errors found beyond the per-file limit, counted but not kept.
    public var omitted: Int

    /// Wraps the errors found, in file and line order.
    public init(_ errors: [InputError], omitted: Int = 0) {
        self.errors = errors
        self.omitted = omitted
    }

    /// One error per line, then how many were left out.
    public var description: String {
        var lines = errors.map(\.description)
        if omitted > 0 { lines.append("... and \(omitted) more errors") }
        return lines.joined(separator: "\n")
    }
}

/// Collects errors for one file, keeping the first `InputErrors.limitPerFile` and counting the rest.
public struct InputErrorCollector: Sendable {
    /// The file every collected error belongs to.
    public let file: String
    /// The errors kept so far.
    public private(set) var errors: [InputError] = []
    /// Errors beyond the limit, counted only.
    public private(set) var omitted = 0

    /// A collector for errors in `file`.
    public init(file: String) { self.file = file }

    /// `true` once the limit is reached: callers may stop reading a hopeless file early.
    public var isFull: Bool { errors.count >= InputErrors.limitPerFile }
    /// `true` when nothing was reported.
    public var isEmpty: Bool { errors.isEmpty && omitted == 0 }

    /// Records one error in this collector's file.
    public mutating func add(line: Int?, column: String?, position: Int? = nil, value: String?, expected: String) {
        add(InputError(file: file, line: line, column: column, position: position, value: value, expected: expected))
    }

    /// Records an error (of any file).
    public mutating func add(_ error: InputError) {
        if isFull { omitted += 1 } else { errors.append(error) }
    }

    /// Counts `count` errors found elsewhere (e.g. a piece of a file read in parallel) as omitted.
    public mutating func countOmitted(_ count: Int) { omitted += count }

    /// Takes over another collector's errors (e.g. a second pass over the same file).
    public mutating func merge(_ other: InputErrorCollector) {
        errors.append(contentsOf: other.errors)
        omitted += other.omitted
    }

    /// Throws everything collected, if anything.
    public func throwIfAny() throws(InputErrors) {
        if !isEmpty { throw InputErrors(errors, omitted: omitted) }
    }
}
