/// Reads typed values out of a `ScenarioNode` tree, collecting an `InputError` (file, line,
/// character column, key path, value, expectation) for each problem instead of stopping.
struct ScenarioDecoder {
    var errors: InputErrorCollector

    init(file: String) { errors = InputErrorCollector(file: file) }

    mutating func fail(_ node: ScenarioNode?, _ path: String, _ expected: String) {
        let value: String? = node.map { $0.flowText }
        errors.add(InputError(file: errors.file, line: node?.line, column: path, position: node?.column,
                              value: value, expected: expected))
    }

    /// The entries of a mapping; reports keys outside `allowed` (typos must not pass silently).
    mutating func entries(_ node: ScenarioNode, _ path: String, allowed: [String]) -> [ScenarioNode.Entry]? {
        guard case .map(let entries) = node.kind else {
            fail(node, path, "a mapping with keys \(allowed.joined(separator: ", "))")
            return nil
        }
        var seen = Set<String>()
        for entry in entries {
            let keyPath = path.isEmpty ? entry.key : "\(path).\(entry.key)"
            if !allowed.contains(entry.key) {
                fail(entry.value, keyPath, "one of the keys \(allowed.joined(separator: ", ")) (unknown key '\(entry.key)')")
            } else if !seen.insert(entry.key).inserted {
                fail(entry.value, keyPath, "each key once (duplicate key '\(entry.key)')")
            }
        }
        return entries
    }

    /// A number; accepts `9_000_000`, `9,000,000` and quoted numbers, as analysts write them.
    mutating func number(_ node: ScenarioNode, _ path: String, _ expected: String,
                         valid: (Double) -> Bool = { _ in true }) -> Double? {
        guard let text = node.text, let value = ScenarioDecoder.parseNumber(text), valid(value) else {
            fail(node, path, expected)
            return nil
        }
        return value
    }

    /// A whole number.
    mutating func integer(_ node: ScenarioNode, _ path: String, _ expected: String, valid: (Int) -> Bool = { _ in true }) -> Int? {
        guard let text = node.text, let value = ScenarioDecoder.parseNumber(text), value == value.rounded(),
              abs(value) < 1e15, valid(Int(value)) else {
            fail(node, path, expected)
            return nil
        }
        return Int(value)
    }

    mutating func boolean(_ node: ScenarioNode, _ path: String) -> Bool? {
        switch node.text?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            fail(node, path, "true or false")
            return nil
        }
    }

    mutating func string(_ node: ScenarioNode, _ path: String, _ expected: String) -> String? {
        guard let text = node.text, !text.isEmpty else {
            fail(node, path, expected)
            return nil
        }
        return text
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ node: ScenarioNode, _ path: String, _ type: T.Type) -> T?
        where T.RawValue == String {
        let options = T.allCases.map(\.rawValue)
        guard let text = node.text, let value = T(rawValue: text) else {
            fail(node, path, "one of \(options.joined(separator: ", "))")
            return nil
        }
        return value
    }

    /// Parses a YAML/JSON number the way a spreadsheet user writes it: digits with optional
    /// `_` or `,` thousands grouping, a decimal point and an exponent. `nan`/`inf` are refused.
    static func parseNumber(_ raw: String) -> Double? {
        var text = raw.trimmingWhitespace()
        if text.contains(",") {
            // Only a well-formed thousands grouping: 1,234,567(.89)
            let integerPart = text.split(separator: ".", maxSplits: 1).first.map(String.init) ?? ""
            let groups = integerPart.split(separator: ",", omittingEmptySubsequences: false)
            let head = groups.first.map { $0.hasPrefix("-") || $0.hasPrefix("+") ? $0.dropFirst() : $0[...] } ?? ""
            guard !head.isEmpty, head.count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            text.removeAll { $0 == "," }
        }
        text.removeAll { $0 == "_" }
        guard !text.isEmpty, text.allSatisfy({ "0123456789+-.eE".contains($0) }), let value = Double(text),
              value.isFinite else { return nil }
        return value
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\u{00A0}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
