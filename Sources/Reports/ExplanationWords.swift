import Estate
import Planning

/// A `PlanExplanation` in a planner's words: one sentence per limit and one per site, written
/// once here and stored in `summary.json`, so the terminal and the report quote the same text.
public enum ExplanationWords {
    /// The sentence about `effect` (does the limit bind, what a step each way changes, and whether
    /// the plan is the same without it).
    public static func sentence(_ effect: PlanExplanation.LimitEffect, _ explanation: PlanExplanation, _ context: PlanContext) -> String {
        let objective = context.specification.objective, base = explanation.baseline
        var parts: [String] = []
        let binds = effect.binds(objective: objective, baseline: base)
        var head = name(effect.limit, effect.value, context, service: effect.service)
        if effect.limit == .outreach {
            // Outreach is an option the plan may use, not a limit: dropping it can only cost.
            if effect.without.sameDecisions { return head + ": unused (the plan reaches no one by outreach)." }
            if effect.without.wasSkipped { return head + ": not re-solved (beyond the re-solves allowed)." }
            return head + ": without it the plan " + outcome(effect.without, base, context) + "."
        }
        if effect.without.wasSkipped {
            head += binds ? ": binds" : ""
        } else if effect.without.sameDecisions {
            head += effect.without.inferred ? ": changed nothing (the plan stays optimal without it)"
                : ": changed nothing (the plan is identical without it)"
        } else if binds {
            head += ": binds"
        } else {
            head += ": does not hold the objective back"
        }
        parts.append(head)
        for (step, word) in [(effect.looser, true), (effect.tighter, false)] {
            guard let step else { continue }
            guard !step.result.wasSkipped else { continue }
            parts.append(stepName(effect.limit, from: effect.value, to: step.value, looser: word) + " "
                + outcome(step.result, base, context))
        }
        if effect.without.wasSkipped {
            parts.append("without it: not re-solved (beyond the re-solves allowed)")
        } else if !effect.without.sameDecisions {
            parts.append("without it the plan " + outcome(effect.without, base, context))
        }
        return parts.joined(separator: "; ") + "."
    }

    /// Whether the explanations stopped at their allowance of re-solves, in words; nil when complete.
    public static func cutShort(_ explanation: PlanExplanation) -> String? {
        guard !explanation.complete else { return nil }
        let allowed = explanation.allowedResolves.map { " at the \($0) re-solve\($0 == 1 ? "" : "s") allowed" } ?? ""
        return "Explanations stopped\(allowed): \(explanation.skipped) more not run (--explain-resolves allows more)."
    }

    /// The sentence about one site's decision turned the other way.
    public static func sentence(_ effect: PlanExplanation.SiteEffect, _ explanation: PlanExplanation, _ context: PlanContext) -> String {
        let base = explanation.baseline, spec = context.specification
        let site = context.dataset.sites[effect.site]
        let minutes = spec.coverageMinutes
        var parts: [String] = []
        if let flipped = effect.flipped, base.services != nil {
            let cost = flipped.cost - base.cost
            var text = effect.kept
                ? "Closing it alone (\(offers(effect.site, context))) would save \(NumberFormat.pounds(-cost)) a year"
                : "Keeping it as well, offering \(hostable(effect.site, context)), would cost \(NumberFormat.pounds(cost)) a year"
            text += " and " + (serviceChanges(flipped, base, context) ?? "change no service's coverage")
            parts.append(text + broken(flipped, base, context))
        } else if let flipped = effect.flipped {
            let children = flipped.childrenCovered - base.childrenCovered
            if effect.kept {
                var text = "Closing it alone would save \(NumberFormat.pounds(site.annualCost)) a year and "
                text += abs(children) < 0.05 ? "leave every covered child covered"
                    : "leave \(NumberFormat.grouped(-children)) children beyond \(NumberFormat.decimal(minutes)) minutes of a kept building"
                    + " (need covered \(NumberFormat.percent(base.coverage)) to \(NumberFormat.percent(flipped.coverage)))"
                parts.append(text + broken(flipped, base, context))
            } else {
                var text = "Keeping it as well would cost \(NumberFormat.pounds(site.annualCost)) a year and "
                text += abs(children) < 0.05 ? "cover no more children"
                    : "cover \(NumberFormat.grouped(children)) more children within \(NumberFormat.decimal(minutes)) minutes"
                    + " (need covered \(NumberFormat.percent(base.coverage)) to \(NumberFormat.percent(flipped.coverage)))"
                parts.append(text + broken(flipped, base, context))
            }
        }
        if let resolved = effect.resolved, !resolved.wasSkipped {
            parts.append((effect.kept ? "the best plan without it " : "the best plan that keeps it ")
                + outcome(resolved, base, context))
        }
        guard var sentence = parts.first else { return "" }
        if parts.count > 1 { sentence += "; " + parts.dropFirst().joined(separator: "; ") }
        return sentence + "."
    }

    /// The limits a plan with one decision flipped no longer meets, as a clause (", over the
    /// budget by £12,000 and below ..."), or "" when it meets them all or cannot tell.
    static func broken(_ flipped: PlanMeasures, _ base: PlanMeasures, _ context: PlanContext) -> String {
        let spec = context.specification
        var clauses: [String] = []
        for (limit, service) in ScenarioLimit.present(in: spec) {
            guard let value = limit.value(in: spec, service: service),
                  PlanExplainer.meets(limit, service: service, value, base) != false,
                  PlanExplainer.meets(limit, service: service, value, flipped) == false else { continue }
            clauses.append(limit == .budget ? "\(NumberFormat.pounds(flipped.cost - value)) over the budget"
                : "breaking \(lowercasedFirst(name(limit, value, context, service: service)))")
        }
        return clauses.isEmpty ? "" : ", " + clauses.joined(separator: " and ")
    }

    private static func lowercasedFirst(_ text: String) -> String {
        text.prefix(1).lowercased() + text.dropFirst()
    }

    /// A list of services in a sentence: named when a few, counted when many.
    static func serviceList(_ codes: [String], _ names: ServiceNames) -> String {
        switch codes.count {
        case 0: return "no service"
        case 1: return names.inSentence(codes[0])
        case 2 ... 3: return codes.dropLast().map(names.inSentence).joined(separator: ", ") + " and " + names.inSentence(codes.last!)
        default: return "\(codes.count) services"
        }
    }

    /// What kept site `j` offers in the plan ("a Family Hub with 7 services", "debt welfare").
    static func offers(_ j: Int, _ context: PlanContext) -> String {
        guard let outcome = context.plan.services else { return "" }
        let codes = outcome.codes.indices.filter { outcome.offered[j][$0] }.map { outcome.codes[$0] }
        let names = context.scenario.serviceNames
        if outcome.evaluation.familyHub[j] { return "a Family Hub offering \(serviceList(codes, names))" }
        return "offering " + serviceList(codes, names)
    }

    /// The services closed site `j` could host (what it would offer kept as well).
    static func hostable(_ j: Int, _ context: PlanContext) -> String {
        guard let services = context.instance.services else { return "" }
        return serviceList(services.codes.indices.filter { services.siteHosts[$0][j] }.map { services.codes[$0] },
                           context.scenario.serviceNames)
    }

    /// How services' coverage moves from `base` to `m`, the largest weighted moves first (at most
    /// three): a service with a district floor by the district that moves most ("raise youth
    /// activities coverage in Swale from 71.0% to 76.0%"), others county-wide; nil when none moves
    /// by 0.05 of a percentage point.
    static func serviceChanges(_ m: PlanMeasures, _ base: PlanMeasures, _ context: PlanContext, verbs: (up: String, down: String) = ("raise", "lower")) -> String? {
        guard let new = m.services, let old = base.services, let rules = context.specification.services,
              let codes = context.instance.services?.codes else { return nil }
        let names = context.instance.districtNames
        var moves: [(size: Double, text: String)] = []
        for k in codes.indices {
            var from = old.county[k], to = new.county[k], place = ""
            if rules.services[k].minDistrictCoverage != nil,
               let d = names.indices.max(by: { abs(new.district[k][$0] - old.district[k][$0]) < abs(new.district[k][$1] - old.district[k][$1]) }),
               abs(new.district[k][d] - old.district[k][d]) > abs(to - from) {
                from = old.district[k][d]; to = new.district[k][d]; place = " in \(names[d])"
            }
            guard NumberFormat.percent(from) != NumberFormat.percent(to) else { continue }
            moves.append((rules.services[k].weight * abs(to - from),
                          "\(to > from ? verbs.up : verbs.down) \(context.scenario.serviceNames.inSentence(codes[k])) coverage\(place) from "
                          + "\(NumberFormat.percent(from)) to \(NumberFormat.percent(to))"))
        }
        guard !moves.isEmpty else { return nil }
        let shown = moves.enumerated().sorted { ($0.element.size, -$0.offset) > ($1.element.size, -$1.offset) }.prefix(3).map(\.element.text)
        let hidden = moves.count - shown.count
        let more = hidden > 0 ? " (and \(hidden) more service\(hidden == 1 ? "" : "s"))" : ""
        return (shown.count == 1 ? shown[0] : shown.dropLast().joined(separator: ", ") + " and " + shown.last!) + more
    }

    /// What a re-solve gives against the plan: the objective's change, then cost and sites.
    static func outcome(_ result: PlanExplanation.Resolve, _ base: PlanMeasures, _ context: PlanContext) -> String {
        let objective = context.specification.objective, minutes = context.specification.coverageMinutes
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
        case .maxCoverage where m.services != nil:
            let changes = serviceChanges(m, base, context, verbs: ("raises", "lowers"))
            text = changes.map { "\($0) (weighted need covered \(NumberFormat.percent(base.coverage)) to \(NumberFormat.percent(m.coverage)))" }
                ?? "covers the same need"
            text += ", costs \(NumberFormat.pounds(m.cost))"
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
            text = change(m.carbon - base.carbon, NumberFormat.carbon(abs(m.carbon - base.carbon)) + " tCO2e", more: "more",
                          less: "less", verb: "emits") + ", costs \(NumberFormat.pounds(m.cost))"
        case .minSites:
            text = "costs \(NumberFormat.pounds(m.cost)), covers \(NumberFormat.percent(m.coverage))"
        case .minTravel:
            let relative = base.objective > 0 ? (m.objective - base.objective) / base.objective : 0
            text = abs(relative) < 5e-7 ? "has the same travel"
                : "has \(NumberFormat.percent(abs(relative))) \(relative > 0 ? "more" : "less") need-weighted travel time"
            text += ", costs \(NumberFormat.pounds(m.cost))"
        }
        if objective != .maxCoverage, let changes = serviceChanges(m, base, context, verbs: ("raises", "lowers")) {
            text += ", " + changes
        }
        text += " and keeps \(m.sitesKept) sites"
        if result.status != .optimal { text += " (not proven optimal)" }
        return text
    }

    private static func change(_ delta: Double, _ amount: String, more: String, less: String, verb: String) -> String {
        abs(delta) < 1e-6 ? "\(verb) the same" : "\(verb) \(amount) \(delta > 0 ? more : less)"
    }

    /// The limit as the scenario sets it, in words.
    static func name(_ limit: ScenarioLimit, _ value: Double, _ context: PlanContext, service: Int? = nil) -> String {
        if let service, let code = context.instance.services?.codes[service] {
            let what = context.scenario.serviceNames.inSentence(code)
            switch limit {
            case .minCoverage: return "At least \(NumberFormat.percent(value)) of \(what) need covered county-wide"
            case .minDistrictCoverage: return "At least \(NumberFormat.percent(value)) of \(what) need covered in every district"
            case .minDeprivedCoverage:
                return "At least \(NumberFormat.percent(value)) of the \(what) need of the most deprived "
                    + "\(NumberFormat.percent(context.scenario.constraints.deprivedShare)) of areas covered"
            default: return "A site offering \(what) within \(NumberFormat.decimal(value)) minutes of every area"
            }
        }
        switch limit {
        case .budget: return "Budget of \(NumberFormat.pounds(value)) a year"
        case .carbon: return "Carbon cap of \(NumberFormat.carbon(value)) tCO2e a year"
        case .maxSites: return "At most \(Int(value)) sites"
        case .minSites: return "At least \(Int(value)) sites"
        case .minPerDistrict: return "At least \(Int(value)) kept per district"
        case .minCoverage where context.specification.services != nil:
            return "At least \(NumberFormat.percent(value)) of the services' weighted need covered county-wide"
        case .minCoverage: return "At least \(NumberFormat.percent(value)) of need covered county-wide"
        case .minDistrictCoverage: return "At least \(NumberFormat.percent(value)) of need covered in every district"
        case .minDeprivedCoverage:
            return "At least \(NumberFormat.percent(value)) of the need of the most deprived "
                + "\(NumberFormat.percent(context.scenario.constraints.deprivedShare)) of areas covered"
        case .maxMinutes: return "A building within \(NumberFormat.decimal(value)) minutes of every area"
        case .capacity: return "Sites' capacity"
        case .familyHubs: return "At least \(Int(value)) Family Hub\(value == 1 ? "" : "s") per district"
        case .outreach: return "Outreach at \(NumberFormat.pounds(value)) a person"
        }
    }

    /// A step of `limit` from `from` to `to`, in words ("£100,000 more budget (£4,800,000)").
    static func stepName(_ limit: ScenarioLimit, from: Double, to: Double, looser: Bool) -> String {
        let delta = abs(to - from)
        switch limit {
        case .budget: return "\(NumberFormat.pounds(delta)) \(to > from ? "more" : "less") (\(NumberFormat.pounds(to)))"
        case .carbon: return "\(NumberFormat.carbon(delta)) tCO2e \(to > from ? "more" : "less") (\(NumberFormat.carbon(to)))"
        case .maxSites, .minSites: return "\(to > from ? "one more" : "one fewer") (\(Int(to)) sites)"
        case .minPerDistrict: return "\(Int(to)) per district"
        case .familyHubs: return "\(Int(to)) Family Hub\(to == 1 ? "" : "s") per district"
        case .outreach: return looser ? "more outreach" : "less outreach"
        case .minCoverage, .minDistrictCoverage, .minDeprivedCoverage:
            return "a floor one point \(to > from ? "higher" : "lower") (\(NumberFormat.percent(to)))"
        case .maxMinutes: return "\(NumberFormat.decimal(to)) minutes"
        case .capacity: return looser ? "more capacity" : "less capacity"
        }
    }
}
