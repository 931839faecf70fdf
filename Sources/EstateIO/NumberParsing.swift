/// Parses numbers as council spreadsheets export them: optional sign, digits with optional
/// `,` thousands grouping (`1,234,567.5`), a decimal point, an exponent, a leading `£` and a
/// trailing `%`. `NaN`, `inf` and
/// anything else are refused, so a bad cell becomes an error rather than a silent value.
enum NumberParsing {
    /// Exact powers of ten, 10^0 ... 10^22 (all exactly representable as Double).
    static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// Parses bytes `[start, end)`; `nil` when they are not a finite number.
    /// Fast path (Clinger): up to 15 significant digits and no exponent gives `m / 10^k` with both
    /// exact, so a single correctly rounded division equals what `strtod` returns.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var i = start
        if i >= end { return nil }
        var negative = false
        if bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 } else if bytes[i] == UInt8(ascii: "+") { i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0, fractionDigits = 0
        var sawPoint = false, sawComma = false, simple = true
        let digitsStart = i
        while i < end {
            let byte = bytes[i]
            if byte >= 48 && byte <= 57 {
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(byte - 48) } else { simple = false }
                if mantissa != 0 || byte != 48 { digits += 1 }
                if sawPoint { fractionDigits += 1 }
            } else if byte == UInt8(ascii: ".") && !sawPoint {
                sawPoint = true
            } else if byte == UInt8(ascii: ",") && !sawPoint {
                sawComma = true
            } else {
                simple = false
                break
            }
            i += 1
        }
        if i == digitsStart {
            // A leading `£` (UTF-8 C2 A3) is the one non-digit start the slow path accepts.
            guard i + 1 < end, bytes[i] == 0xC2, bytes[i + 1] == 0xA3 else { return nil }
            return parseSlow(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
        }
        if simple && !sawComma && digits <= 15 && fractionDigits <= 22 && (i - digitsStart) > (sawPoint ? 1 : 0) {
            let value = Double(mantissa) / powersOfTen[fractionDigits]
            return negative ? -value : value
        }
        return parseSlow(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
    }

    /// The general path: validates the thousands grouping and the characters, then uses `Double(_:)`.
    /// A pound sign after the sign (`£85,000`, `-£1,200.50`) and a percent sign at the end
    /// (`12%`, read as 12, the number of percent) are accepted, as spreadsheets format them.
    static func parseSlow(_ raw: String) -> Double? {
        var text = raw
        if text.hasSuffix("%") { text = String(text.dropLast()).trimmingSpaces() }
        if let pound = text.firstIndex(of: "£"), pound == text.startIndex
            || (text.index(after: text.startIndex) == pound && (text.first == "-" || text.first == "+")) {
            // The pound sign must be followed by a digit: `£-5` and `££5` are not amounts.
            let offset = text.distance(from: text.startIndex, to: pound)
            text.remove(at: pound)
            let next = text.index(text.startIndex, offsetBy: offset)
            guard next < text.endIndex, text[next].isASCII, text[next].isNumber else { return nil }
        }
        if text.contains(",") {
            let integerPart = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let groups = integerPart.split(separator: ",", omittingEmptySubsequences: false)
            guard let head = groups.first else { return nil }
            let digits = head.drop { $0 == "-" || $0 == "+" }
            guard !digits.isEmpty, digits.count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            text.removeAll { $0 == "," }
        }
        guard !text.isEmpty, text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 43 || $0 == 45 || $0 == 46 || $0 == 69 || $0 == 101 }),
              let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// Parses a string cell (already trimmed).
    static func parse(_ text: String) -> Double? {
        var copy = text
        return copy.withUTF8 { parse($0, 0, $0.count) }
    }
}
