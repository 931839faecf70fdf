import Estate
import Quantities

/// One area's outcome under a plan, as the equality-impact tables need it.
public struct EqualityArea: Sendable, Equatable {
    /// Area code; breaks ties in the deprivation ranking.
    public var id: String
    /// District the area belongs to (one row per district).
    public var district: String
    /// Deprivation score, higher = more deprived (e.g. the IMD score); ranks areas into deciles.
    public var deprivationScore: Double
    /// Resident children and young people aged 0-19: coverage shares count children.
    public var children: Double
    /// The optimiser's need weight for the area (children x need multiplier).
    public var weight: Double
    /// Travel minutes to the area's hub under the plan; nil when no kept hub is reachable.
    public var minutes: Double?
    /// Whether a kept hub lies within the coverage time.
    public var covered: Bool
    /// Share (0...1) of the area counted as covered: 1 or 0 by `covered`, or a part for a
    /// service under capacity or outreach (FORMAT.md v2), which the coverage columns count.
    public var coveredShare: Double
    /// Current visits per year by the area's residents (all sites), from usage figures.
    public var visits: Double
    /// Of those, visits per year to sites the plan closes.
    public var visitsDisplaced: Double

    public init(id: String, district: String, deprivationScore: Double, children: Double, weight: Double,
                minutes: Double?, covered: Bool, visits: Double, visitsDisplaced: Double, coveredShare: Double? = nil) {
        self.coveredShare = coveredShare ?? (covered ? 1 : 0)
        self.id = id
        self.district = district
        self.deprivationScore = deprivationScore
        self.children = children
        self.weight = weight
        self.minutes = minutes
        self.covered = covered
        self.visits = visits
        self.visitsDisplaced = visitsDisplaced
    }
}

/// The group a row of the equality tables describes.
public enum EqualityGroup: Sendable, Equatable {
    /// Every area.
    case all
    /// Deprivation decile 1 (most deprived) ... 10 (least deprived).
    case decile(Int)
    /// The most deprived `percent`% of areas: 10 = decile 1, 20 = deciles 1 and 2.
    case mostDeprived(percent: Int)
    case district(String)

    /// (group, label) as written in the CSV, e.g. ("decile", "1"), ("most_deprived", "10%").
    public var csvFields: [String] {
        switch self {
        case .all: return ["all", "all areas"]
        case .decile(let d): return ["decile", String(d)]
        case .mostDeprived(let p): return ["most_deprived", "\(p)%"]
        case .district(let name): return ["district", name]
        }
    }
}

/// One row of the equality tables: coverage, travel time and displaced visits for a group of areas.
public struct EqualityRow: Sendable, Equatable {
    /// Which areas the row describes.
    public var group: EqualityGroup
    /// Number of areas in the group.
    public var areas: Int
    /// Children aged 0-19 in the group, and those living in covered areas.
    public var children: Double
    /// Children in covered areas.
    public var childrenCovered: Double
    /// Need weight in the group, and the covered part (the optimiser's coverage measure).
    public var weight: Double
    /// Need weight of covered areas.
    public var weightCovered: Double
    /// Median of area travel minutes over areas with a reachable hub (each area counts once;
    /// the mean of the two middle values for an even count); nil when none is reachable.
    public var medianMinutes: Double?
    /// Children-weighted mean travel minutes over areas with a reachable hub.
    public var meanMinutes: Double?
    /// Longest area travel time in the group, minutes.
    public var worstMinutes: Double?
    /// Areas with no kept hub reachable at all.
    public var unreachableAreas: Int
    /// Visits per year by the group's residents now, and those to sites that close.
    public var visits: Double
    /// Visits per year to sites that close.
    public var visitsDisplaced: Double

    /// Share of the group's children in covered areas (0...1); nil for a group without children.
    public var coverage: Double? { children > 0 ? childrenCovered / children : nil }
    /// Share of need weight covered (0...1).
    public var weightCoverage: Double? { weight > 0 ? weightCovered / weight : nil }
    /// Share of current visits displaced (0...1).
    public var displacedShare: Double? { visits > 0 ? visitsDisplaced / visits : nil }

    /// Column names of `csvFields`, in order.
    public static let csvHeader = [
        "group", "label", "areas", "children", "children_covered", "coverage", "weight", "weight_covered",
        "weight_coverage", "median_minutes", "mean_minutes", "worst_minutes", "unreachable_areas",
        "visits", "visits_displaced", "displaced_share",
    ]

    /// The row as CSV fields with fixed decimals (shares 4, minutes 1, counts of people and visits 1,
    /// weights 3); a blank field where the value is undefined.
    public var csvFields: [String] {
        let blank = { (v: Double?, q: Quantity) in q.text(v) }
        return group.csvFields + [
            String(areas), Quantity.people.text(children), Quantity.people.text(childrenCovered), blank(coverage, .share),
            Quantity.weight.text(weight), Quantity.weight.text(weightCovered), blank(weightCoverage, .share),
            blank(medianMinutes, .minutes), blank(meanMinutes, .minutes), blank(worstMinutes, .minutes), String(unreachableAreas),
            Quantity.visits.text(visits), Quantity.visits.text(visitsDisplaced), blank(displacedShare, .share),
        ]
    }
}

/// Equality-impact tables for the assessment that goes to cabinet with an estate option: how
/// coverage, travel time and displaced visits fall across deprivation deciles and districts.
///
/// Deciles are local: areas are ranked by `deprivationScore`, most deprived first (ties broken by
/// area id, ascending), and the area at 0-based rank i of n gets decile ⌊10·i/n⌋ + 1. So decile 1
/// is the most deprived tenth of the dataset's areas (⌈n/10⌉ areas), not the national IMD decile;
/// "most deprived 10%" is decile 1 and "most deprived 20%" deciles 1 and 2.
public enum EqualityImpact {
    /// Each area's deprivation decile (1 = most deprived), in the input order.
    public static func deciles(_ areas: [EqualityArea]) throws(MapDataError) -> [Int] {
        try validate(areas)
        let ranked = Deprivation.ranking(scores: areas.map(\.deprivationScore), ids: areas.map(\.id))
        var decile = [Int](repeating: 0, count: areas.count)
        for (rank, i) in ranked.enumerated() { decile[i] = rank * 10 / areas.count + 1 }
        return decile
    }

    /// Rows in a fixed order: all areas; deciles 1 to 10 (those holding areas); the most deprived
    /// 10% and 20%; then each district by name.
    public static func table(_ areas: [EqualityArea]) throws(MapDataError) -> [EqualityRow] {
        let decile = try deciles(areas)
        var rows = [row(.all, areas.indices, areas)]
        for d in 1...10 {
            let members = areas.indices.filter { decile[$0] == d }
            if !members.isEmpty { rows.append(row(.decile(d), members, areas)) }
        }
        for percent in [10, 20] {
            rows.append(row(.mostDeprived(percent: percent), areas.indices.filter { decile[$0] <= percent / 10 }, areas))
        }
        for district in Set(areas.map(\.district)).sorted() {
            rows.append(row(.district(district), areas.indices.filter { areas[$0].district == district }, areas))
        }
        return rows
    }

    /// Every number must be finite (a NaN score would make the ranking meaningless), minutes
    /// non-negative, and area ids unique (they break ties in the ranking).
    static func validate(_ areas: [EqualityArea]) throws(MapDataError) {
        var seen = Set<String>()
        for a in areas {
            guard seen.insert(a.id).inserted else {
                throw MapDataError(record: "area", id: a.id, field: "id", value: a.id, expected: "a unique id")
            }
            for (field, value) in [("deprivation score", a.deprivationScore), ("children", a.children), ("weight", a.weight),
                                   ("visits", a.visits), ("visits displaced", a.visitsDisplaced)] where !value.isFinite {
                throw MapDataError(record: "area", id: a.id, field: field, value: "\(value)", expected: "a finite number")
            }
            guard (0 ... 1).contains(a.coveredShare) else {
                throw MapDataError(record: "area", id: a.id, field: "covered share", value: "\(a.coveredShare)", expected: "a share in 0...1")
            }
            if let m = a.minutes, !(m.isFinite && m >= 0) {
                throw MapDataError(record: "area", id: a.id, field: "minutes", value: "\(m)", expected: "finite minutes >= 0")
            }
        }
    }

    private static func row<C: Collection>(_ group: EqualityGroup, _ members: C, _ areas: [EqualityArea]) -> EqualityRow where C.Element == Int {
        var r = EqualityRow(group: group, areas: 0, children: 0, childrenCovered: 0, weight: 0, weightCovered: 0,
                            medianMinutes: nil, meanMinutes: nil, worstMinutes: nil, unreachableAreas: 0,
                            visits: 0, visitsDisplaced: 0)
        var minutes: [Double] = []
        var childMinutes = 0.0, reachableChildren = 0.0
        for i in members {
            let a = areas[i]
            r.areas += 1
            r.children += a.children
            r.weight += a.weight
            if a.coveredShare > 0 {
                r.childrenCovered += a.children * a.coveredShare
                r.weightCovered += a.weight * a.coveredShare
            }
            r.visits += a.visits
            r.visitsDisplaced += a.visitsDisplaced
            if let m = a.minutes {
                minutes.append(m)
                childMinutes += m * a.children
                reachableChildren += a.children
            } else {
                r.unreachableAreas += 1
            }
        }
        minutes.sort()
        if !minutes.isEmpty {
            r.medianMinutes = minutes.medianOfSorted
            r.worstMinutes = minutes.last
            r.meanMinutes = reachableChildren > 0 ? childMinutes / reachableChildren : minutes.reduce(0, +) / Double(minutes.count)
        }
        return r
    }
}
