import Estate

/// Why a plan is what it is, found by re-solving the scenario with one thing changed: each limit
/// loosened and tightened by a planner's step and dropped altogether, and each site forced the
/// other way. Every figure is the difference between two plans the one planner made (or, for
/// the quick site figures, the same plan with one decision flipped), so each can be checked by
/// planning the changed scenario separately.
public struct PlanExplanation: Sendable {
    /// The plan explained, measured as its alternatives are.
    public var baseline: PlanMeasures
    /// Every site kept (today's estate, statuses `close` still closed): what the data allows at most.
    public var everySiteKept: PlanMeasures
    /// One entry per limit the scenario sets, in `ScenarioLimit` order.
    public var limits: [LimitEffect]
    /// One entry per site whose decision the plan made (sites fixed by `status` are not listed).
    public var sites: [SiteEffect]
    /// How the sites' alternatives were found.
    public var siteMethod: SiteMethod
    /// Wall-clock seconds spent on the re-solves (for the terminal; the figures never depend on it).
    public var seconds: Double
    /// The re-solves allowed (`PlanExplainer.explain`'s `resolves`); nil for no bound.
    public var allowedResolves: Int?
    /// The re-solves run.
    public var resolves = 0
    /// Re-solves not run because `allowedResolves` were used up (their figures are missing: a step
    /// or a site's re-solve left out, a limit's "without" marked `skipped`).
    public var skipped = 0
    /// Whether every figure asked for was found.
    public var complete: Bool { skipped == 0 }

    public init(baseline: PlanMeasures, everySiteKept: PlanMeasures, limits: [LimitEffect], sites: [SiteEffect],
                siteMethod: SiteMethod, seconds: Double) {
        self.baseline = baseline
        self.everySiteKept = everySiteKept
        self.limits = limits
        self.sites = sites
        self.siteMethod = siteMethod
        self.seconds = seconds
    }

    /// How a site's alternative is found.
    public enum SiteMethod: String, Sendable, Codable {
        /// The plan as it is with only that site's decision flipped: no solve; says what the site
        /// itself costs and serves.
        case planFixed = "plan_fixed_except_site"
        /// In addition, the best plan with that site forced the other way (one re-solve per site),
        /// which may rearrange the other sites to stay within the limits.
        case resolve = "re_solve"
    }

    /// The outcome of one re-solve.
    public struct Resolve: Sendable, Equatable {
        /// How the re-solve ended; only `optimal` results are compared (a limit leaves the
        /// comparison unproven).
        public var status: PlanStatus
        /// What the re-solved plan achieves, when it has decisions.
        public var measures: PlanMeasures?
        /// Whether the re-solved plan keeps exactly the same sites (and, v2, offers the same services).
        public var sameDecisions: Bool
        /// Known without its own solve, by nesting (`PlanExplainer`): the plan explained is proven
        /// optimal for the changed scenario too, because it meets the changed limit and a scenario
        /// that allows at least as much has no better optimum. (Another plan of the same objective
        /// may exist; the plan explained is one answer.)
        public var inferred = false

        public init(status: PlanStatus, measures: PlanMeasures?, sameDecisions: Bool, inferred: Bool = false) {
            self.status = status
            self.measures = measures
            self.sameDecisions = sameDecisions
            self.inferred = inferred
        }

        /// A re-solve left out once the re-solves allowed for explanations were used up.
        public static let skipped = Resolve(status: .timeLimit, measures: nil, sameDecisions: false)
        public var wasSkipped: Bool { self == .skipped }
    }

    /// One limit moved: by a step each way and dropped.
    public struct LimitEffect: Sendable, Equatable {
        public var limit: ScenarioLimit
        /// In a v2 scenario, the service whose own limit this is (index into the rules); nil for
        /// a scenario-wide limit.
        public var service: Int?
        /// The scenario's value (GBP, tCO2e, sites, share 0...1, minutes; 1 for capacity).
        public var value: Double
        /// The plan without this limit; `sameDecisions` flags a limit that changed nothing.
        public var without: Resolve
        /// The limit loosened by one step (nil when it has no step).
        public var looser: Step?
        /// The limit tightened by one step (nil when it has no step or the step leaves its range).
        public var tighter: Step?

        /// Whether the limit holds the plan back: loosening it by a step, or dropping it, gives a
        /// strictly better objective (proven optimal both times).
        public func binds(objective: Objective, baseline: PlanMeasures) -> Bool {
            [looser?.result, without].contains { (result: PlanExplanation.Resolve?) in
                guard let result, result.status == .optimal, let m = result.measures else { return false }
                return PlanExplanation.improves(m.objective, on: baseline.objective, objective: objective)
            }
        }

        public init(limit: ScenarioLimit, service: Int? = nil, value: Double, without: Resolve, looser: Step?, tighter: Step?) {
            self.limit = limit
            self.service = service
            self.value = value
            self.without = without
            self.looser = looser
            self.tighter = tighter
        }
    }

    /// A limit at another value and the plan it gives.
    public struct Step: Sendable, Equatable {
        /// The limit's value in this re-solve.
        public var value: Double
        public var result: Resolve

        public init(value: Double, result: Resolve) {
            self.value = value
            self.result = result
        }
    }

    /// One site's decision turned the other way.
    public struct SiteEffect: Sendable, Equatable {
        /// Site index (instance order).
        public var site: Int
        /// The plan's decision.
        public var kept: Bool
        /// The plan with only this site's decision flipped (no solve); nil under capacity, where
        /// flipping one site reassigns demand and only a re-solve can say how.
        public var flipped: PlanMeasures?
        /// With `SiteMethod.resolve`: the best plan with the site forced the other way.
        public var resolved: Resolve?

        public init(site: Int, kept: Bool, flipped: PlanMeasures?, resolved: Resolve?) {
            self.site = site
            self.kept = kept
            self.flipped = flipped
            self.resolved = resolved
        }
    }

    /// Whether `value` is strictly better than `reference` for `objective` (beyond float noise).
    public static func improves(_ value: Double, on reference: Double, objective: Objective) -> Bool {
        let tolerance = 1e-7 * max(1, abs(reference))
        return objective == .maxCoverage ? value > reference + tolerance : value < reference - tolerance
    }
}
