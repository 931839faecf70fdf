import Foundation

/// What the HTML page shows on hover, as pre-formatted text so the page's script only looks it up:
/// for each kind of mark (a one-letter key used in `data-h="s12"`), the field names and one row per mark.
struct HoverData {
    struct Kind: Encodable {
        /// Field names, e.g. ["Site", "Name", "Decision", ...]; the first field titles the tooltip.
        var h: [String]
        /// One row of values per mark, in mark index order.
        var r: [[String]]
    }

    var kinds: [String: Kind] = [:]

    /// The data as JSON, safe inside a `<script>` element (`<`, `>` and `&` written as \u escapes,
    /// so neither "</script>" nor "<!--" can occur); keys sorted for byte-identical output.
    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding dictionaries of strings cannot fail.
        let data = (try? encoder.encode(kinds)) ?? Data("{}".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(data.count + 64)
        for byte in data {
            switch byte {
            case UInt8(ascii: "<"): bytes += Array("\\u003c".utf8)
            case UInt8(ascii: ">"): bytes += Array("\\u003e".utf8)
            case UInt8(ascii: "&"): bytes += Array("\\u0026".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
