import Estate
import Quantities
import Workbook
import Foundation

extension ResultStore {
    /// The results as CSV (RFC 4180, `\n` line ends), one row per scenario ordered by the
    /// swept values (see `table`), so the same database always exports byte-identical text.
    ///
    /// Columns: `id,name`, then one column per varied parameter (`variant` first,
    /// then dot paths in byte order; empty where a row lacks it), then `status,
    /// objective,bound,gap,seconds,sites_kept,cost,saving,carbon,coverage,
    /// kept_sites` (`;`-separated), `inputs_sha256` (SHA-256 of the row's canonical
    /// input-hash JSON: rows with equal values used identical files),
    /// `engine_version,shard,started_at,finished_at,message`. Numbers are rounded to
    /// their `Quantity`'s precision (pounds, 0.1% shares, ...); empty cells mean "none".
    /// The database itself keeps full precision.
    public func exportCSV() throws(BatchError) -> String {
        Self.csv(try records())
    }

    /// Writes `exportCSV()` to `url` and the same table as a workbook beside it (`results.xlsx`
    /// for `results.csv`), each atomically (a temporary file then a rename).
    public func writeCSV(to url: URL) throws(BatchError) {
        let text = try exportCSV()
        let workbook: [UInt8]
        do { workbook = try exportWorkbook().xlsx() } catch {
            throw .unreadableFile(path: url.path, reason: "cannot build the workbook: \(error)")
        }
        let workbookURL = url.deletingPathExtension().appendingPathExtension("xlsx")
        for (target, bytes) in [(url, Data(text.utf8)), (workbookURL, Data(workbook))] {
            do {
                try bytes.write(to: target, options: .atomic)
            } catch {
                throw .unreadableFile(path: target.path, reason: "cannot write: \(error.localizedDescription)")
            }
        }
    }

    static func csv(_ records: [BatchRecord]) -> String {
        let table = table(records)
        var lines = [table.header.map(cell).joined(separator: ",")]
        for row in table.rows { lines.append(row.map { cell($0.text) }.joined(separator: ",")) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The results as typed cells (what both `results.csv` and `results.xlsx` write), one row
    /// per scenario ordered by the swept values: column by column from the first parameter,
    /// numbers by value and text by bytes, then by id. A budget sweep thus reads in budget order.
    static func table(_ records: [BatchRecord]) -> (header: [String], rows: [[Workbook.Cell]]) {
        let parameterRows = records.map { ParameterJSON.members(of: $0.parameters) }
        var keys = Set(parameterRows.flatMap { $0.map(\.key) })
        let hasVariant = keys.remove("variant") != nil
        let parameterKeys = (hasVariant ? ["variant"] : [])
            + keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var header = ["id", "name"] + parameterKeys
        header += ["status", "objective", "bound", "gap", "seconds", "sites_kept", "cost", "saving", "carbon",
                   "coverage", "kept_sites", "inputs_sha256", "engine_version", "shard", "started_at",
                   "finished_at", "message"]
        var rows: [(values: [String], cells: [Workbook.Cell], id: String)] = []
        for (record, parameters) in zip(records, parameterRows) {
            let values = Dictionary(parameters.map { ($0.key, $0.text) }, uniquingKeysWith: { first, _ in first })
            let result = record.result
            let swept = parameterKeys.map { values[$0] ?? "" }
            var row: [Workbook.Cell] = [.text(record.id), .text(record.name)]
            // Whole swept values are numbers in the workbook; others keep their text exactly as written.
            row += swept.map { text in Int(text).map { String($0) == text ? .integer($0) : .text(text) } ?? .text(text) }
            row += [
                .text(result.status.rawValue), .number(result.objective, .objective), .number(result.bound, .objective),
                .number(result.gap, .gap), .number(record.seconds, .seconds),
                result.totals.map { .integer($0.sitesKept) } ?? .empty,
                .number(result.totals?.cost, .money), .number(result.totals?.saving, .money),
                .number(result.totals?.carbon, .carbon), .number(result.totals?.coverage, .share),
                .text(result.keptSites.joined(separator: ";")), .text(SHA256.hex(record.inputHashesJSON)),
                .text(record.engineVersion), .text(record.shard), .text(record.startedAt), .text(record.finishedAt),
                result.message.map { .text($0) } ?? .empty,
            ]
            rows.append((swept, row, record.id))
        }
        rows.sort { a, b in
            for (x, y) in zip(a.values, b.values) where x != y {
                if let u = Double(x), let v = Double(y), u != v { return u < v }
                return x.utf8.lexicographicallyPrecedes(y.utf8)
            }
            return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
        }
        return (header, rows.map(\.cells))
    }

    /// The results as a workbook: the same columns and rows as `results.csv`, numbers as numbers.
    public func exportWorkbook() throws(BatchError) -> Workbook {
        let table = Self.table(try records())
        return Workbook(sheets: [Workbook.Sheet(name: "Results", header: table.header, rows: table.rows)])
    }

    /// One RFC 4180 cell: quoted when it holds a comma, quote or line break.
    static func cell(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Reads back the flat parameter objects that `ExpandedScenario.parametersJSON` writes.
enum ParameterJSON {
    /// The members of a JSON object: key, and the value as text (strings unquoted,
    /// other values as their JSON). Malformed text gives no members.
    static func members(of json: String) -> [(key: String, text: String)] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return []
        }
        var members: [(key: String, text: String)] = []
        for key in object.keys.sorted() {
            guard let raw = rawValue(of: key, in: json) else { continue }
            if let string = object[key] as? String, raw.hasPrefix("\"") {
                members.append((key, string))
            } else {
                members.append((key, raw))
            }
        }
        return members
    }

    /// The raw JSON text of `key`'s value in a canonical object (no whitespace),
    /// so numbers keep their canonical spelling rather than a re-formatted double.
    private static func rawValue(of key: String, in json: String) -> String? {
        let marker = JSONText.string(key) + ":"
        let bytes = Array(json.utf8)
        let needle = Array(marker.utf8)
        var depth = 0
        var inString = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if byte == UInt8(ascii: "\\") { index += 2; continue }
                if byte == UInt8(ascii: "\"") { inString = false }
                index += 1
                continue
            }
            if depth == 1, byte == UInt8(ascii: "\""), bytes[index...].starts(with: needle),
               index > 0, bytes[index - 1] == UInt8(ascii: "{") || bytes[index - 1] == UInt8(ascii: ",") {
                return valueText(bytes, from: index + needle.count)
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
            index += 1
        }
        return nil
    }

    private static func valueText(_ bytes: [UInt8], from start: Int) -> String {
        var depth = 0
        var inString = false
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if byte == UInt8(ascii: "\\") { index += 2; continue }
                if byte == UInt8(ascii: "\"") { inString = false }
            } else {
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 { return String(decoding: bytes[start..<index], as: UTF8.self) }
                    depth -= 1
                case UInt8(ascii: ","):
                    if depth == 0 { return String(decoding: bytes[start..<index], as: UTF8.self) }
                default: break
                }
            }
            index += 1
        }
        return String(decoding: bytes[start...], as: UTF8.self)
    }
}
