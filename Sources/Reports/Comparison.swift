import Estate
import EstateMap
import Planning

/// Estate options of one dataset side by side: what `estate compare` tabulates and maps.
///
/// Options are aligned by id (sites and areas sorted by id), after checking that they were
/// planned on the same dataset: the same sites (district, cost, carbon, position) and the same
/// areas (district, children, position). The first option is the baseline ("A") that the
/// others are set against for coverage changes and difference maps.
public struct Comparison: Sendable {
    /// The options in the order given, names made unique ("out", "out-2").
    public let options: [PlanRecord]
    /// Each option's sites, sorted by id and aligned: `sites[k][s]` is site s under option k.
    public let sites: [[PlanRecord.Site]]
    /// Each option's areas, sorted by id and aligned: `areas[k][a]` is area a under option k.
    public let areas: [[PlanRecord.Area]]
    /// District names, sorted.
    public let districts: [String]
    /// One row per district (sorted), then the county total row (`totalLabel`), with each
    /// option's figures computed from its sites and areas as `districts.csv` computes them.
    public let districtRows: [ComparisonDistrictRow]
    /// The areas' outlines by area id, from option A's plan folder or dataset (`areaOutlines`): with
    /// them the difference maps draw the real shapes; empty draws shapes derived from centroids.
    public var outlines: [String: Boundary] = [:]

    /// Label of the county total row in the district table.
    public static let totalLabel = "all districts"

    public init(_ options: [PlanRecord]) throws(ComparisonError) {
        guard options.count >= 2 else { throw .tooFewOptions(options.count) }
        var named = options
        for k in named.indices {
            let base = named[k].name
            var name = base, n = 1
            while named[..<k].contains(where: { $0.name == name }) {
                n += 1
                name = "\(base)-\(n)"
            }
            named[k].name = name
        }
        let sites = named.map { $0.sites.sorted { $0.id < $1.id } }
        let areas = named.map { $0.areas.sorted { $0.id < $1.id } }
        for k in 1 ..< named.count {
            if let difference = Self.datasetDifference(sites[0], areas[0], sites[k], areas[k], named[0].name, named[k].name) {
                throw .differentDatasets(first: named[0].name, other: named[k].name, difference: difference)
            }
        }
        self.options = named
        self.sites = sites
        self.areas = areas
        districts = Array(Set(sites[0].map(\.district) + areas[0].map(\.district))).sorted()
        districtRows = Self.districtRows(sites: sites, areas: areas, equality: named.map(\.equality), districts: districts)
    }

    /// The first difference between two options' data, in words, or nil when they match.
    static func datasetDifference(_ sitesA: [PlanRecord.Site], _ areasA: [PlanRecord.Area],
                                  _ sitesB: [PlanRecord.Site], _ areasB: [PlanRecord.Area],
                                  _ a: String, _ b: String) -> String? {
        if let d = idDifference(sitesA.map(\.id), sitesB.map(\.id), "site", a, b) { return d }
        if let d = idDifference(areasA.map(\.id), areasB.map(\.id), "area", a, b) { return d }
        let place = { (lat: Double, lon: Double) in "\(fmt(lat)),\(fmt(lon))" }
        for (x, y) in zip(sitesA, sitesB) {
            if x.district != y.district { return "site \(x.id)'s district is \(x.district) in \(a) but \(y.district) in \(b)" }
            for (field, u, v) in [("annual_cost", x.annualCost, y.annualCost), ("carbon", x.carbon, y.carbon)] where u != v {
                return "site \(x.id)'s \(field) is \(fmt(u)) in \(a) but \(fmt(v)) in \(b)"
            }
            if x.lat != y.lat || x.lon != y.lon {
                return "site \(x.id)'s position is \(place(x.lat, x.lon)) in \(a) but \(place(y.lat, y.lon)) in \(b)"
            }
        }
        for (x, y) in zip(areasA, areasB) {
            if x.district != y.district { return "area \(x.id)'s district is \(x.district) in \(a) but \(y.district) in \(b)" }
            if x.children != y.children { return "area \(x.id)'s children is \(fmt(x.children)) in \(a) but \(fmt(y.children)) in \(b)" }
            if x.lat != y.lat || x.lon != y.lon {
                return "area \(x.id)'s position is \(place(x.lat, x.lon)) in \(a) but \(place(y.lat, y.lon)) in \(b)"
            }
        }
        return nil
    }

    private static func idDifference(_ idsA: [String], _ idsB: [String], _ kind: String, _ a: String, _ b: String) -> String? {
        if idsA == idsB { return nil }
        let setB = Set(idsB), setA = Set(idsA)
        if let id = idsA.first(where: { !setB.contains($0) }) { return "\(kind) \(id) is in \(a) but not in \(b)" }
        if let id = idsB.first(where: { !setA.contains($0) }) { return "\(kind) \(id) is in \(b) but not in \(a)" }
        return "\(a) has \(idsA.count) \(kind)s, \(b) has \(idsB.count)"
    }

    private static func fmt(_ value: Double) -> String { NumberFormat.decimal(value, 6) }

    // MARK: differences

    /// Indices (into the aligned site lists) of sites open under some options and closed under
    /// others, in id order. A must-keep site counts as open.
    public var differingSites: [Int] {
        sites[0].indices.filter { s in Set(sites.map { $0[s].decision.isOpen }).count > 1 }
    }

    /// Indices of areas covered under some options and not under others, in id order.
    public var changedAreas: [Int] {
        areas[0].indices.filter { a in Set(areas.map { $0[a].covered }).count > 1 }
    }

    /// How option `k` differs from the first option (A).
    public func difference(_ k: Int) -> PairDifference {
        var d = PairDifference(option: options[k].name, sitesClosed: 0, sitesOpened: 0, areasGained: 0, areasLost: 0)
        for s in sites[0].indices {
            switch (sites[0][s].decision.isOpen, sites[k][s].decision.isOpen) {
            case (true, false): d.sitesClosed += 1
            case (false, true): d.sitesOpened += 1
            default: break
            }
        }
        for a in areas[0].indices {
            switch (areas[0][a].covered, areas[k][a].covered) {
            case (false, true): d.areasGained += 1
            case (true, false): d.areasLost += 1
            default: break
            }
        }
        return d
    }

    // MARK: district table

    /// Each district's figures and the county total, per option, from its sites and areas read
    /// back, but for the median minutes, which each option's `equality.csv` gives as its plan
    /// computed it: `areas.csv` rounds minutes to a tenth, and the median of rounded minutes can
    /// round to another tenth than the median of the plan's own (8.1 for Canterbury's 8.0 on
    /// the Kent default), which would contradict `districts.csv` and the equality table.
    static func districtRows(sites: [[PlanRecord.Site]], areas: [[PlanRecord.Area]], equality: [PlanRecord.EqualityText],
                             districts: [String]) -> [ComparisonDistrictRow] {
        let index = Dictionary(uniqueKeysWithValues: districts.enumerated().map { ($1, $0) })
        // Group once (all options share the ids and districts, checked after): rows cost
        // O(sites + areas) per option, not per district.
        var siteGroups = Array(repeating: [Int](), count: districts.count)
        for (s, site) in sites[0].enumerated() { siteGroups[index[site.district]!].append(s) }
        var areaGroups = Array(repeating: [Int](), count: districts.count)
        for (a, area) in areas[0].enumerated() { areaGroups[index[area.district]!].append(a) }
        func withMedian(_ figures: DistrictFigures, _ k: Int, group: String, label: String) -> DistrictFigures {
            var figures = figures
            if let median = equality[k].medianMinutes(group: group, label: label) { figures.medianMinutes = median }
            return figures
        }
        var rows = districts.indices.map { d in
            ComparisonDistrictRow(district: districts[d], figures: sites.indices.map { k in
                withMedian(figures(siteGroups[d].map { sites[k][$0] }, areaGroups[d].map { areas[k][$0] }), k, group: "district", label: districts[d])
            })
        }
        rows.append(ComparisonDistrictRow(district: totalLabel, figures: sites.indices.map {
            withMedian(figures(sites[$0], areas[$0]), $0, group: "all", label: "all areas")
        }))
        return rows
    }

    /// Figures over a group of sites and areas read back from a plan folder.
    static func figures(_ sites: [PlanRecord.Site], _ areas: [PlanRecord.Area]) -> DistrictFigures {
        DistrictFigures(sites: sites.lazy.map { (open: $0.decision.isOpen, cost: $0.annualCost, carbon: $0.carbon) },
                        areas: areas.lazy.map { (weight: $0.weight, coveredShare: $0.coveredShare, minutes: $0.minutes) })
    }
}

/// How one option differs from the first (A).
public struct PairDifference: Sendable, Equatable, Encodable {
    /// The option set against A.
    public var option: String
    /// Sites open under A and closed under this option.
    public var sitesClosed: Int
    /// Sites closed under A and open under this option.
    public var sitesOpened: Int
    /// Areas not covered under A and covered under this option.
    public var areasGained: Int
    /// Areas covered under A and not under this option.
    public var areasLost: Int

    public init(option: String, sitesClosed: Int, sitesOpened: Int, areasGained: Int, areasLost: Int) {
        self.option = option
        self.sitesClosed = sitesClosed
        self.sitesOpened = sitesOpened
        self.areasGained = areasGained
        self.areasLost = areasLost
    }

    /// Sites whose decision differs from A's.
    public var sitesChanged: Int { sitesClosed + sitesOpened }
    /// Areas whose coverage differs from A's.
    public var areasChanged: Int { areasGained + areasLost }

    enum CodingKeys: String, CodingKey {
        case option, sitesClosed = "sites_closed", sitesOpened = "sites_opened", areasGained = "areas_gained"
        case areasLost = "areas_lost", sitesChanged = "sites_changed", areasChanged = "areas_changed"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(option, forKey: .option)
        try c.encode(sitesClosed, forKey: .sitesClosed)
        try c.encode(sitesOpened, forKey: .sitesOpened)
        try c.encode(sitesChanged, forKey: .sitesChanged)
        try c.encode(areasGained, forKey: .areasGained)
        try c.encode(areasLost, forKey: .areasLost)
        try c.encode(areasChanged, forKey: .areasChanged)
    }
}

/// One district (or the county total) with each option's figures, in option order.
public struct ComparisonDistrictRow: Sendable, Equatable {
    /// District name, or `Comparison.totalLabel` for the county.
    public var district: String
    /// Figures under each option, in option order.
    public var figures: [DistrictFigures]
}
