/// What a plan costs a year, each figure saying what it covers. `summary.json`'s `cost` is what
/// the budget bounds (in a services scenario: buildings, services and outreach) while `saving`
/// compares buildings only, against keeping every building; quoted side by side without their
/// words they read "cost £5,700,000 (saving £5,697,000)". The terminal, the map, the report, the
/// workbooks and comparisons all label costs from these items, so they say the same thing.
public struct PlanCosts: Sendable, Equatable {
    /// One labelled figure in GBP a year; `label` reads as a table's first column, `short`
    /// fits the map's title block beside "£9,701,000 a year".
    public struct Item: Sendable, Equatable {
        public var label: String
        public var short: String
        public var value: Double
    }

    /// Running cost of the kept buildings.
    public var buildings: Double
    /// Running cost of every building in `sites.csv` (partners' included), what `saving` compares with.
    public var everyBuilding: Double
    /// Services at the sites offering them and outreach; nil for a buildings-only plan.
    public var services: Double?
    public var outreach: Double?

    public var buildingSaving: Double { everyBuilding - buildings }
    /// What the budget bounds and `min_cost` minimises.
    public var total: Double { buildings + (services ?? 0) + (outreach ?? 0) }

    public init(_ totals: PlanTotals) {
        services = totals.serviceCost
        outreach = totals.outreachCost
        buildings = totals.buildingCost ?? totals.cost - (services ?? 0) - (outreach ?? 0)
        everyBuilding = buildings + totals.saving
    }

    /// The figures in the order every table lists them; the total only when it differs from
    /// the buildings' cost (a services plan).
    public var items: [Item] {
        var items = [Item(label: "Running cost of kept buildings", short: "Kept buildings", value: buildings),
                     Item(label: "Running cost with every building kept", short: "Every building", value: everyBuilding),
                     Item(label: "Saving on buildings", short: "Building saving", value: buildingSaving)]
        guard services != nil || outreach != nil else { return items }
        items.append(Item(label: "Services at the sites offering them", short: "Services", value: services ?? 0))
        items.append(Item(label: "Outreach", short: "Outreach", value: outreach ?? 0))
        items.append(Item(label: "Total cost (what the budget bounds)", short: "Total cost", value: total))
        return items
    }

    /// The terminal's cost lines: the buildings and their saving, then for a services plan what
    /// services and outreach add.
    public var consoleLines: [String] {
        var lines = ["buildings cost \(NumberFormat.pounds(buildings)) a year against \(NumberFormat.pounds(everyBuilding)) "
            + "with every building kept (saving \(NumberFormat.pounds(buildingSaving)))"]
        if services != nil || outreach != nil {
            lines.append("services \(NumberFormat.pounds(services ?? 0)) and outreach \(NumberFormat.pounds(outreach ?? 0)) a year: "
                + "total cost \(NumberFormat.pounds(total)) a year (what the budget bounds)")
        }
        return lines
    }
}

extension PlanCosts {
    /// Several options' costs side by side: every label any option has, in `items`' order, with
    /// each option's figure (nil where an option plans buildings only and has no such part).
    static func items(_ options: [PlanRecord]) -> [(label: String, short: String, values: [Double?])] {
        let costs = options.map { PlanCosts($0.summary.totals) }
        let longest = costs.map(\.items).max { $0.count < $1.count } ?? []
        return longest.map { item in
            (item.label, item.short, costs.map { cost in cost.items.first { $0.label == item.label }?.value })
        }
    }

    /// `items(options)` as text rows of a side-by-side table, the label through `label`.
    static func rows(_ options: [PlanRecord], label: (String) -> String) -> [[String]] {
        items(options).map { item in [label(item.label)] + item.values.map { $0.map(NumberFormat.pounds) ?? "-" } }
    }
}
