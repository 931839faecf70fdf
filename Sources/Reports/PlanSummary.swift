import Foundation
import Estate
import Planning

/// `summary.json`: the status, objective, bound and gap that make a plan a result, the totals a
/// cabinet paper quotes, what the reductions removed, and, when infeasible, the conflicts.
struct PlanSummary: Encodable {
    var engineVersion: String
    var context: PlanContext
    var totals: PlanTotals?
    /// The run's phase times and peak memory (`estate plan`; other commands leave it out).
    var phases: RunPhases?

    enum Keys: String, CodingKey {
        case engine, scenario, status, objective, objectiveName = "objective_name", bound, gap, seconds, phases, message
        case totals, reductions, formulation, conflicts, unreachableAreas = "unreachable_areas"
        case datasetProvenance = "dataset_provenance", explanations
    }

    enum ScenarioKeys: String, CodingKey {
        case file, name, description, dataset, objective, coverageMinutes = "coverage_minutes", constraints, timeLimit = "time_limit_s"
        case mipGap = "mip_gap", services
    }

    /// A service as `scenario.services` lists it: its code and what outputs call it, so that
    /// reports and comparisons read from the folder name services as the plan did, and know the
    /// plan had services even when it has no totals (an infeasible scenario).
    struct ServiceEntry: Codable {
        var code: String
        var name: String
    }

    enum ConstraintKeys: String, CodingKey {
        case budget, carbon, sitesMin = "sites_min", sitesMax = "sites_max", minPerDistrict = "min_per_district"
        case minCoverage = "min_coverage", minDistrictCoverage = "min_district_coverage"
        case minDeprivedCoverage = "min_deprived_coverage", deprivedShare = "deprived_share", maxMinutes = "max_minutes"
        case capacity
    }

    enum ConflictKeys: String, CodingKey {
        case constraint, explanation, details, minimumViolation = "minimum_violation", limit, best, outOfReach = "out_of_reach"
        case floors
    }

    func encode(to encoder: Encoder) throws {
        let plan = context.plan
        let spec = context.specification
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(engineVersion, forKey: .engine)
        var s = c.nestedContainer(keyedBy: ScenarioKeys.self, forKey: .scenario)
        try s.encode(context.scenario.file, forKey: .file)
        try s.encode(context.scenario.title, forKey: .name)
        try s.encodeIfPresent(context.scenario.description, forKey: .description)
        try s.encode(context.dataset.source, forKey: .dataset)
        try s.encode(spec.objective.rawValue, forKey: .objective)
        try s.encode(spec.coverageMinutes, forKey: .coverageMinutes)
        try s.encode(spec.timeLimit, forKey: .timeLimit)
        try s.encode(spec.relativeGap, forKey: .mipGap)
        if !context.scenario.services.isEmpty {
            try s.encode(context.scenario.services.map { ServiceEntry(code: $0.code, name: $0.displayName) }, forKey: .services)
        }
        var k = s.nestedContainer(keyedBy: ConstraintKeys.self, forKey: .constraints)
        let cs = spec.constraints
        try k.encodeIfPresent(cs.budget, forKey: .budget)
        try k.encodeIfPresent(cs.carbon, forKey: .carbon)
        try k.encodeIfPresent(cs.minSites, forKey: .sitesMin)
        try k.encodeIfPresent(cs.maxSites, forKey: .sitesMax)
        try k.encodeIfPresent(cs.minPerDistrict, forKey: .minPerDistrict)
        try k.encodeIfPresent(cs.minCoverage, forKey: .minCoverage)
        try k.encodeIfPresent(cs.minDistrictCoverage, forKey: .minDistrictCoverage)
        try k.encodeIfPresent(cs.minDeprivedCoverage, forKey: .minDeprivedCoverage)
        if cs.minDeprivedCoverage != nil {
            try k.encode(context.scenario.constraints.deprivedShare, forKey: .deprivedShare)
        }
        try k.encodeIfPresent(cs.maxMinutes, forKey: .maxMinutes)
        // `false`, `true` (split, as plans before single sourcing wrote it) or "single".
        switch cs.capacity {
        case nil: try k.encode(false, forKey: .capacity)
        case .split: try k.encode(true, forKey: .capacity)
        case .single: try k.encode(CapacityAssignment.single.rawValue, forKey: .capacity)
        }
        try c.encode(context.dataset.provenance, forKey: .datasetProvenance)
        try c.encode(plan.status.rawValue, forKey: .status)
        try c.encode(plan.objective.map { roundedTo($0, 6) }, forKey: .objective)
        try c.encode(spec.objective.rawValue, forKey: .objectiveName)
        try c.encode(plan.bound.map { roundedTo($0, 6) }, forKey: .bound)
        try c.encode(plan.gap.map { roundedTo($0, 9) }, forKey: .gap)
        try c.encode(roundedTo(plan.seconds, 3), forKey: .seconds)
        try c.encodeIfPresent(phases, forKey: .phases)
        try c.encode(plan.message, forKey: .message)
        try c.encode(totals.map(Self.cleaned), forKey: .totals)
        try c.encode(plan.reductions, forKey: .reductions)
        if let singleSource = plan.singleSource {
            try c.encode(Self.cleaned(singleSource), forKey: .formulation)
        } else if var pMedian = plan.pMedian {
            pMedian.heuristicObjective = pMedian.heuristicObjective.map { roundedTo($0, 6) }
            try c.encode(pMedian, forKey: .formulation)
        } else if var coverage = plan.coverage {
            coverage.heuristicObjective = coverage.heuristicObjective.map { roundedTo($0, 6) }
            try c.encode(coverage, forKey: .formulation)
        }
        var list = c.nestedUnkeyedContainer(forKey: .conflicts)
        for conflict in plan.conflicts {
            var e = list.nestedContainer(keyedBy: ConflictKeys.self)
            try e.encode(conflict.constraint.rawValue, forKey: .constraint)
            try e.encode(ConflictExplanation.sentence(for: conflict), forKey: .explanation)
            try e.encode(conflict.details, forKey: .details)
            try e.encode(conflict.minimumViolation, forKey: .minimumViolation)
            try e.encodeIfPresent(conflict.limit, forKey: .limit)
            try e.encodeIfPresent(conflict.best.map { roundedTo($0, 6) }, forKey: .best)
            if !conflict.outOfReach.isEmpty { try e.encode(conflict.outOfReach, forKey: .outOfReach) }
            if !conflict.floors.isEmpty {
                try e.encode(conflict.floors.map { FloorReach(floor: $0.floor, measure: $0.measure, asked: $0.asked, best: roundedTo($0.best, 6)) },
                             forKey: .floors)
            }
        }
        // The areas the model left out of the travel sum, when it left any out.
        let unreachable = plan.reductions.areasUnreachable > 0
            ? context.instance.areasLeftOutOfTravel(spec).map { context.dataset.areas[$0].id }
            : []
        try c.encode(unreachable, forKey: .unreachableAreas)
        if let explanation = context.explanation {
            try c.encode(ExplanationJSON(explanation: explanation, context: context), forKey: .explanations)
        }
    }

    /// Totals with float noise removed (GBP to the penny, shares to 1e-6), for readable JSON.
    static func cleaned(_ t: PlanTotals) -> PlanTotals {
        var r = t
        r.cost = roundedTo(t.cost, 2); r.buildingCost = t.buildingCost.map { roundedTo($0, 2) }; r.saving = roundedTo(t.saving, 2)
        r.carbon = roundedTo(t.carbon, 3); r.carbonSaving = roundedTo(t.carbonSaving, 3)
        r.coverage = roundedTo(t.coverage, 6); r.buildingCoverage = t.buildingCoverage.map { roundedTo($0, 6) }; r.coveredWeight = roundedTo(t.coveredWeight, 3)
        r.totalWeight = roundedTo(t.totalWeight, 3); r.weightedMinutes = roundedTo(t.weightedMinutes, 3)
        r.travelWeight = t.travelWeight.map { roundedTo($0, 3) }
        r.visitsDisplaced = roundedTo(t.visitsDisplaced, 2)
        r.serviceCost = t.serviceCost.map { roundedTo($0, 2) }
        r.outreachCost = t.outreachCost.map { roundedTo($0, 2) }
        r.services = t.services?.mapValues { ServiceTotals(coverage: roundedTo($0.coverage, 6), outreach: roundedTo($0.outreach, 6)) }
        return r
    }

    /// The single-sourcing report with seconds to the millisecond and bounds to 1e-6.
    static func cleaned(_ r: SingleSourceReport) -> SingleSourceReport {
        var c = r
        c.lpBound = r.lpBound.map { roundedTo($0, 6) }
        c.heuristicObjective = r.heuristicObjective.map { roundedTo($0, 6) }
        c.lagrangianBound = r.lagrangianBound.map { roundedTo($0, 6) }
        c.lagrangianSeconds = roundedTo(r.lagrangianSeconds, 3)
        c.lpSeconds = roundedTo(r.lpSeconds, 3)
        c.heuristicSeconds = roundedTo(r.heuristicSeconds, 3)
        return c
    }

    func json() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [0x0A]
    }
}

/// Plain-English explanations of conflicts, for the terminal, `summary.json` and the report: the
/// best each constraint can reach with the others held, and the areas no building reaches.
public enum ConflictExplanation {
    public static func sentence(for conflict: Conflict) -> String {
        let v = conflict.minimumViolation
        let amount = v.map { NumberFormat.decimal($0, 2) } ?? "?"
        var text: String
        switch conflict.constraint {
        case .siteStatus:
            text = "sites fixed by `status` (keep/close) are part of the conflict"
        case .budget:
            if let best = conflict.best, let limit = conflict.limit {
                text = "no plan meets the other constraints on less than \(NumberFormat.pounds(best.rounded(.up))) a year, "
                    + "\(NumberFormat.pounds((best - limit).rounded(.up))) more than the budget of \(NumberFormat.pounds(limit))"
            } else {
                text = v.map { "the budget would have to rise by at least \(NumberFormat.pounds($0))" } ?? "the budget is too small"
            }
        case .carbon:
            if let best = conflict.best, let limit = conflict.limit {
                text = "no plan meets the other constraints under \(NumberFormat.carbon(best)) tCO2e a year, "
                    + "above the cap of \(NumberFormat.carbon(limit))"
            } else {
                text = "the carbon cap would have to rise by at least \(amount) tCO2e"
            }
        case .sites:
            text = "the site count limit would have to move by at least \(amount) site(s)"
        case .minPerDistrict:
            text = "districts would fall \(amount) site(s) short of min_per_district in total"
        case .minCoverage where conflict.limit == nil && !conflict.details.isEmpty,
             .minDistrictCoverage where conflict.limit == nil && !conflict.details.isEmpty,
             .minDeprivedCoverage where conflict.limit == nil && !conflict.details.isEmpty,
             .familyHubs where !conflict.details.isEmpty:
            // A services scenario: its details name each service and district short of its floor.
            text = "these floors cannot all be met: " + conflict.details.joined(separator: "; ")
        case .minCoverage:
            text = shareSentence(conflict, what: "county-wide coverage") ?? "county coverage would fall short by \(amount) units of need weight"
        case .minDistrictCoverage:
            text = conflict.limit.map { "at least one district cannot have \(NumberFormat.percent($0)) of its need covered" }
                ?? "district coverage would fall short by \(amount) units of need weight in total"
        case .minDeprivedCoverage:
            text = shareSentence(conflict, what: "coverage of the most deprived areas' need")
                ?? "coverage of the most deprived areas would fall short by \(amount) units of need weight"
        case .maxMinutes:
            text = conflict.details.isEmpty ? "some areas cannot have a hub within max_minutes (short by \(amount) area groups)"
                : "\(conflict.details.count) area(s) cannot have a hub within max_minutes"
        case .capacity:
            text = "kept sites would lack at least \(amount) visits per year of capacity"
        case .serveEveryArea:
            text = "min_travel must serve every reachable area, and some cannot be served"
        case .familyHubs:
            text = "districts would fall \(amount) Family Hub(s) short of family_hubs.per_district in total"
        }
        for fact in conflict.outOfReach {
            text += "; " + reachSentence(fact)
        }
        return text
    }

    /// "the best coverage ... is 95.2%, below the 97.0% asked".
    private static func shareSentence(_ conflict: Conflict, what: String) -> String? {
        guard let best = conflict.best, let limit = conflict.limit else { return nil }
        return "with the other constraints held the best \(what) is \(NumberFormat.percent(best)), below the \(NumberFormat.percent(limit)) asked"
    }

    /// "12 of the 180 most deprived areas (6.1% of their need) are beyond 20 minutes of every
    /// building that may open, so at most 93.9% can be covered".
    static func reachSentence(_ fact: OutOfReach) -> String {
        let whose = fact.group == "all areas" ? "the county's" : fact.group == "most deprived areas" ? "their" : "its"
        let group = fact.group == "all areas" || fact.group == "most deprived areas" ? "the \(fact.areas) \(fact.group)"
            : "the \(fact.areas) areas of \(fact.group)"
        return "\(fact.beyond) of \(group) (\(NumberFormat.percent(fact.beyondShare)) of \(whose) need) are beyond "
            + "\(NumberFormat.decimal(fact.minutes)) minutes of every building that may open, so at most "
            + "\(NumberFormat.percent(fact.ceiling)) can be covered"
    }
}

/// `value` rounded to `decimals` decimal places (half away from zero).
func roundedTo(_ value: Double, _ decimals: Int) -> Double {
    var scale = 1.0
    for _ in 0 ..< decimals { scale *= 10 }
    return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
}
