/// Why a location problem cannot be built: the offending client, site or parameter and
/// what was expected.
public enum LocationModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A cost or distance is NaN or negative (use +infinity, or omit the entry, for "not allowed").
    case invalidCost(client: Int, site: Int, value: Double)
    /// A sparse entry names a client or site outside the declared ranges.
    case indexOutOfRange(client: Int, site: Int, clientCount: Int, siteCount: Int)
    /// A sparse input lists the same (client, site) pair twice.
    case duplicateEntry(client: Int, site: Int)
    /// A dense input's rows or flat array do not have the declared shape.
    case shapeMismatch(expected: Int, actual: Int, what: String)
    /// A per-client or per-site array has the wrong length.
    case countMismatch(what: String, expected: Int, actual: Int)
    /// A demand weight is NaN, infinite or negative.
    case invalidWeight(client: Int, value: Double)
    /// A site cost is NaN, infinite or negative.
    case invalidSiteCost(site: Int, value: Double)
    /// The number of facilities is outside 1...siteCount.
    case invalidFacilityCount(value: Int, siteCount: Int)
    /// A budget, radius or similar parameter is NaN, infinite or negative.
    case invalidParameter(name: String, value: Double)

    public var description: String {
        switch self {
        case let .invalidCost(client, site, value):
            return "cost from client \(client) to site \(site) is \(value); expected a finite number >= 0 (or +inf for not allowed)"
        case let .indexOutOfRange(client, site, clientCount, siteCount):
            return "entry (client \(client), site \(site)) outside 0..<\(clientCount) x 0..<\(siteCount)"
        case let .duplicateEntry(client, site):
            return "entry (client \(client), site \(site)) given more than once; expected each pair at most once"
        case let .shapeMismatch(expected, actual, what):
            return "\(what) has \(actual) values; expected \(expected)"
        case let .countMismatch(what, expected, actual):
            return "\(what) has \(actual) values; expected \(expected)"
        case let .invalidWeight(client, value):
            return "weight of client \(client) is \(value); expected a finite number >= 0"
        case let .invalidSiteCost(site, value):
            return "cost of site \(site) is \(value); expected a finite number >= 0"
        case let .invalidFacilityCount(value, siteCount):
            return "facility count \(value); expected 1...\(siteCount)"
        case let .invalidParameter(name, value):
            return "\(name) is \(value); expected a finite number >= 0"
        }
    }
}
