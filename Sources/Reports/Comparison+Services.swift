import Estate
import Workbook
import Quantities

/// `estate compare` on plans with services (v2): each service's coverage, outreach, sites and
/// cost side by side, county and district, from each plan's `services.csv`; and a line per
/// service in the terminal table. Nothing here for options without services.
extension Comparison {
    /// The service codes of the options, first option's order first; empty when none has services.
    var serviceCodes: [String] {
        var codes: [String] = []
        for option in options {
            for row in option.services?.coverage.rows ?? [] where !codes.contains(row[0]) { codes.append(row[0]) }
        }
        return codes
    }

    /// What the options call service `code`: the first option's name for it that recorded one.
    func serviceName(_ code: String) -> String {
        (options.first { $0.summary.serviceNames.byCode[code] != nil }?.summary.serviceNames ?? ServiceNames())[code]
    }

    /// `services.csv` of the comparison: one row per service and district (and its `total`),
    /// each measure with one column per option; blank where an option lacks the row.
    func servicesTable() -> ReportTable? {
        let codes = serviceCodes
        guard !codes.isEmpty else { return nil }
        let measures: [(name: String, quantity: Quantity?)] = [("covered_share", .share), ("outreach_share", .share),
                                                              ("sites_offering", nil), ("cost", .money)]
        var table = ReportTable(name: "Services", header: ["service", "district"]
            + measures.flatMap { measure in options.map { "\(measure.name):\($0.name)" } })
        var keys: [[String]] = []
        for option in options {
            guard let text = option.services?.coverage, let district = text.header.firstIndex(of: "district") else { continue }
            for row in text.rows where !keys.contains([row[0], row[district]]) { keys.append([row[0], row[district]]) }
        }
        keys.sort { (codes.firstIndex(of: $0[0])!, $0[1] == "total" ? 1 : 0, $0[1]) < (codes.firstIndex(of: $1[0])!, $1[1] == "total" ? 1 : 0, $1[1]) }
        for key in keys {
            var cells: [Workbook.Cell] = [.text(key[0]), .text(key[1])]
            for measure in measures {
                for option in options {
                    var value: Double?
                    if let text = option.services?.coverage, let d = text.header.firstIndex(of: "district"),
                       let m = text.header.firstIndex(of: measure.name),
                       let row = text.rows.first(where: { $0[0] == key[0] && $0[d] == key[1] }) {
                        value = Double(row[m])
                    }
                    if let quantity = measure.quantity { cells.append(.number(value, quantity)) }
                    else { cells.append(value.map { .integer(Int($0)) } ?? .empty) }
                }
            }
            table.rows.append(cells)
        }
        return table
    }

    /// Terminal lines: each service's coverage (and outreach, when any option uses it) per option.
    func serviceConsoleRows() -> [[String]] {
        serviceCodes.map { code in
            ["\(serviceName(code)) covered"] + options.map { option in
                guard let totals = option.summary.totals.services?[code] else { return "-" }
                return NumberFormat.percent(totals.coverage) + (totals.outreach > 0 ? " (" + NumberFormat.percent(totals.outreach) + " outreach)" : "")
            }
        }
    }
}

/// How one service's provision in one district differs between the first option (A) and
/// another (B): the district loses every building offering it, gains one where it had none, or
/// keeps some but at other buildings. Read from each plan's `sites.csv` (`services_offered`) and
/// `services.csv` (the district's covered share), so a difference map or report can say which
/// services move or are lost where, not only which buildings close.
public struct ServiceShift: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case lost, moved, gained
    }

    public var district: String
    public var service: String
    public var kind: Kind
    /// Names of the district's buildings offering the service under A but not under B, and the reverse.
    public var stopsAt: [String]
    public var startsAt: [String]
    /// The service's covered share in the district under A and B (nil where a plan has no row).
    public var coveredA: Double?
    public var coveredB: Double?
}

extension Comparison {
    /// Every service whose buildings differ in some district between option A and option `k`,
    /// by district (alphabetical) then service (the options' order); empty for buildings-only options.
    public func serviceShifts(_ k: Int) -> [ServiceShift] {
        let codes = serviceCodes
        guard !codes.isEmpty else { return [] }
        func covered(_ option: PlanRecord, _ code: String, _ district: String) -> Double? {
            guard let text = option.services?.coverage, let d = text.header.firstIndex(of: "district"),
                  let c = text.header.firstIndex(of: "covered_share"),
                  let row = text.rows.first(where: { $0[0] == code && $0[d] == district }) else { return nil }
            return Double(row[c])
        }
        var shifts: [ServiceShift] = []
        for district in districts {
            let indices = sites[0].indices.filter { sites[0][$0].district == district }
            for code in codes {
                let offeringA = indices.filter { sites[0][$0].servicesOffered?.contains(code) ?? false }
                let offeringB = indices.filter { sites[k][$0].servicesOffered?.contains(code) ?? false }
                guard offeringA != offeringB else { continue }
                let kind: ServiceShift.Kind = offeringB.isEmpty ? .lost : offeringA.isEmpty ? .gained : .moved
                shifts.append(ServiceShift(
                    district: district, service: code, kind: kind,
                    stopsAt: offeringA.filter { !offeringB.contains($0) }.map { sites[0][$0].name },
                    startsAt: offeringB.filter { !offeringA.contains($0) }.map { sites[k][$0].name },
                    coveredA: covered(options[0], code, district), coveredB: covered(options[k], code, district)))
            }
        }
        return shifts
    }

    /// The shifts of option `k` as a table for the difference map's page and the report.
    func serviceShiftTable(_ k: Int) -> (header: [String], rows: [[String]])? {
        let shifts = serviceShifts(k)
        guard !serviceCodes.isEmpty else { return nil }
        let a = options[0].name, b = options[k].name
        let words: [ServiceShift.Kind: String] = [.lost: "no building offers it in \(b)", .moved: "moves to other buildings",
                                                  .gained: "offered in \(b), not in \(a)"]
        return (["District", "Service", "Change", "Stops at", "Starts at", "Covered \(a)", "Covered \(b)"],
                shifts.map { s in
                    [s.district, serviceName(s.service), words[s.kind]!, s.stopsAt.joined(separator: "; "), s.startsAt.joined(separator: "; "),
                     s.coveredA.map(NumberFormat.percent) ?? "-", s.coveredB.map(NumberFormat.percent) ?? "-"]
                })
    }

    /// Terminal lines for option `k`: per district, the services lost, moved and gained.
    func serviceShiftLines(_ k: Int) -> [String] {
        let shifts = serviceShifts(k)
        guard !shifts.isEmpty else { return [] }
        var lines = ["  services in \(options[k].name) against \(options[0].name), by district:"]
        for district in districts {
            let here = shifts.filter { $0.district == district }
            guard !here.isEmpty else { continue }
            let parts = [ServiceShift.Kind.lost, .moved, .gained].compactMap { kind -> String? in
                let names = here.filter { $0.kind == kind }.map { serviceName($0.service) }
                return names.isEmpty ? nil : "\(kind.rawValue) " + names.joined(separator: ", ")
            }
            lines.append("    \(district): " + parts.joined(separator: "; "))
        }
        return lines
    }
}
