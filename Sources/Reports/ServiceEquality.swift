import Estate
import EstateIO
import EstateMap
import Planning

/// The equality-impact tables of each service of a v2 plan (`service_equality.csv`, the
/// workbook's "Service equality" sheet, the report's services section): the same groups and
/// columns as `equality.csv` (all areas, deprivation deciles, most deprived 10% and 20%,
/// districts; decile ranks are the plan's), computed for one service at a time:
/// - population: the service's population column, not `children`;
/// - covered: the share a kept building offering the service covers plus `value` x the share
///   outreach reaches, as `services.csv` counts it;
/// - minutes: to the kept site serving the area for that service; unreachable areas have none;
/// - visits: the service's usage figures; displaced when their site closes or stops offering it.
public enum ServiceEquality {
    /// `equality.csv`'s header with the service first and `children` read as the service's population.
    public static let csvHeader = ["service"] + EqualityRow.csvHeader.map {
        $0 == "children" ? "population" : $0 == "children_covered" ? "population_covered" : $0
    }

    /// Each area's outcome for service `k` of the plan.
    static func areas(_ context: PlanContext, service k: Int) -> [EqualityArea] {
        guard let outcome = context.plan.services, let services = context.instance.services,
              let rules = context.specification.services else { return [] }
        let dataset = context.dataset, evaluation = outcome.evaluation, code = outcome.codes[k]
        var visits = Array(repeating: 0.0, count: dataset.areas.count)
        var displaced = Array(repeating: 0.0, count: dataset.areas.count)
        for record in dataset.usage where record.service == code {
            visits[record.area] += record.visits
            if !outcome.offered[record.site][k] { displaced[record.area] += record.visits }
        }
        return dataset.areas.indices.map { i in
            let share = min(1, evaluation.coveredShare[k][i] + rules.outreachValue * evaluation.outreachShare[k][i])
            return EqualityArea(
                id: dataset.areas[i].id, district: dataset.districts[dataset.areas[i].district],
                deprivationScore: context.deprivation.scores[i], children: services.areaPopulation[k][i],
                weight: services.areaWeight[k][i], minutes: evaluation.areaMinutes[k][i], covered: share >= 1 - 1e-9,
                visits: visits[i], visitsDisplaced: displaced[i], coveredShare: share)
        }
    }

    /// The rows of every service, services in scenario order, each as `csvHeader` fields.
    public static func rows(_ context: PlanContext) throws -> [[String]] {
        guard let outcome = context.plan.services else { return [] }
        return try outcome.codes.indices.flatMap { k in
            try EqualityImpact.table(areas(context, service: k)).map { [outcome.codes[k]] + $0.csvFields }
        }
    }

    /// `service_equality.csv`.
    static func csv(_ context: PlanContext) throws -> [UInt8] {
        var writer = CSVWriter(header: csvHeader)
        for row in try rows(context) { writer.row(row) }
        return writer.bytes
    }

    /// The workbook sheet, numbers typed as in the "Equality" sheet.
    static func table(_ context: PlanContext) throws -> ReportTable {
        var quantities = PlanWorkbook.equalityQuantities
        quantities["population"] = quantities["children"]
        quantities["population_covered"] = quantities["children_covered"]
        return ReportTable.parsing(try rows(context), name: "Service equality", header: csvHeader, quantities: quantities,
                                   integers: PlanWorkbook.equalityCounts)
    }
}
