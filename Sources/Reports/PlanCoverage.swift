/// What a plan's coverage figures measure, in words. In a buildings-only plan there is one:
/// need-weighted children within the coverage time of a kept building. A plan with services
/// has two that differ: the services' weighted coverage (each service within its own standard,
/// outreach at its value, weighted as `max_coverage` weighs them: `totals.coverage`) and, per
/// district, the children's need within the coverage time of any kept building (`districts.csv`,
/// partners' buildings included). Printed as one "need covered" beside the other, 97.3% for the
/// county reads as contradicting districts at 81.6% to 100%; every output labels them from here.
public struct PlanCoverage: Sendable, Equatable {
    /// `totals.coverage`: with services, their weighted share.
    public var coverage: Double
    /// With services: children's need within `minutes` of any kept building; nil without services.
    public var buildingCoverage: Double?
    public var minutes: Double

    public init(_ totals: PlanTotals, minutes: Double) {
        coverage = totals.coverage
        buildingCoverage = totals.buildingCoverage
        self.minutes = minutes
    }

    private var within: String { "within \(NumberFormat.decimal(minutes)) minutes" }

    /// Each coverage figure's words: the one table every output labels them from (`label` for
    /// tables: the report, the workbooks, the comparison's terminal table; `short` for the
    /// maps' title blocks and the report's comparison), so a figure reads the same in each.
    public enum Figure: Sendable, CaseIterable {
        /// Buildings only: need-weighted children within the coverage time of a kept building.
        case need
        /// With services: the services' weighted share, each within its own standard.
        case services
        /// With services: children's need within the coverage time of any kept building.
        case anyBuilding

        public var label: String {
            switch self {
            case .need: "Need-weighted children covered"
            case .services: "Services covered, each within its standard"
            case .anyBuilding: "Children's need within reach of any kept building"
            }
        }

        public var short: String {
            switch self {
            case .need: "Need covered"
            case .services: "Services covered"
            case .anyBuilding: "Any building in reach"
            }
        }

        /// Whether the plan's coverage time qualifies it (each service has its own).
        public var timed: Bool { self != .services }
    }

    /// The figures as numbers: (label for tables, short label for the map's title block, share,
    /// whether the coverage time qualifies it). The workbooks write these; `items` words them.
    public var shares: [(label: String, short: String, share: Double, timed: Bool)] {
        let figures: [(Figure, Double)] = buildingCoverage.map { [(.services, coverage), (.anyBuilding, $0)] } ?? [(.need, coverage)]
        return figures.map { ($0.0.label, $0.0.short, $0.1, $0.0.timed) }
    }

    /// Labelled figures: (label for tables, short label for the map's title block, text).
    public var items: [(label: String, short: String, text: String)] {
        shares.map { ($0.label, $0.short, NumberFormat.percent($0.share) + ($0.timed ? " " + within : "")) }
    }

    /// The terminal's lines.
    public var consoleLines: [String] {
        guard let buildingCoverage else { return ["need covered within \(NumberFormat.decimal(minutes)) min: \(NumberFormat.percent(coverage))"] }
        return ["services covered, each within its standard: \(NumberFormat.percent(coverage)) "
                + "(by the services' weights, outreach at its value)",
                "children's need \(within) of any kept building: \(NumberFormat.percent(buildingCoverage))"]
    }

    /// The district tables' coverage column, which is always the buildings' (`districts.csv`).
    public var districtHeader: String {
        buildingCoverage == nil ? "Need covered" : "Any building in \(NumberFormat.decimal(minutes)) min"
    }

    /// The same header for the terminal's lower-case table.
    public var districtConsoleHeader: String { buildingCoverage == nil ? "covered" : districtHeader.lowercased() }
}

extension PlanCoverage {
    /// Several options' coverage side by side: "need covered" when no option plans services;
    /// otherwise the services' weighted share ("-" for a buildings-only option) and the need
    /// within reach of any kept building (a buildings-only option's one figure), so a column
    /// never sets one measure beside the other. `minutes` adds each option's coverage time.
    static func rows(_ options: [PlanRecord], minutes: Bool = true) -> [(label: String, short: String, values: [String])] {
        let coverageMinutes = options.map(\.summary.coverageMinutes)
        return shareRows(options).map { row in
            (row.label, row.short, zip(row.values, coverageMinutes).map { share, within in
                share.map { NumberFormat.percent($0) + (row.timed && minutes ? " in " + NumberFormat.decimal(within) + " min" : "") } ?? "-"
            })
        }
    }

    /// The same rows as numbers (nil: the figure does not apply to that option), for the
    /// comparison's workbook; `timed`: the figure is within each option's coverage time.
    static func shareRows(_ options: [PlanRecord]) -> [(label: String, short: String, values: [Double?], timed: Bool)] {
        let figures = options.map { PlanCoverage($0.summary.totals, minutes: $0.summary.coverageMinutes) }
        func row(_ figure: Figure, _ values: [Double?]) -> (label: String, short: String, values: [Double?], timed: Bool) {
            (figure.label, figure.short, values, figure.timed)
        }
        guard figures.contains(where: { $0.buildingCoverage != nil }) else { return [row(.need, figures.map(\.coverage))] }
        return [row(.services, figures.map { $0.buildingCoverage == nil ? nil : $0.coverage }),
                row(.anyBuilding, figures.map { $0.buildingCoverage ?? $0.coverage })]
    }
}
