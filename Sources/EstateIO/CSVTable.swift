import Estate
import Foundation

/// A small CSV file in memory as trimmed strings, with the line number of every row, for the
/// dataset files that are read cell by cell (`areas.csv`, `sites.csv`, `usage.csv`).
///
/// Reading accepts what hand-exported spreadsheets contain: a UTF-8 byte-order mark, CRLF line
/// ends, spaces around cells, blank rows (skipped, wherever they are) and trailing empty cells
/// (`a,b,,`). It refuses, with the file, line and column: an empty file, a header that looks
/// separated by `;`, tabs or `|` instead of commas, duplicate or blank header names with data
/// under them, rows with too few or too many cells, unterminated quotes.
struct CSVTable {
    /// File name for messages.
    let file: String
    /// Header names, trimmed.
    let header: [String]
    /// Cells per row, trimmed; every row has `header.count` cells.
    let rows: [[String]]
    /// 1-based line on which each row starts.
    let lines: [Int]
    /// 1-based line of the header.
    let headerLine: Int
    /// Where each column's cells came from, when the table was assembled from other files by a
    /// dataset manifest (`nil`: this file's own column). Errors name the source cell.
    var origins: [ColumnOrigin?] = []

    /// The source of an assembled column: a file, a column label and the line of each row.
    struct ColumnOrigin {
        var file: String
        var column: String
        var lines: [Int?]
    }

    /// Largest areas/sites/usage file read (England has 33,755 areas: a few MB).
    static let maximumFileBytes = 1 << 30

    /// Column number (0-based) of a header name.
    func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// Parses `bytes`; throws every problem found (up to the per-file limit).
    init(bytes: [UInt8], file: String) throws(InputErrors) {
        self.file = file
        var errors = InputErrorCollector(file: file)
        var header: [String] = []
        var rows: [[String]] = []
        var lines: [Int] = []
        var headerLine = 0
        // Spreadsheets saved as "CSV" rather than "CSV UTF-8" use Windows-1252 ("£" is byte A3):
        // refuse them rather than read mangled names and ids.
        if String(validating: bytes, as: UTF8.self) == nil {
            var line = 1, lineStart = 0
            for (index, byte) in bytes.enumerated() where byte == 10 || index == bytes.count - 1 {
                if String(validating: bytes[lineStart...index], as: UTF8.self) == nil {
                    errors.add(line: line, column: nil, value: nil,
                               expected: "UTF-8 text (this line is not; save the sheet as \"CSV UTF-8\")")
                    break
                }
                line += 1
                lineStart = index + 1
            }
            try errors.throwIfAny()
        }
        do {
            // The body never stops the scan, so where it stopped tells nothing here.
            _ = try bytes.withUnsafeBufferPointer { (buffer) throws(CSVSyntaxError) in
                try CSVScanner.scan(buffer) { line, fields in
                    // Unquoted fields come trimmed from the scanner; quoted ones keep inner spaces
                    // except around the value, which spreadsheets add by accident.
                    let cells = fields.map { $0.quoted ? CSVScanner.string(buffer, $0).trimmingSpaces() : CSVScanner.string(buffer, $0) }
                    if cells.allSatisfy(\.isEmpty) { return true }
                    if header.isEmpty {
                        header = cells
                        headerLine = line
                        return true
                    }
                    var row = cells
                    if row.count > header.count {
                        if row[header.count...].allSatisfy(\.isEmpty) {
                            row.removeLast(row.count - header.count)
                        } else {
                            errors.add(line: line, column: nil, position: header.count + 1,
                                       value: row[header.count...].joined(separator: ","),
                                       expected: "\(header.count) cells as in the header, found \(row.count)")
                            return true
                        }
                    } else if row.count < header.count {
                        errors.add(line: line, column: header[row.count], position: row.count + 1, value: nil,
                                   expected: "\(header.count) cells as in the header, found \(row.count)")
                        return true
                    }
                    rows.append(row)
                    lines.append(line)
                    return true
                }
            }
        } catch {
            errors.add(line: error.line, column: nil, position: error.position, value: nil, expected: error.expected)
        }
        if header.isEmpty {
            errors.add(line: nil, column: nil, value: nil, expected: "a header row and data rows (the file is empty)")
            try errors.throwIfAny()
        }
        if header.count == 1, let only = header.first {
            for (separator, name) in [(";", "semicolons"), ("\t", "tabs"), ("|", "vertical bars")] where only.contains(separator) {
                errors.add(line: headerLine, column: nil, position: 1, value: only,
                           expected: "comma-separated columns (this header looks separated by \(name); save the sheet as CSV with commas)")
            }
        }
        var seen: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            if name.isEmpty {
                if rows.contains(where: { !$0[index].isEmpty }) {
                    errors.add(line: headerLine, column: nil, position: index + 1, value: "",
                               expected: "a column name above column \(index + 1), which has values")
                }
            } else if let first = seen[name] {
                errors.add(line: headerLine, column: name, position: index + 1, value: name,
                           expected: "each column name once (also column \(first + 1))")
            } else {
                seen[name] = index
            }
        }
        try errors.throwIfAny()
        self.header = header
        self.rows = rows
        self.lines = lines
        self.headerLine = headerLine
    }

    /// A table assembled in memory (by `ManifestAssembler`); `origins` locate its cells.
    init(file: String, header: [String], rows: [[String]], lines: [Int], headerLine: Int, origins: [ColumnOrigin?]) {
        self.file = file
        self.header = header
        self.rows = rows
        self.lines = lines
        self.headerLine = headerLine
        self.origins = origins
    }

    /// Reads and parses a file.
    init(contentsOf url: URL, file: String) throws(InputErrors) {
        let bytes: [UInt8]
        do {
            bytes = try [UInt8](SystemErrorText.readFile(url, limit: Self.maximumFileBytes))
        } catch {
            throw InputErrors([InputError(file: file, expected: "a readable file at \(url.path) (it \(error.text))")])
        }
        try self.init(bytes: bytes, file: file)
    }

    /// The header's names for a message: at most a few hundred characters, however long the line.
    static func headerExcerpt(_ header: [String]) -> String {
        let shown = header.prefix(20).map { InputError.excerpt($0, limit: 40) }.joined(separator: ", ")
        return header.count > 20 ? shown + " and \(header.count - 20) more" : shown
    }

    /// Column indices of required columns; reports each missing one (line 1, naming the column).
    func requireColumns(_ names: [String], errors: inout InputErrorCollector) -> [Int]? {
        var indices: [Int] = []
        let listed = Self.headerExcerpt(header)
        for name in names {
            if let index = column(name) {
                indices.append(index)
            } else {
                errors.add(line: headerLine, column: name, value: nil,
                           expected: "a column named '\(name)' (the header has: \(listed))")
            }
        }
        return indices.count == names.count ? indices : nil
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs (cheaper than Foundation's trimming).
    func trimmingSpaces() -> String {
        let utf8 = self.utf8
        guard let first = utf8.firstIndex(where: { $0 != 32 && $0 != 9 }) else { return "" }
        let last = utf8.lastIndex(where: { $0 != 32 && $0 != 9 })!
        if first == utf8.startIndex && last == utf8.index(before: utf8.endIndex) { return self }
        return String(self[first...last])
    }
}
