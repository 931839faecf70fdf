import Foundation
import Estate
import Planning

/// The one-screen summary printed after `estate plan`: status and proof first, then what the
/// decision means per district, in the words and units of a cabinet paper.
public enum PlanConsoleSummary {
    public static func text(_ context: PlanContext) -> String {
        let plan = context.plan
        let spec = context.specification
        var lines: [String] = []
        lines.append("Estate plan: \(context.scenario.title)" + (context.scenario.name == nil ? "" : " (\(context.scenario.file))"))
        for notice in context.dataset.provenance.notices { lines.append("  NOTE: \(notice)") }
        lines.append("  objective \(spec.objective.rawValue), coverage within \(NumberFormat.decimal(spec.coverageMinutes)) minutes")
        var status = "  status \(plan.status.rawValue)"
        if let objective = plan.objective { status += ", objective \(NumberFormat.objective(objective))" }
        if let bound = plan.bound { status += ", bound \(NumberFormat.objective(bound))" }
        if let gap = plan.gap { status += ", gap \(NumberFormat.gap(gap))" }
        status += ", \(NumberFormat.decimal(plan.seconds, 3)) s"
        lines.append(status)
        let r = plan.reductions
        if let variables = r.variablesAsWritten, let constraints = r.constraintsAsWritten {
            lines.append("  model: \(r.variables) variables, \(r.constraints) constraints after reductions "
                + "(\(variables) and \(constraints) as written); \(r.areaGroups) covered-share columns, "
                + "\(r.offersTiedToSites ?? 0) offers tied to their sites")
        } else {
            lines.append("  model: \(r.variables) variables, \(r.constraints) constraints; \(r.areas) areas as \(r.areaGroups) groups, "
                + "\(r.sitesDominated) dominated and \(r.sitesFixedOpen + r.sitesFixedClosed) fixed of \(r.sites) sites")
        }
        if let message = plan.message, !plan.status.hasPlan { lines.append("  \(message)") }
        if plan.status == .feasible {
            lines.append("  \(plan.message ?? "stopped at a limit"): the best plan found, not proven optimal (see bound and gap)")
        }
        guard plan.status.hasPlan else {
            if !plan.conflicts.isEmpty {
                lines.append("  constraints in conflict:")
                for conflict in plan.conflicts {
                    lines.append("    \(conflict.constraint.rawValue): \(ConflictExplanation.sentence(for: conflict))")
                    for detail in conflict.details.prefix(5) { lines.append("      \(detail)") }
                    if conflict.details.count > 5 { lines.append("      ... and \(conflict.details.count - 5) more") }
                }
            }
            return lines.joined(separator: "\n") + "\n"
        }
        let tables = PlanTables(context)
        let t = tables.totals
        lines.append("")
        lines.append("  kept \(t.sitesKept) of \(t.sitesKept + t.sitesClosed) sites; carbon \(NumberFormat.carbon(t.carbon)) tCO2e a year "
            + "(saving \(NumberFormat.carbon(t.carbonSaving)))")
        lines.append(contentsOf: PlanCosts(t).consoleLines.map { "  " + $0 })
        let coverage = PlanCoverage(t, minutes: spec.coverageMinutes)
        var coverageLines = coverage.consoleLines
        coverageLines[coverageLines.count - 1] += "; visits displaced: \(NumberFormat.grouped(t.visitsDisplaced)) a year"
        lines.append(contentsOf: coverageLines.map { "  " + $0 })
        lines.append(contentsOf: ServiceTables.consoleLines(context))
        lines.append("")
        let header = ["district", "kept", "closed", "buildings cost", coverage.districtConsoleHeader, "median min", "worst min"]
        var rows: [[String]] = [header]
        for row in tables.districts {
            rows.append([
                context.dataset.districts[row.district], String(row.sitesKept), String(row.sitesClosed),
                NumberFormat.pounds(row.cost), NumberFormat.percent(row.coverage),
                NumberFormat.minutes(row.medianMinutes), NumberFormat.minutes(row.worstMinutes),
            ])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let cells = row.indices.map { c in
                c == 0 ? row[c].padding(toLength: widths[c], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[c] - row[c].count) + row[c]
            }
            lines.append("  " + cells.joined(separator: "  "))
        }
        lines.append(contentsOf: explanationLines(context))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Each limit's sentence, then the closed sites whose keeping would gain the most and the
    /// kept sites whose closing would lose the most (children covered; in a services plan, the
    /// objective), and whether the re-solves were cut short (the rest are in summary.json).
    static func explanationLines(_ context: PlanContext) -> [String] {
        guard let explanation = context.explanation else { return [] }
        let count = "\(explanation.resolves) re-solve\(explanation.resolves == 1 ? "" : "s") of the scenario"
        var lines = ["", "  why (\(count); \(NumberFormat.decimal(explanation.seconds, 2)) s):"]
        for effect in explanation.limits {
            lines.append("    " + ExplanationWords.sentence(effect, explanation, context))
        }
        let services = explanation.baseline.services != nil
        let measure = { (m: PlanMeasures) in services ? m.objective : m.childrenCovered }
        let base = measure(explanation.baseline)
        let change = { (effect: PlanExplanation.SiteEffect) in abs(effect.flipped.map(measure).map { $0 - base } ?? 0) }
        for kept in [false, true] {
            let chosen = explanation.sites.filter { $0.kept == kept && change($0) >= (services ? 1e-6 * max(1, abs(base)) : 0.05) }
                .sorted { (change($0), $1.site) > (change($1), $0.site) }.prefix(3)
            for effect in chosen {
                lines.append("    \(context.dataset.sites[effect.site].name) (\(kept ? "kept" : "closed")): "
                    + ExplanationWords.sentence(effect, explanation, context))
            }
        }
        if let note = ExplanationWords.cutShort(explanation) { lines.append("    " + note) }
        return lines
    }
}
