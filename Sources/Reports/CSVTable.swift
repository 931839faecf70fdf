/// A CSV table (RFC 4180: comma separated, fields quoted when they hold a comma, quote or line break,
/// LF line ends) built in memory and written whole.
struct CSVTable {
    let header: [String]
    private(set) var rows: [[String]] = []

    init(header: [String]) { self.header = header }

    mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "a CSV row must have one field per column")
        rows.append(row)
    }

    var text: String {
        var out = ""
        for row in [header] + rows {
            out += row.map(Self.quoted).joined(separator: ",")
            out += "\n"
        }
        return out
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
