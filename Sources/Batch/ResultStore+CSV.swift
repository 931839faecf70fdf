import Quantities
import Foundation

extension ResultStore {
    /// The results as CSV (RFC 4180, `\n` line ends), one row per scenario sorted by
    /// id, so the same database always exports byte-identical text.
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

    /// Writes `exportCSV()` to `url` atomically (a temporary file then a rename).
    public func writeCSV(to url: URL) throws(BatchError) {
        let text = try exportCSV()
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw .unreadableFile(path: url.path, reason: "cannot write: \(error.localizedDescription)")
        }
    }

    static func csv(_ records: [BatchRecord]) -> String {
        let parameterRows = records.map { ParameterJSON.members(of: $0.parameters) }
        var keys = Set(parameterRows.flatMap { $0.map(\.key) })
        let hasVariant = keys.remove("variant") != nil
        let parameterKeys = (hasVariant ? ["variant"] : [])
            + keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var header = ["id", "name"] + parameterKeys
        header += ["status", "objective", "bound", "gap", "seconds", "sites_kept", "cost", "saving", "carbon",
                   "coverage", "kept_sites", "inputs_sha256", "engine_version", "shard", "started_at",
                   "finished_at", "message"]
        var lines = [header.map(cell).joined(separator: ",")]
        for (record, parameters) in zip(records, parameterRows) {
            let values = Dictionary(parameters.map { ($0.key, $0.text) }, uniquingKeysWith: { first, _ in first })
            let result = record.result
            var row = [record.id, record.name] + parameterKeys.map { values[$0] ?? "" }
            row += [
                result.status.rawValue, Quantity.objective.text(result.objective), Quantity.objective.text(result.bound),
                Quantity.gap.text(result.gap), Quantity.seconds.text(record.seconds),
                result.totals.map { String($0.sitesKept) } ?? "",
                Quantity.money.text(result.totals?.cost), Quantity.money.text(result.totals?.saving),
                Quantity.carbon.text(result.totals?.carbon), Quantity.share.text(result.totals?.coverage),
                result.keptSites.joined(separator: ";"),
                SHA256.hex(record.inputHashesJSON), record.engineVersion, record.shard, record.startedAt,
                record.finishedAt, result.message ?? "",
            ]
            lines.append(row.map(cell).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
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
        let marker = CanonicalJSON.string(key) + ":"
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
