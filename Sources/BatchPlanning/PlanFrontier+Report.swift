import Quantities
import Batch
import Estate
import Foundation
import Reports
import Workbook

extension PlanFrontier {
    /// The labels of a frontier point in `frontier.csv`: `knee`, and `scenario` when the
    /// scenario's own plan lands on it.
    func labels(of point: FrontierPoint<FrontierPlan>) -> [String] {
        var labels: [String] = []
        if let own = scenarioPoint, own.x == point.x, own.y == point.y { labels.append("scenario") }
        if let knee, knee.x == point.x, knee.y == point.y { labels.append("knee") }
        return labels
    }

    /// Whether the scenario's point coincides with a frontier point.
    private var scenarioOnFrontier: Bool {
        points.contains { labels(of: $0).contains("scenario") }
    }

    /// The frontier as typed cells, written both as `frontier.csv` and as the workbook's
    /// Frontier sheet: one row per non-dominated point (x ascending), then the scenario's own
    /// plan (`kind` = `scenario`) and today's estate, every building kept (`kind` = `today`).
    /// Columns: `kind,epsilon,x_<x>,y_<y>,status,objective,bound,gap,sites_kept,cost,saving,
    /// carbon,coverage,mean_minutes,kept_sites,label`; numbers at their `Quantity`'s precision,
    /// kept sites `;`-separated.
    public func table() -> ReportTable {
        var header = ["kind", "epsilon", "x_" + x.rawValue, "y_" + y.rawValue]
        header += ["status", "objective", "bound", "gap", "sites_kept", "cost", "saving", "carbon", "coverage",
                   "mean_minutes", "kept_sites", "label"]
        var table = ReportTable(name: "Frontier", header: header)
        func row(_ kind: String, _ point: FrontierPoint<FrontierPlan>, _ label: String) -> [Workbook.Cell] {
            let plan = point.payload, totals = plan.totals
            return [
                .text(kind), .number(point.epsilon, x.quantity), .number(point.x, x.quantity), .number(point.y, y.quantity),
                .text(plan.status.rawValue), .number(plan.objective, .objective), .number(plan.bound, .objective),
                .number(plan.gap, .gap), .integer(totals.sitesKept), .number(totals.cost, .money),
                .number(totals.saving, .money), .number(totals.carbon, .carbon), .number(totals.coverage, .share),
                .number(FrontierCriterion.travel.value(totals), .minutes), .text(plan.keptSites.joined(separator: ";")),
                label.isEmpty ? .empty : .text(label),
            ]
        }
        for point in points { table.rows.append(row("frontier", point, labels(of: point).joined(separator: ";"))) }
        if let own = scenarioPoint { table.rows.append(row("scenario", own, "scenario")) }
        if let today { table.rows.append(row("today", today, "every building kept")) }
        return table
    }

    /// `frontier.csv`: `table()` as CSV.
    public func csv() -> String { String(decoding: table().csv, as: UTF8.self) }

    /// `frontier.xlsx`: the same cells as `frontier.csv` on a Frontier sheet, numbers as numbers
    /// in their units' formats, after a Summary sheet naming the option and its notices.
    public func workbook(title: String, provenance: DatasetProvenance) throws -> [UInt8] {
        var summary: [[Workbook.Cell]] = [
            [.text("option"), .text(title)],
            [.text("optimised (y)"), .text(y.title)],
            [.text("bounded (x)"), .text(x.title)],
            [.text("frontier points"), .integer(points.count)],
            [.text("solves"), .integer(solves)],
        ]
        if let today {
            summary.append([.text("today's estate: annual cost (GBP)"), .number(today.payload.totals.cost, .money)])
            summary.append([.text(todayIsCeiling ? "today's estate: need covered (the ceiling)" : "today's estate: need covered"),
                            .number(today.payload.totals.coverage, .share)])
        }
        for notice in provenance.notices { summary.append([.text("note"), .text(notice)]) }
        return try Workbook(sheets: [Workbook.Sheet(name: "Summary", header: ["item", "value"], rows: summary), table().sheet]).xlsx()
    }

    /// A point's caption: its cost, coverage and buildings kept, whatever the axes.
    static func caption(_ totals: PlanTotals) -> String {
        "\(Quantity.money.display(totals.cost)), \(Quantity.share.display(totals.coverage)), \(totals.sitesKept) sites"
    }

    /// `frontier.svg`: the frontier in pounds and percentages, titled `title` (the scenario's
    /// name and the two criteria), every point captioned with its cost, coverage and sites where
    /// the caption fits, the scenario's own plan and today's estate (every building kept) named,
    /// and the coverage ceiling (today's coverage: no plan covers more; not drawn when outreach
    /// may pass it) as a dashed line. The
    /// scenario's point is drawn only when no frontier point dominates it (a dominated point
    /// would bend the frontier line); the CSV always has it.
    public func svg(title: String) -> String {
        var drawn = points.map { point in
            FrontierPlot.Point(x: point.x, y: point.y, label: labels(of: point).contains("scenario") ? "this scenario" : nil,
                               note: Self.caption(point.payload.totals))
        }
        if let own = scenarioPoint, !scenarioOnFrontier, scenarioIsNondominated {
            drawn.append(FrontierPlot.Point(x: own.x, y: own.y, label: "this scenario", note: Self.caption(own.payload.totals)))
        }
        var guides: [FrontierPlot.Guide] = []
        if let today {
            drawn.append(FrontierPlot.Point(x: today.x, y: today.y, label: "today: every building kept",
                                            note: Self.caption(today.payload.totals), marker: .reference))
        }
        if let today, todayIsCeiling {
            let ceiling = today.payload.totals.coverage
            let text = "coverage ceiling \(Quantity.share.display(ceiling)): no plan covers more"
            if y == .coverage { guides.append(.init(axis: .y, value: ceiling, label: text)) }
            if x == .coverage { guides.append(.init(axis: .x, value: ceiling, label: text)) }
        }
        var plot = FrontierPlot(title: title, xTitle: x.title, yTitle: y.title)
        plot.xQuantity = x.quantity
        plot.yQuantity = y.quantity
        plot.width = 960
        plot.height = 600
        return plot.svg(drawn, guides: guides)
    }

    /// `frontier.json` (`FrontierSummary`) for this frontier of `scenario`.
    public func summaryJSON(scenario: Scenario, provenance: DatasetProvenance) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(FrontierSummary(
            name: scenario.title, description: scenario.description, scenarioFile: scenario.file, x: x.rawValue, y: y.rawValue,
            xTitle: x.title, yTitle: y.title, coverageMinutes: scenario.coverageMinutes, datasetProvenance: provenance,
            todayIsCeiling: todayIsCeiling))) + [0x0A]
    }
}
