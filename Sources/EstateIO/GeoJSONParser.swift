/// A JSON parser for GeoJSON, written for speed because Foundation's JSONSerialization takes
/// 5.5 CPU seconds and 2.5 GB to read 35,000 boundary polygons (93 MB; measured with
/// `estate-data-bench boundaries`) and does not round numbers correctly. Everything but
/// geometry coordinates becomes a small `JSONValue` tree; a `coordinates` member is read
/// straight into flat rings (one array per ring, not one per point), numbers through the same
/// exact parser as the CSV readers.
enum JSONValue {
    case object([(key: String, value: JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    /// A `coordinates` member: nested lists down to rings of flat `[x0, y0, x1, y1, ...]`.
    case coordinates(Coordinates)

    /// Nested coordinate lists; a ring holds its positions' x and y, further ordinates dropped.
    indirect enum Coordinates {
        case ring([Double])
        case list([Coordinates])
        /// A single position (a Point's coordinates).
        case position(Double, Double)
    }

    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    var string: String? { if case .string(let text) = self { return text }; return nil }
}

struct GeoJSONParser {
    struct SyntaxError: Error {
        var line: Int
        var column: Int
        var expected: String
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    static func parse(_ data: [UInt8]) throws(SyntaxError) -> JSONValue {
        try data.withUnsafeBufferPointer { (buffer) throws(SyntaxError) -> JSONValue in
            var parser = GeoJSONParser(buffer)
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
            let value = try parser.value()
            parser.skipSpace()
            guard parser.index == buffer.count else { throw parser.error("the end of the document") }
            return value
        }
    }

    func error(_ expected: String) -> SyntaxError {
        var line = 1, lineStart = 0
        for position in 0..<min(index, bytes.count) where bytes[position] == 10 {
            line += 1
            lineStart = position + 1
        }
        return SyntaxError(line: line, column: index - lineStart + 1, expected: expected)
    }

    mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 32 || bytes[index] == 10 || bytes[index] == 13 || bytes[index] == 9 { index += 1 }
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(SyntaxError) {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else { throw error(what) }
        index += 1
    }

    mutating func value() throws(SyntaxError) -> JSONValue {
        skipSpace()
        guard index < bytes.count else { throw error("a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["):
            index += 1
            var items: [JSONValue] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            while true {
                items.append(try value())
                skipSpace()
                guard index < bytes.count else { throw error("',' or ']'") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                throw error("',' or ']'")
            }
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw error("a value")
        }
    }

    mutating func object() throws(SyntaxError) -> JSONValue {
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("a member name in quotes") }
            let key = try string()
            try expect(UInt8(ascii: ":"), "':' after a member name")
            skipSpace()
            if key == "coordinates", index < bytes.count, bytes[index] == UInt8(ascii: "[") {
                // Coordinates that are valid JSON but not numbers are read as plain values, so
                // that the reader reports the feature rather than a syntax error.
                let start = index
                do { members.append((key, .coordinates(try coordinates()))) } catch {
                    index = start
                    members.append((key, try value()))
                }
            } else {
                members.append((key, try value()))
            }
            skipSpace()
            guard index < bytes.count else { throw error("',' or '}'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            throw error("',' or '}'")
        }
    }

    /// A coordinates array: a position (`[x, y, ...]`), a ring (a list of positions, read into
    /// one flat array) or a list of those.
    mutating func coordinates() throws(SyntaxError) -> JSONValue.Coordinates {
        index += 1   // '['
        skipSpace()
        guard index < bytes.count else { throw error("coordinates") }
        if bytes[index] != UInt8(ascii: "[") {
            // A position.
            let x = try number()
            try expect(UInt8(ascii: ","), "',' between a position's numbers")
            let y = try number()
            try skipOrdinates()
            return .position(x, y)
        }
        // Peek: is the first element a position (its first element a number)?
        var peek = index + 1
        while peek < bytes.count, bytes[peek] == 32 || bytes[peek] == 10 || bytes[peek] == 13 || bytes[peek] == 9 { peek += 1 }
        if peek < bytes.count, bytes[peek] != UInt8(ascii: "[") {
            var flat: [Double] = []
            while true {
                try expect(UInt8(ascii: "["), "a position [longitude, latitude]")
                flat.append(try number())
                try expect(UInt8(ascii: ","), "',' between a position's numbers")
                flat.append(try number())
                try skipOrdinates()
                skipSpace()
                guard index < bytes.count else { throw error("',' or ']'") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .ring(flat) }
                throw error("',' or ']'")
            }
        }
        var items: [JSONValue.Coordinates] = []
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { throw error("a list of coordinates") }
            items.append(try coordinates())
            skipSpace()
            guard index < bytes.count else { throw error("',' or ']'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .list(items) }
            throw error("',' or ']'")
        }
    }

    /// Skips a position's further ordinates (z, m) and its closing bracket.
    mutating func skipOrdinates() throws(SyntaxError) {
        while true {
            skipSpace()
            guard index < bytes.count else { throw error("']' closing a position") }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return }
            try expect(UInt8(ascii: ","), "',' or ']' in a position")
            _ = try number()
        }
    }

    mutating func number() throws(SyntaxError) -> Double {
        skipSpace()
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            guard (byte >= 48 && byte <= 57) || byte == 45 || byte == 43 || byte == 46 || byte == 101 || byte == 69 else { break }
            index += 1
        }
        guard index > start, let value = NumberParsing.parse(bytes, start, index) else {
            index = start
            throw error("a number")
        }
        return value
    }

    mutating func literal(_ word: String) throws(SyntaxError) {
        for byte in word.utf8 {
            guard index < bytes.count, bytes[index] == byte else { throw error(word) }
            index += 1
        }
    }

    mutating func string() throws(SyntaxError) -> String {
        index += 1   // opening quote
        let start = index
        var escaped = false
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            if bytes[index] == UInt8(ascii: "\\") { escaped = true; index += 1 }
            index += 1
        }
        guard index < bytes.count else { throw error("a closing quote") }
        let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        index += 1
        return escaped ? Self.unescape(raw) : raw
    }

    /// JSON string escapes (`\"`, `\\`, `\/`, `\n`, `\t`, `\uXXXX` with surrogate pairs).
    static func unescape(_ raw: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = Array(raw.unicodeScalars)[...]
        var pendingHigh: UInt32?
        while let scalar = scalars.popFirst() {
            guard scalar == "\\", let next = scalars.popFirst() else { out.append(scalar); continue }
            switch next {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "b": out.append("\u{8}")
            case "f": out.append("\u{C}")
            case "u":
                let hex = String(String.UnicodeScalarView(scalars.prefix(4)))
                scalars = scalars.dropFirst(4)
                guard let code = UInt32(hex, radix: 16) else { continue }
                if (0xD800...0xDBFF).contains(code) { pendingHigh = code; continue }
                if let high = pendingHigh, (0xDC00...0xDFFF).contains(code) {
                    pendingHigh = nil
                    if let combined = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)) { out.append(combined) }
                } else if let plain = Unicode.Scalar(code) {
                    out.append(plain)
                }
            default: out.append(next)
            }
        }
        return String(out)
    }
}
