import Estate
import EstateIO
import Planning
import Quantities
import Workbook

/// The v2 outputs (FORMAT.md, "Outputs (added)"): `services.csv`, `area_services.csv`, the
/// `services_offered` and `family_hub` columns of `sites.csv`, the summary totals and the
/// terminal lines per service. Written only for scenarios with `services:`, so v1 folders keep
/// their exact bytes.
public enum ServiceTables {
    /// One row of `services.csv`: a service in a district, or its `total` row.
    public struct Row: Sendable, Equatable {
        public var service: Int
        /// District index, or nil for the county total.
        public var district: Int?
        public var population: Double
        public var weight: Double
        /// Share of the need weight covered, buildings and value-weighted outreach together.
        public var coveredShare: Double
        /// Share of the need weight reached by outreach (value-weighted).
        public var outreachShare: Double
        public var sitesOffering: Int
        /// Running the service at its sites plus its outreach (GBP/year).
        public var cost: Double
    }

    /// Every service's district rows, then its total row, services in scenario order.
    public static func rows(_ context: PlanContext) -> [Row] {
        guard let outcome = context.plan.services, let services = context.instance.services,
              let rules = context.specification.services else { return [] }
        let instance = context.instance, evaluation = outcome.evaluation
        var rows: [Row] = []
        for k in 0 ..< services.serviceCount {
            let rule = rules.services[k]
            func row(_ district: Int?) -> Row {
                var population = 0.0, weight = 0.0, covered = 0.0, reached = 0.0, outreachCost = 0.0
                for i in 0 ..< instance.areaCount where district == nil || instance.areaDistrict[i] == district {
                    let w = services.areaWeight[k][i]
                    population += services.areaPopulation[k][i]
                    weight += w
                    covered += w * (evaluation.coveredShare[k][i] + rules.outreachValue * evaluation.outreachShare[k][i])
                    reached += w * rules.outreachValue * evaluation.outreachShare[k][i]
                    outreachCost += rules.outreachCostPerPerson * services.areaPopulation[k][i] * evaluation.outreachShare[k][i]
                }
                let offering = (0 ..< instance.siteCount).filter {
                    outcome.offered[$0][k] && (district == nil || instance.siteDistrict[$0] == district)
                }.count
                return Row(service: k, district: district, population: population, weight: weight,
                           coveredShare: weight > 0 ? covered / weight : 1, outreachShare: weight > 0 ? reached / weight : 0,
                           sitesOffering: offering, cost: Double(offering) * rule.costPerSite + outreachCost)
            }
            for d in 0 ..< instance.districtCount { rows.append(row(d)) }
            rows.append(row(nil))
        }
        return rows
    }

    /// A district's services figures, the columns `districts.csv` adds for a v2 plan: what the
    /// buildings-only columns beside them cannot say (their `coverage` is the children's need in
    /// reach of any kept building, their `cost` the buildings').
    public struct DistrictRow: Sendable, Equatable {
        /// The services' weighted coverage over the district's areas, as `totals.coverage` weighs
        /// the county: `sum_k weight_k sum_i w_ik (z_ik + value o_ik) / sum_k weight_k sum_i w_ik`.
        public var serviceCoverage: Double
        /// Kept sites of the district offering every core service.
        public var familyHubs: Int
        /// Running the services at the district's kept sites, and outreach to its areas (GBP/year).
        public var serviceCost: Double
        public var outreachCost: Double
    }

    /// One row per district, in district order; empty for a plan without services.
    public static func districtRows(_ context: PlanContext) -> [DistrictRow] {
        guard let outcome = context.plan.services, let services = context.instance.services,
              let rules = context.specification.services else { return [] }
        let instance = context.instance, evaluation = outcome.evaluation
        var rows = Array(repeating: DistrictRow(serviceCoverage: 0, familyHubs: 0, serviceCost: 0, outreachCost: 0),
                         count: instance.districtCount)
        var covered = Array(repeating: 0.0, count: instance.districtCount), total = covered
        for k in 0 ..< services.serviceCount {
            let weight = rules.services[k].weight
            for i in 0 ..< instance.areaCount {
                let d = instance.areaDistrict[i], w = services.areaWeight[k][i], o = evaluation.outreachShare[k][i]
                total[d] += weight * w
                covered[d] += weight * w * (evaluation.coveredShare[k][i] + rules.outreachValue * o)
                rows[d].outreachCost += rules.outreachCostPerPerson * services.areaPopulation[k][i] * o
            }
        }
        for j in 0 ..< instance.siteCount {
            let d = instance.siteDistrict[j]
            if evaluation.familyHub[j] { rows[d].familyHubs += 1 }
            for k in 0 ..< services.serviceCount where outcome.offered[j][k] { rows[d].serviceCost += rules.services[k].costPerSite }
        }
        for d in rows.indices { rows[d].serviceCoverage = total[d] > 0 ? covered[d] / total[d] : 1 }
        return rows
    }

    /// The columns `districtRows` fills, after `districts.csv`'s own.
    static let districtHeader = ["service_coverage", "family_hubs", "service_cost", "outreach_cost"]

    /// A district's added cells, or none for a plan without services.
    static func districtCells(_ rows: [DistrictRow], district d: Int) -> [Workbook.Cell] {
        guard d < rows.count else { return [] }
        let row = rows[d]
        return [.number(row.serviceCoverage, .share), .integer(row.familyHubs), .number(row.serviceCost, .money),
                .number(row.outreachCost, .money)]
    }

    /// `services.csv`, and the workbook's "Services" sheet from the same cells.
    static func servicesTable(_ context: PlanContext) -> ReportTable {
        let codes = context.instance.services?.codes ?? []
        var table = ReportTable(name: "Services", header: ["service", "district", "population", "weight", "covered_share",
                                                            "outreach_share", "sites_offering", "cost"])
        for row in rows(context) {
            table.rows.append([.text(codes[row.service]), .text(row.district.map { context.dataset.districts[$0] } ?? "total"),
                               .number(row.population, .people), .number(row.weight, .weight),
                               .number(row.coveredShare, .share), .number(row.outreachShare, .share),
                               .integer(row.sitesOffering), .number(row.cost, .money)])
        }
        return table
    }

    /// A service table (`services.csv`, `service_equality.csv`) as a workbook sheet: the same
    /// cells, with each service's name beside its code, since a sheet is read by people while
    /// the CSV keeps FORMAT.md's columns.
    static func namedSheet(_ table: ReportTable, _ names: ServiceNames) -> ReportTable {
        guard let column = table.header.firstIndex(of: "service") else { return table }
        var named = table
        named.header.insert("service_name", at: column + 1)
        named.rows = table.rows.map { row in
            var cells = row
            cells.insert(.text(names[row[column].text]), at: column + 1)
            return cells
        }
        return named
    }

    /// `area_services.csv`: per area and service, the serving site, its minutes, the share a
    /// building covers and the share outreach reaches.
    static func areaServicesCSV(_ context: PlanContext) -> [UInt8] {
        var csv = CSVWriter(header: ["area_id", "service", "weight", "site_id", "minutes", "covered", "outreach"])
        guard let outcome = context.plan.services, let services = context.instance.services else { return csv.bytes }
        let evaluation = outcome.evaluation, dataset = context.dataset
        for (i, area) in dataset.areas.enumerated() {
            for k in 0 ..< services.serviceCount {
                csv.row([area.id, services.codes[k], Quantity.weight.text(services.areaWeight[k][i]),
                         evaluation.areaSite[k][i].map { dataset.sites[$0].id } ?? "",
                         Quantity.minutes.text(evaluation.areaMinutes[k][i]),
                         Quantity.share.text(evaluation.coveredShare[k][i]), Quantity.share.text(evaluation.outreachShare[k][i])])
            }
        }
        return csv.bytes
    }

    /// `services_offered` and `family_hub` for site `j` (sites.csv's added columns).
    static func siteCells(_ context: PlanContext, site j: Int) -> [String] {
        guard let outcome = context.plan.services else { return [] }
        let offered = outcome.codes.indices.filter { outcome.offered[j][$0] }.map { outcome.codes[$0] }
        return [offered.joined(separator: ";"), outcome.evaluation.familyHub[j] ? "true" : "false"]
    }

    /// The summary totals of a v2 plan.
    static func addTotals(_ context: PlanContext, to totals: inout PlanTotals) {
        guard let outcome = context.plan.services else { return }
        let evaluation = outcome.evaluation
        // What the budget bounds and the objectives read: buildings, services and outreach;
        // coverage weighted as max_coverage weighs the services. `saving` stays the running
        // cost of the buildings that close.
        let rules = context.specification.services!
        totals.cost = evaluation.cost
        totals.buildingCoverage = totals.coverage
        totals.coveredWeight = evaluation.objectiveValue(.maxCoverage, rules: rules)
        totals.totalWeight = zip(rules.services, evaluation.totalWeight).reduce(0) { $0 + $1.0.weight * $1.1 }
        totals.coverage = totals.totalWeight > 0 ? totals.coveredWeight / totals.totalWeight : 1
        totals.weightedMinutes = evaluation.travel.reduce(0, +)
        totals.travelWeight = evaluation.totalWeight.reduce(0, +)
        totals.familyHubs = evaluation.familyHub.filter { $0 }.count
        totals.serviceCost = evaluation.serviceCost.reduce(0, +)
        totals.outreachCost = evaluation.outreachCost.reduce(0, +)
        var perService: [String: ServiceTotals] = [:]
        for (k, code) in outcome.codes.enumerated() {
            let total = evaluation.totalWeight[k]
            perService[code] = ServiceTotals(coverage: total > 0 ? evaluation.coveredWeight[k] / total : 1,
                                             outreach: total > 0 ? evaluation.outreachWeight[k] / total : 0)
        }
        totals.services = perService
    }

    /// The terminal lines per service, by name: coverage, outreach, sites offering it, cost.
    static func consoleLines(_ context: PlanContext) -> [String] {
        guard let outcome = context.plan.services else { return [] }
        let e = outcome.evaluation
        var lines = ["", "  Family Hubs \(e.familyHub.filter { $0 }.count)"]
        let header = ["service", "covered", "outreach", "sites", "service + outreach cost"]
        var rows = [header]
        let names = context.scenario.serviceNames
        for (k, code) in outcome.codes.enumerated() {
            let total = e.totalWeight[k]
            rows.append([names[code], NumberFormat.percent(total > 0 ? e.coveredWeight[k] / total : 1),
                         NumberFormat.percent(total > 0 ? e.outreachWeight[k] / total : 0), String(e.sitesOffering[k]),
                         NumberFormat.pounds(e.serviceCost[k] + e.outreachCost[k])])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            lines.append("  " + row.indices.map { c in
                c == 0 ? row[c].padding(toLength: widths[c], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[c] - row[c].count) + row[c]
            }.joined(separator: "  "))
        }
        return lines
    }
}

/// A service's share of its need weight covered (buildings and outreach) and reached by outreach.
public struct ServiceTotals: Sendable, Equatable, Codable {
    public var coverage: Double
    public var outreach: Double
}
