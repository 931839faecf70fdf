import Estate

/// The scenario files written beside the generated Kent dataset: the Family Hub Network (the
/// default, `scenario.yaml`) and the buildings-only question of the first version
/// (`buildings-only/`, which reads the same files but leaves the partners' venues out).
extension KentGenerator {
    /// Every file of the generated Kent folder beyond the dataset's own (areas, sites, usage,
    /// outlines, `places.csv` and `dataset.yaml`); `places` is that `places.csv`, which the
    /// buildings-only folder gets a copy of (a manifest names no places file).
    public static func scenarioFiles(_ output: Output, places: [UInt8]) -> [(name: String, contents: [UInt8])] {
        [("scenario.yaml", Array(networkScenarioText(budget: output.networkBudget).utf8)),
         ("buildings-only/dataset.yaml", Array(buildingsOnlyManifest(indicators: output.dataset.indicators.names).utf8)),
         ("buildings-only/places.csv", places),
         ("buildings-only/scenario.yaml", Array(buildingsOnlyScenarioText(budget: output.budget).utf8))]
    }

    /// The default scenario: Kent's Family Hub Network option (Cabinet, 30 November 2023) as a
    /// services plan.
    public static func networkScenarioText(budget: Double) -> String {
        let core = KentServices.core.joined(separator: ", ")
        return """
        # Default Kent scenario: the Family Hub Network, planned service by service (docs/services.md).
        # A Family Hub offering the 7 core services in every district; the 4 partner services within
        # 30 minutes of most families, at partners' venues or in council buildings; activities for
        # young people within 30 minutes for most 11-19 year olds in every district; outreach where
        # no kept building reaches; on a budget for buildings, services and outreach together.
        # Populations are the age bands of areas.csv; costs per service are illustrative.
        # The dataset is illustrative (see README.md and dataset.yaml), not KCC's real site list.
        name: "Kent Family Hub Network"
        description: >-
          A Family Hub with the 7 core services in every district, the 4 partner services within
          reach, youth activities in every district by need, and outreach where no building reaches,
          within one budget for buildings, services and outreach.
        \(sharedSettings(budget: budget))
        services:
          # Delivered by Family Hub practitioners.
          - {code: parent_education, name: "Parent education", population: children_0_4, cost_per_site: 10000}
          - {code: early_years, name: "Early years activities", population: children_0_4, cost_per_site: 15000, weight: 2}
          - {code: youth_activities, name: "Youth activities", population: young_people_11_19, coverage_minutes: 30, min_district_coverage: 0.6, cost_per_site: 15000, weight: 2}
          - {code: send_advice, name: "SEND advice", population: send_0_25, coverage_minutes: 30}
          - {code: mental_health, name: "Mental health signposting", population: children, coverage_minutes: 30}
          - {code: adolescent_parents, name: "Parents of adolescents", population: young_people_11_19, coverage_minutes: 30}
          - {code: online_safety, name: "Online safety", population: children, coverage_minutes: 30}
          # Made accessible through voluntary-sector partners.
          - {code: substance_misuse, name: "Substance misuse support", population: young_people_11_19, coverage_minutes: 30, min_coverage: 0.8, cost_per_site: 2000}
          - {code: domestic_abuse, name: "Domestic abuse support", population: children, coverage_minutes: 30, min_coverage: 0.8, cost_per_site: 2000}
          - {code: debt_welfare, name: "Debt and welfare advice", population: children, coverage_minutes: 30, min_coverage: 0.8, cost_per_site: 2000}
          - {code: separating_parents, name: "Separating parents support", population: children, coverage_minutes: 30, min_coverage: 0.8, cost_per_site: 2000}
        family_hubs:
          core: [\(core)]
          per_district: 1
        outreach:
          cost_per_person: 40
          services: [early_years, youth_activities]
          value: 0.5
        solver: {time_limit_s: 60, mip_gap: 0.0}

        """
    }

    /// The buildings-only dataset: the same files, the council's own buildings only (no
    /// partners' venues), so the first version's question and results stay as they were.
    static func buildingsOnlyManifest(indicators: [String]) -> String {
        """
        # The Kent dataset without the partners' venues: the council's own buildings (Children's
        # Centres and Youth Hubs) from ../sites.csv, the same areas, usage and outlines.
        areas:
          - file: ../areas.csv
            key: area_id
            columns: {\(indicators.map { "\($0): \($0)" }.joined(separator: ", "))}
        sites:
          file: ../sites.csv
          where: {kind: [childrens_centre, youth_hub]}
        usage: ../usage.csv
        boundaries: {file: ../boundaries.geojson, key: area_id}
        illustrative: true
        caveats:
          - "Generated from public figures (see the dataset's README): not Kent County Council's site list; areas are not real LSOAs."

        """
    }

    /// The settings both Kent scenarios share (the needs framework, travel, the objective and
    /// its standard, the budget), written once so the two questions cannot drift apart. The lines
    /// sit at column 0 because an interpolated text keeps its own indentation.
    private static func sharedSettings(budget: Double) -> String {
        """
        dataset: .
        needs:
          indicators:
            - {column: imd_score,   weight: 0.4, direction: higher_is_worse, transform: rank}
            - {column: idaci_score, weight: 0.2, direction: higher_is_worse, transform: rank}
            - {column: cin_rate,    weight: 0.2, direction: higher_is_worse, transform: rank}
            - {column: fsm_pct,     weight: 0.2, direction: higher_is_worse, transform: rank}
          usage_weight: 0.2
        travel: {speed_kmh: 20, circuity: 1.3}
        objective: max_coverage
        coverage_minutes: 20
        constraints:
          budget: \(Int(budget))
        """
    }

    /// The buildings-only scenario (the first version's default): keep the buildings that reach
    /// the most need-weighted children.
    public static func buildingsOnlyScenarioText(budget: Double) -> String {
        """
        # Kent buildings only: keep the Family Hubs that reach the most need-weighted children
        # within 20 minutes (door to door at 20 km/h, roughly bus or car-and-walk in Kent), on half of
        # today's running costs, with at least one hub in every district. One undifferentiated
        # service; the default scenario (../scenario.yaml) plans the services themselves.
        # The dataset is illustrative (see ../README.md and dataset.yaml), not KCC's real site list.
        name: "Kent Family Hubs: half today's running cost"
        description: >-
          Keep the buildings that reach the most need-weighted children within 20 minutes, on a
          budget of half today's running costs, with at least one hub in every district.
        \(sharedSettings(budget: budget))
          min_per_district: 1
        solver: {time_limit_s: 60, mip_gap: 0.0}

        """
    }
}

extension KentGenerator {
    /// The Family Hub Network's budget as a share of today's running cost of the council's
    /// buildings: it must pay for the services and outreach too.
    static let networkBudgetShare = 0.6
}
