import Quantities
import Batch
import Foundation
import Reports

extension PlanFrontier {
    /// The labels of a frontier point: `knee`, and `scenario` when the scenario's own
    /// plan lands on it.
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

    /// `frontier.csv`: one row per non-dominated point (x ascending), then the scenario's
    /// own plan (`kind` = `scenario`). Columns: `kind,epsilon,x_<x>,y_<y>,status,objective,
    /// bound,gap,sites_kept,cost,saving,carbon,coverage,mean_minutes,kept_sites,label`;
    /// numbers rounded to their `Quantity`'s precision, kept sites `;`-separated.
    public func csv() -> String {
        var header = ["kind", "epsilon", "x_" + x.rawValue, "y_" + y.rawValue]
        header += ["status", "objective", "bound", "gap", "sites_kept", "cost", "saving", "carbon", "coverage",
                   "mean_minutes", "kept_sites", "label"]
        var lines = [header.joined(separator: ",")]
        func row(_ kind: String, _ point: FrontierPoint<FrontierPlan>, _ label: String) -> String {
            let plan = point.payload, totals = plan.totals
            let cells = [
                kind, x.quantity.text(point.epsilon), x.quantity.text(point.x), y.quantity.text(point.y),
                plan.status.rawValue, Quantity.objective.text(plan.objective), Quantity.objective.text(plan.bound),
                Quantity.gap.text(plan.gap), String(totals.sitesKept), Quantity.money.text(totals.cost),
                Quantity.money.text(totals.saving), Quantity.carbon.text(totals.carbon),
                Quantity.share.text(totals.coverage), Quantity.minutes.text(FrontierCriterion.travel.value(totals)),
                plan.keptSites.joined(separator: ";"), label,
            ]
            return cells.map(cell).joined(separator: ",")
        }
        for point in points { lines.append(row("frontier", point, labels(of: point).joined(separator: ";"))) }
        if let own = scenarioPoint { lines.append(row("scenario", own, "scenario")) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `frontier.svg`: the frontier with the knee and the scenario's own plan labelled.
    /// The scenario's point is drawn only when no frontier point dominates it (a
    /// dominated point would bend the frontier line); the CSV always has it.
    public func svg(title: String) -> String {
        var points = points.map { point in
            let labels = labels(of: point)
            return FrontierPlot.Point(x: point.x, y: point.y, label: labels.isEmpty ? nil : labels.joined(separator: ", "))
        }
        if let own = scenarioPoint, !scenarioOnFrontier, scenarioIsNondominated {
            points.append(FrontierPlot.Point(x: own.x, y: own.y, label: "scenario"))
        }
        return FrontierPlot(title: title, xTitle: x.title, yTitle: y.title).svg(points)
    }

    /// One RFC 4180 cell: quoted when it holds a comma, quote or line break.
    private func cell(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

}
