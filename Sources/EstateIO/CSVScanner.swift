/// One field of a CSV record: a byte range into the scanned buffer, already trimmed of the
/// spaces and tabs around it (and of its quotes when quoted).
struct CSVField {
    /// First byte of the content.
    var start: Int
    /// One past the last byte of the content.
    var end: Int
    /// The field was quoted and contains doubled quotes (`""`) that must be unescaped.
    var escaped: Bool
    /// The field was quoted (so spaces inside it are part of the value).
    var quoted: Bool

    var isEmpty: Bool { start == end }
}

/// A syntax problem the scanner found (an unterminated quote, text after a closing quote).
struct CSVSyntaxError: Error {
    var line: Int
    var position: Int
    var expected: String
}

/// A hand-written RFC 4180 scanner over bytes: comma-separated, `"`-quoted fields with `""`
/// escapes and line breaks inside quotes, LF or CRLF line ends, a UTF-8 byte-order mark
/// skipped, unquoted spaces around fields trimmed. It hands each record's fields to a closure
/// as byte ranges, allocating nothing per field, which is what makes a 10-million-row
/// `travel.csv` fast (see `TravelReader` for the measurements).
enum CSVScanner {
    static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    /// Longest record (line) accepted: a real dataset row is under a kilobyte, and a limit stops a
    /// 10 MB one-line file from being split into millions of cells and quoted back.
    static let maximumRecordBytes = 1 << 20
    /// Most fields in one record.
    static let maximumFields = 10_000

    /// Offset of the first byte after a UTF-8 byte-order mark, if any.
    static func contentStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// Where a scan stopped: the first byte not consumed and the line it is on.
    struct Stop {
        var index: Int
        var line: Int
    }

    /// Calls `body(line, fields)` for each record (including blank ones, which have one empty
    /// field); `line` is the 1-based line the record starts on. Returning `false` stops the scan.
    /// `range` scans only those bytes (which must start at a record; the byte-order mark is
    /// skipped only at offset 0), numbering lines from 1 within it: the parallel travel reader
    /// scans pieces of a file and adds each piece's first line afterwards.
    @discardableResult
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>? = nil,
                     _ body: (Int, inout [CSVField]) -> Bool) throws(CSVSyntaxError) -> Stop {
        let n = range?.upperBound ?? bytes.count
        var i = (range?.lowerBound ?? 0) == 0 ? contentStart(bytes) : range!.lowerBound
        var line = 1
        var fields: [CSVField] = []
        fields.reserveCapacity(16)
        while i < n {
            let recordLine = line
            let recordStart = i
            var lineStart = i
            fields.removeAll(keepingCapacity: true)
            while true {
                while i < n && (bytes[i] == space || bytes[i] == tab) { i += 1 }
                if i < n && bytes[i] == quote {
                    let openPosition = i - lineStart + 1
                    let openLine = line
                    i += 1
                    let start = i
                    var escaped = false
                    while true {
                        if i >= n {
                            throw CSVSyntaxError(line: openLine, position: openPosition,
                                                 expected: "a closing quote for the field opened here")
                        }
                        let byte = bytes[i]
                        if byte == quote {
                            if i + 1 < n && bytes[i + 1] == quote {
                                escaped = true
                                i += 2
                                continue
                            }
                            break
                        }
                        if byte == newline {
                            line += 1
                            lineStart = i + 1
                        }
                        i += 1
                    }
                    fields.append(CSVField(start: start, end: i, escaped: escaped, quoted: true))
                    i += 1
                    while i < n && (bytes[i] == space || bytes[i] == tab) { i += 1 }
                    if i < n && bytes[i] != comma && bytes[i] != newline && bytes[i] != carriageReturn {
                        throw CSVSyntaxError(line: line, position: i - lineStart + 1,
                                             expected: "a comma or the end of the line after a closing quote")
                    }
                } else {
                    let start = i
                    while i < n {
                        let byte = bytes[i]
                        if byte == comma || byte == newline || byte == carriageReturn { break }
                        i += 1
                    }
                    var end = i
                    while end > start && (bytes[end - 1] == space || bytes[end - 1] == tab) { end -= 1 }
                    fields.append(CSVField(start: start, end: end, escaped: false, quoted: false))
                }
                if i - recordStart > maximumRecordBytes {
                    throw CSVSyntaxError(line: recordLine, position: 1,
                                         expected: "a line of at most \(maximumRecordBytes / 1024) KB (this one is longer)")
                }
                if fields.count > maximumFields {
                    throw CSVSyntaxError(line: recordLine, position: fields.count,
                                         expected: "at most \(maximumFields) cells on a line")
                }
                if i < n && bytes[i] == comma {
                    i += 1
                    continue
                }
                break
            }
            if i < n && bytes[i] == carriageReturn { i += 1 }
            if i < n && bytes[i] == newline { i += 1 }
            line += 1
            if !body(recordLine, &fields) { return Stop(index: i, line: line) }
        }
        return Stop(index: i, line: line)
    }

    /// The field's text (quotes unescaped).
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ field: CSVField) -> String {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]), as: UTF8.self)
        return field.escaped ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
    }
}
