import EstateMap
import Planning
import Quantities
import Workbook

/// A plan as a workbook (`estate.xlsx`) for analysts and finance colleagues: a summary sheet,
/// then the same districts, sites, areas and equality tables as the plan's CSV files, cell for
/// cell, with numbers as numbers in their formats and frozen header rows.
public enum PlanWorkbook {
    /// The columns of `equality.csv` and their quantities (the table is built as text by the map module).
    static let equalityQuantities: [String: Quantity] = [
        "children": .people, "children_covered": .people, "coverage": .share, "weight": .weight,
        "weight_covered": .weight, "weight_coverage": .share, "median_minutes": .minutes, "mean_minutes": .minutes,
        "worst_minutes": .minutes, "visits": .visits, "visits_displaced": .visits, "displaced_share": .share,
    ]
    static let equalityCounts: Set<String> = ["areas", "unreachable_areas"]

    /// `extra`: further tables of the plan (the capacity tables), as sheets after the others.
    static func workbook(_ context: PlanContext, _ tables: PlanTables, extra: [ReportTable] = []) throws -> Workbook {
        let equality = try EqualityImpact.table(PlanEquality.areas(context)).map(\.csvFields)
        return Workbook(sheets: [
            summarySheet(context, tables.totals),
            PlanFiles.districtsTable(context, tables).sheet,
            PlanFiles.sitesTable(context, tables).sheet,
            PlanFiles.areasTable(context).sheet,
            ReportTable.parsing(equality, name: "Equality", header: EqualityRow.csvHeader, quantities: equalityQuantities,
                                integers: equalityCounts).sheet,
        ] + extra.map(\.sheet))
    }

    /// The headline figures of `summary.json`, one per row, each in its unit.
    static func summarySheet(_ context: PlanContext, _ t: PlanTotals) -> Workbook.Sheet {
        let plan = context.plan, scenario = context.scenario
        var rows: [[Workbook.Cell]] = [
            [.text("option"), .text(scenario.title)],
            [.text("description"), scenario.description.map { .text($0) } ?? .empty],
            [.text("scenario file"), .text(scenario.file)],
            [.text("status"), .text(plan.status.rawValue)],
            [.text("objective (\(context.specification.objective.rawValue))"), .number(plan.objective, .objective)],
            [.text("bound"), .number(plan.bound, .objective)],
            [.text("gap"), .number(plan.gap, .gap)],
            [.text("solve seconds"), .number(plan.seconds, .seconds)],
            [.text("coverage minutes"), .number(context.specification.coverageMinutes, .minutes)],
            [.text("sites kept"), .integer(t.sitesKept)],
            [.text("sites closed"), .integer(t.sitesClosed)],
        ] + PlanCosts(t).items.map { [.text($0.label + " (GBP a year)"), .number($0.value, .money)] } + [
            [.text("carbon (tCO2e a year)"), .number(t.carbon, .carbon)],
            [.text("carbon saving (tCO2e a year)"), .number(t.carbonSaving, .carbon)],
        ] + PlanCoverage(t, minutes: context.specification.coverageMinutes).shares.map { [.text($0.label), .number($0.share, .share)] } + [
            [.text("visits displaced a year"), .number(t.visitsDisplaced, .visits)],
        ]
        for notice in context.dataset.provenance.notices { rows.append([.text("note"), .text(notice)]) }
        return Workbook.Sheet(name: "Summary", header: ["item", "value"], rows: rows)
    }
}
