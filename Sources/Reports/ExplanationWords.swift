import Estate
import Planning

/// A `PlanExplanation` in a planner's words: one sentence per limit and one per site, written
/// once here and stored in `summary.json`, so the terminal and the report quote the same text.
public enum ExplanationWords {
    /// The sentence about `effect` (does the limit bind, what a step each way changes, and whether
    /// the plan is the same without it).
    public static func sentence(_ effect: PlanExplanation.LimitEffect, _ explanation: PlanExplanation, _ context: PlanContext) -> String {
        let objective = context.specification.objective, base = explanation.baseline
        let minutes = context.specification.coverageMinutes
        var parts: [String] = []
        let binds = effect.binds(objective: objective, baseline: base)
        var head = name(effect.limit, effect.value, context)
        if effect.without.sameDecisions {
            head += ": changed nothing (the plan is identical without it)"
        } else if binds {
            head += ": binds"
        } else {
            head += ": does not hold the objective back"
        }
        parts.append(head)
        for (step, word) in [(effect.looser, true), (effect.tighter, false)] {
            guard let step else { continue }
            parts.append(stepName(effect.limit, from: effect.value, to: step.value, looser: word) + " "
                + outcome(step.result, base, objective: objective, minutes: minutes))
        }
        if !effect.without.sameDecisions {
            parts.append("without it the plan " + outcome(effect.without, base, objective: objective, minutes: minutes))
        }
        return parts.joined(separator: "; ") + "."
    }

    /// The sentence about one site's decision turned the other way.
    public static func sentence(_ effect: PlanExplanation.SiteEffect, _ explanation: PlanExplanation, _ context: PlanContext) -> String {
        let base = explanation.baseline, spec = context.specification
        let site = context.dataset.sites[effect.site]
        let minutes = spec.coverageMinutes
        var parts: [String] = []
        if let flipped = effect.flipped {
            let children = flipped.childrenCovered - base.childrenCovered
            if effect.kept {
                var text = "Closing it alone would save \(NumberFormat.pounds(site.annualCost)) a year and "
                text += abs(children) < 0.05 ? "leave every covered child covered"
                    : "leave \(NumberFormat.grouped(-children)) children beyond \(NumberFormat.decimal(minutes)) minutes of a kept building"
                    + " (need covered \(NumberFormat.percent(base.coverage)) to \(NumberFormat.percent(flipped.coverage)))"
                parts.append(text)
            } else {
                var text = "Keeping it as well would cost \(NumberFormat.pounds(site.annualCost)) a year and "
                text += abs(children) < 0.05 ? "cover no more children"
                    : "cover \(NumberFormat.grouped(children)) more children within \(NumberFormat.decimal(minutes)) minutes"
                    + " (need covered \(NumberFormat.percent(base.coverage)) to \(NumberFormat.percent(flipped.coverage)))"
                if let budget = spec.constraints.budget, flipped.cost > budget + 0.005 {
                    text += ", \(NumberFormat.pounds(flipped.cost - budget)) over the budget"
                }
                parts.append(text)
            }
        }
        if let resolved = effect.resolved {
            parts.append((effect.kept ? "the best plan without it " : "the best plan that keeps it ")
                + outcome(resolved, base, objective: spec.objective, minutes: minutes))
        }
        guard var sentence = parts.first else { return "" }
        if parts.count > 1 { sentence += "; " + parts.dropFirst().joined(separator: "; ") }
        return sentence + "."
    }

    /// What a re-solve gives against the plan: the objective's change, then cost and sites.
    static func outcome(_ result: PlanExplanation.Resolve, _ base: PlanMeasures, objective: Objective, minutes: Double) -> String {
        guard let m = result.measures else {
            switch result.status {
            case .infeasible: return "has no plan that meets every constraint"
            case .timeLimit: return "was not solved within the time limit"
            default: return "could not be solved (\(result.status.rawValue))"
            }
        }
        if result.sameDecisions { return "is the same plan" }
        var text: String
        switch objective {
        case .maxCoverage:
            let children = m.childrenCovered - base.childrenCovered
            text = abs(m.coverage - base.coverage) < 5e-7 && abs(children) < 0.05 ? "covers the same need"
                : "covers \(NumberFormat.grouped(abs(children))) \(children >= 0 ? "more" : "fewer") children within "
                + "\(NumberFormat.decimal(minutes)) minutes (need covered \(NumberFormat.percent(m.coverage)))"
            text += ", costs \(NumberFormat.pounds(m.cost))"
        case .minCost:
            text = change(m.cost - base.cost, NumberFormat.pounds(abs(m.cost - base.cost)), more: "more", less: "less", verb: "costs")
                + " (\(NumberFormat.pounds(m.cost)) a year), covers \(NumberFormat.percent(m.coverage))"
        case .minCarbon:
            text = change(m.carbon - base.carbon, NumberFormat.decimal(abs(m.carbon - base.carbon), 1) + " tCO2e", more: "more",
                          less: "less", verb: "emits") + ", costs \(NumberFormat.pounds(m.cost))"
        case .minSites:
            text = "costs \(NumberFormat.pounds(m.cost)), covers \(NumberFormat.percent(m.coverage))"
        case .minTravel:
            let relative = base.objective > 0 ? (m.objective - base.objective) / base.objective : 0
            text = abs(relative) < 5e-7 ? "has the same travel"
                : "has \(NumberFormat.percent(abs(relative))) \(relative > 0 ? "more" : "less") need-weighted travel time"
            text += ", costs \(NumberFormat.pounds(m.cost))"
        }
        text += " and keeps \(m.sitesKept) sites"
        if result.status != .optimal { text += " (not proven optimal)" }
        return text
    }

    private static func change(_ delta: Double, _ amount: String, more: String, less: String, verb: String) -> String {
        abs(delta) < 1e-6 ? "\(verb) the same" : "\(verb) \(amount) \(delta > 0 ? more : less)"
    }

    /// The limit as the scenario sets it, in words.
    static func name(_ limit: ScenarioLimit, _ value: Double, _ context: PlanContext) -> String {
        switch limit {
        case .budget: return "Budget of \(NumberFormat.pounds(value)) a year"
        case .carbon: return "Carbon cap of \(NumberFormat.decimal(value, 1)) tCO2e a year"
        case .maxSites: return "At most \(Int(value)) sites"
        case .minSites: return "At least \(Int(value)) sites"
        case .minPerDistrict: return "At least \(Int(value)) kept per district"
        case .minCoverage: return "At least \(NumberFormat.percent(value)) of need covered county-wide"
        case .minDistrictCoverage: return "At least \(NumberFormat.percent(value)) of need covered in every district"
        case .minDeprivedCoverage:
            return "At least \(NumberFormat.percent(value)) of the need of the most deprived "
                + "\(NumberFormat.percent(context.scenario.constraints.deprivedShare)) of areas covered"
        case .maxMinutes: return "A building within \(NumberFormat.decimal(value)) minutes of every area"
        case .capacity: return "Sites' capacity"
        }
    }

    /// A step of `limit` from `from` to `to`, in words ("£100,000 more budget (£4,800,000)").
    static func stepName(_ limit: ScenarioLimit, from: Double, to: Double, looser: Bool) -> String {
        let delta = abs(to - from)
        switch limit {
        case .budget: return "\(NumberFormat.pounds(delta)) \(to > from ? "more" : "less") (\(NumberFormat.pounds(to)))"
        case .carbon: return "\(NumberFormat.decimal(delta, 1)) tCO2e \(to > from ? "more" : "less") (\(NumberFormat.decimal(to, 1)))"
        case .maxSites, .minSites: return "\(to > from ? "one more" : "one fewer") (\(Int(to)) sites)"
        case .minPerDistrict: return "\(Int(to)) per district"
        case .minCoverage, .minDistrictCoverage, .minDeprivedCoverage:
            return "a floor one point \(to > from ? "higher" : "lower") (\(NumberFormat.percent(to)))"
        case .maxMinutes: return "\(NumberFormat.decimal(to)) minutes"
        case .capacity: return looser ? "more capacity" : "less capacity"
        }
    }
}
