import Estate

/// A property of a plan's map feature, typed so that one list of properties is written both as
/// GeoJSON and as GeoPackage columns.
enum FeatureValue {
    case text(String)
    /// A number written with `decimals` decimals (trailing zeros dropped).
    case number(Double, decimals: Int)
    case integer(Int)
    case bool(Bool)
    case null

    /// The value as a GeoJSON literal.
    var json: String {
        switch self {
        case .text(let text): return JSONText.string(text)
        case .number(let value, let decimals): return NumberFormat.decimal(value, decimals)
        case .integer(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        }
    }

    /// `value` with `decimals`, or null.
    static func number(_ value: Double?, _ decimals: Int) -> FeatureValue {
        value.map { .number($0, decimals: decimals) } ?? .null
    }
}
