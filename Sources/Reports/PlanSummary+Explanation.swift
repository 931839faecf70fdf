import Estate
import Planning

/// `summary.json`'s `explanations`: every re-solve's figures, each limit's and site's sentence
/// (the text the terminal and the report quote), and how the figures were found.
struct ExplanationJSON: Encodable {
    var explanation: PlanExplanation
    var context: PlanContext

    enum Keys: String, CodingKey {
        case method, siteMethod = "site_method", resolves, allowedResolves = "allowed_resolves", complete
        case skippedResolves = "skipped_resolves", note, baseline, everySiteKept = "every_site_kept", limits, sites
    }
    enum LimitKeys: String, CodingKey {
        case constraint, service, value, binds, changedNothing = "changed_nothing", looser, tighter, without, sentence
    }
    enum SiteKeys: String, CodingKey { case siteID = "site_id", name, decision, flipped, resolved, sentence }
    enum ResolveKeys: String, CodingKey {
        case value, status, sameDecisions = "same_decisions", inferred, objective, cost, carbon, sitesKept = "sites_kept", coverage
        case childrenCovered = "children_covered", serviceCoverage = "service_coverage", familyHubs = "family_hubs"
    }

    static let method = "each figure is the difference between this plan and the scenario re-planned with one thing changed "
        + "(a limit moved by a step or dropped; a site forced the other way), or for plan_fixed_except_site this plan with "
        + "only that site's decision flipped; an inferred figure needed no solve: the plan meets the changed limit and a "
        + "scenario allowing at least as much has it as its optimum; skipped re-solves were beyond the allowed count"

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(Self.method, forKey: .method)
        try c.encode(explanation.siteMethod.rawValue, forKey: .siteMethod)
        // A count, not seconds: the same inputs give the same explanations byte for byte (the
        // re-solves' time is the run's `phases.explain_s`).
        try c.encode(explanation.resolves, forKey: .resolves)
        try c.encodeIfPresent(explanation.allowedResolves, forKey: .allowedResolves)
        try c.encode(explanation.complete, forKey: .complete)
        try c.encode(explanation.skipped, forKey: .skippedResolves)
        try c.encodeIfPresent(ExplanationWords.cutShort(explanation), forKey: .note)
        let codes = context.instance.services?.codes ?? []
        var base = c.nestedContainer(keyedBy: ResolveKeys.self, forKey: .baseline)
        try Self.encode(explanation.baseline, into: &base, codes: codes)
        var every = c.nestedContainer(keyedBy: ResolveKeys.self, forKey: .everySiteKept)
        try Self.encode(explanation.everySiteKept, into: &every, codes: codes)
        var limits = c.nestedUnkeyedContainer(forKey: .limits)
        let objective = context.specification.objective
        for effect in explanation.limits {
            var l = limits.nestedContainer(keyedBy: LimitKeys.self)
            try l.encode(effect.limit.key(service: effect.service, codes: codes), forKey: .constraint)
            try l.encodeIfPresent(effect.service.map { codes[$0] }, forKey: .service)
            try l.encode(effect.value, forKey: .value)
            try l.encode(effect.binds(objective: objective, baseline: explanation.baseline), forKey: .binds)
            try l.encode(effect.without.sameDecisions, forKey: .changedNothing)
            for (step, key) in [(effect.looser, LimitKeys.looser), (effect.tighter, .tighter)] {
                guard let step else { continue }
                var s = l.nestedContainer(keyedBy: ResolveKeys.self, forKey: key)
                try s.encode(step.value, forKey: .value)
                try Self.encode(step.result, into: &s, codes: codes)
            }
            var w = l.nestedContainer(keyedBy: ResolveKeys.self, forKey: .without)
            try Self.encode(effect.without, into: &w, codes: codes)
            try l.encode(ExplanationWords.sentence(effect, explanation, context), forKey: .sentence)
        }
        var sites = c.nestedUnkeyedContainer(forKey: .sites)
        for effect in explanation.sites {
            let site = context.dataset.sites[effect.site]
            var s = sites.nestedContainer(keyedBy: SiteKeys.self)
            try s.encode(site.id, forKey: .siteID)
            try s.encode(site.name, forKey: .name)
            try s.encode(effect.kept ? "kept" : "closed", forKey: .decision)
            if let flipped = effect.flipped {
                var f = s.nestedContainer(keyedBy: ResolveKeys.self, forKey: .flipped)
                try Self.encode(flipped, into: &f, codes: codes)
            }
            if let resolved = effect.resolved {
                var r = s.nestedContainer(keyedBy: ResolveKeys.self, forKey: .resolved)
                try Self.encode(resolved, into: &r, codes: codes)
            }
            try s.encode(ExplanationWords.sentence(effect, explanation, context), forKey: .sentence)
        }
    }

    static func encode(_ result: PlanExplanation.Resolve, into c: inout KeyedEncodingContainer<ResolveKeys>, codes: [String]) throws {
        try c.encode(result.wasSkipped ? "skipped" : result.status.rawValue, forKey: .status)
        try c.encode(result.sameDecisions, forKey: .sameDecisions)
        if result.inferred { try c.encode(true, forKey: .inferred) }
        if let m = result.measures { try encode(m, into: &c, codes: codes) }
    }

    static func encode(_ m: PlanMeasures, into c: inout KeyedEncodingContainer<ResolveKeys>, codes: [String]) throws {
        try c.encode(roundedTo(m.objective, 6), forKey: .objective)
        try c.encode(roundedTo(m.cost, 2), forKey: .cost)
        try c.encode(roundedTo(m.carbon, 3), forKey: .carbon)
        try c.encode(m.sitesKept, forKey: .sitesKept)
        try c.encode(roundedTo(m.coverage, 6), forKey: .coverage)
        try c.encode(roundedTo(m.childrenCovered, 3), forKey: .childrenCovered)
        if let services = m.services {
            // Each service's county-wide share, keyed by its code (FORMAT.md order kept by the encoder's sorted keys).
            let shares = Dictionary(uniqueKeysWithValues: zip(codes, services.county.map { roundedTo($0, 6) }))
            try c.encode(shares, forKey: .serviceCoverage)
            try c.encode(services.familyHubs, forKey: .familyHubs)
        }
    }
}
