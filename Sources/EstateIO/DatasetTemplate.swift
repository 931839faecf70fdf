/// The blank dataset `estate init` writes: FORMAT.md's files with every column (header only), a
/// scenario with every key, its unit and a comment, a commented `dataset.yaml` for published
/// files, and a README that says what each column holds. The column lists come from
/// `DatasetReader`, so the template cannot drift from what the reader requires.
public enum DatasetTemplate {
    /// One column: its name, unit and what it holds.
    public struct Column: Sendable, Hashable {
        public var name: String
        public var unit: String
        public var comment: String
    }

    /// `areas.csv`: the required columns, then typical indicators and population bands.
    public static let areaColumns: [Column] = [
        Column(name: "area_id", unit: "text, unique", comment: "small-area code, e.g. the LSOA code E01024001"),
        Column(name: "district", unit: "text", comment: "the district the area belongs to, e.g. Ashford"),
        Column(name: "lat", unit: "decimal degrees (WGS84)", comment: "latitude of the population-weighted centroid"),
        Column(name: "lon", unit: "decimal degrees (WGS84)", comment: "longitude of the population-weighted centroid (west of Greenwich is negative)"),
        Column(name: "children", unit: "persons >= 0", comment: "resident children and young people aged 0-19: the demand base"),
        Column(name: "imd_score", unit: "score (higher = more deprived)", comment: "an indicator: Index of Multiple Deprivation score; any numeric column can be one"),
        Column(name: "idaci_score", unit: "share 0-1", comment: "an indicator: Income Deprivation Affecting Children Index"),
        Column(name: "fsm_pct", unit: "percent 0-100", comment: "an indicator: pupils eligible for free school meals"),
        Column(name: "children_0_4", unit: "persons", comment: "a population column a service may name (e.g. early years)"),
    ]

    /// `sites.csv`: the required columns, then the optional ones.
    public static let siteColumns: [Column] = [
        Column(name: "site_id", unit: "text, unique", comment: "the building's reference"),
        Column(name: "name", unit: "text", comment: "the building's name, for reports"),
        Column(name: "kind", unit: "text", comment: "childrens_centre, youth_hub, family_hub, partner or your own word"),
        Column(name: "district", unit: "text", comment: "one of the districts of areas.csv"),
        Column(name: "lat", unit: "decimal degrees (WGS84)", comment: "latitude"),
        Column(name: "lon", unit: "decimal degrees (WGS84)", comment: "longitude"),
        Column(name: "annual_cost", unit: "GBP a year >= 0", comment: "running cost if kept (85000 or £85,000)"),
        Column(name: "carbon", unit: "tCO2e a year >= 0", comment: "operational emissions if kept (tonnes, not kilograms)"),
        Column(name: "capacity", unit: "visits a year >= 0, optional", comment: "what the building can serve; blank = unlimited"),
        Column(name: "status", unit: "candidate, keep or close, optional", comment: "keep = must stay open, close = must go; blank = candidate"),
        Column(name: "services", unit: "codes separated by ;, optional", comment: "services the building can host, e.g. early_years;youth; blank = every service"),
    ]

    /// `usage.csv` (optional).
    public static let usageColumns: [Column] = [
        Column(name: "site_id", unit: "text", comment: "a site_id of sites.csv"),
        Column(name: "area_id", unit: "text", comment: "an area_id of areas.csv (where the visitors live)"),
        Column(name: "service", unit: "text, optional", comment: "the service visited"),
        Column(name: "visits", unit: "visits a year >= 0", comment: "visits by residents of the area to the site"),
    ]

    /// Every file of the blank dataset, by name.
    public static func files() -> [(name: String, contents: [UInt8])] {
        [
            ("README.md", Array(readme().utf8)),
            ("areas.csv", Array((areaColumns.map(\.name).joined(separator: ",") + "\n").utf8)),
            ("sites.csv", Array((siteColumns.map(\.name).joined(separator: ",") + "\n").utf8)),
            ("usage.csv", Array((usageColumns.map(\.name).joined(separator: ",") + "\n").utf8)),
            ("scenario.yaml", Array(scenario.utf8)),
            ("dataset.yaml", Array(manifest.utf8)),
        ]
    }

    static func readme() -> String {
        func table(_ columns: [Column]) -> String {
            "| column | unit | what it holds |\n|---|---|---|\n"
                + columns.map { "| `\($0.name)` | \($0.unit) | \($0.comment) |" }.joined(separator: "\n") + "\n"
        }
        return """
            # A new Estate dataset

            Fill `areas.csv` and `sites.csv` (one row per small area, one per building; `usage.csv`
            is optional), or describe the files you already have in `dataset.yaml` (uncomment it),
            then check and plan:

            ```sh
            estate validate scenario.yaml
            estate plan scenario.yaml --out plan
            ```

            ## areas.csv

            \(table(areaColumns))
            The indicator and population columns are examples: keep those you have, add others, and
            name the ones that matter in `scenario.yaml`'s `needs:`.

            ## sites.csv

            \(table(siteColumns))
            ## usage.csv (optional)

            \(table(usageColumns))
            A `travel.csv` (`area_id,site_id,minutes`) may give measured travel times; without it they
            are estimated from distance (scenario `travel:`).

            """
    }

    /// Every scenario key, the optional ones commented out, each with its unit and meaning.
    public static let scenario = """
        # Estate scenario: what to optimise, under which constraints (docs: FORMAT.md, docs/data.md).
        name: My estate review                 # the title on maps and reports
        dataset: .                             # the dataset folder, relative to this file
        needs:                                 # the needs framework (remove it: an area's weight is its children)
          indicators:                          # columns of areas.csv; weights are shares of the composite
            - {column: imd_score, weight: 0.6, direction: higher_is_worse, transform: rank}
            - {column: idaci_score, weight: 0.4, direction: higher_is_worse, transform: rank}
          # usage_weight: 0.2                  # share of the weight from observed visits (usage.csv), 0-1
          # missing: district_median           # blank indicator cells: error (default) or district_median
          # multiplier: {min: 0.5, max: 2.0}   # range of the need multiplier before normalisation
        travel:                                # estimated travel, used when there is no travel.csv
          speed_kmh: 30                        # door-to-door speed, km/h
          circuity: 1.3                        # road distance over straight-line distance
          horizon_minutes: 60                  # pairs beyond this many minutes are not computed
        objective: max_coverage                # max_coverage | min_cost | min_travel | min_carbon | min_sites
        coverage_minutes: 20                   # an area is covered by a kept site within this many minutes
        constraints:
          budget: 1_000_000                    # total annual_cost of kept sites, GBP a year, at most
          # carbon: 200                        # total carbon of kept sites, tCO2e a year, at most
          # sites: {max: 10}                   # or {exactly: 10} / {min: 5}: number of kept sites
          min_per_district: 1                  # kept sites in every district that has a site, at least
          # min_coverage: 0.9                  # share of need-weighted children covered, 0-1
          # min_district_coverage: 0.8         # the same in every district, 0-1
          # min_deprived_coverage: 0.9         # the same among the most deprived areas, 0-1
          # deprived_share: 0.2                # which share of areas counts as most deprived, 0-1
          # max_minutes: 45                    # every area has a kept site within this many minutes
          # capacity: true                     # demand assigned within site capacity: true (split) or single
          # visits_per_child: 1.0              # visits a year per child where usage.csv has none
        solver:
          time_limit_s: 60                     # seconds; the best plan found so far is kept, with its gap
          mip_gap: 0                           # relative gap at which to stop, 0 = prove the optimum

        """

    /// A `dataset.yaml` for the files ONS and the deprivation release publish, all commented out
    /// so that the folder stays plain until it is filled in.
    public static let manifest = """
        # dataset.yaml: describe the files you already have instead of filling areas.csv and
        # sites.csv (docs/data.md). Uncomment, then put the files beside it. With this file
        # active, areas.csv and sites.csv are not read.
        #
        # illustrative: false                  # true: every map and report says the data is made up
        # areas:                               # the first file lists the areas; the others join by code
        #   - file: LSOA21_WD22_LAD22_EW_LU.csv                    # ONS lookup, LSOA to ward to district
        #     key: LSOA21CD
        #     where: {LAD22CD: [E07000105, E07000106]}             # your districts
        #     columns: {district: LAD22NM}
        #   - file: LSOA_PopCentroids_EW_2021_V3.csv               # ONS population-weighted centroids
        #     key: LSOA21CD
        #     crs: EPSG:27700                                      # British National Grid metres
        #     columns: {easting: x, northing: y}
        #   - file: File_7_IoD2025_All_Ranks_Scores_Deciles_Population_Denominators.csv
        #     key: LSOA code (2021)
        #     columns:
        #       imd_score: Index of Multiple Deprivation (IMD) Score
        #       idaci_score: Income Deprivation Affecting Children Index (IDACI) Score (rate)
        #   - file: sapelsoasyoa20222022.csv                       # ONS population by single year of age
        #     key: LSOA 2021 Code
        #     columns:
        #       children: {sum: ["F{0..19}", "M{0..19}"]}          # persons aged 0-19
        #       children_0_4: {sum: ["F{0..4}", "M{0..4}"]}
        # sites:
        #   file: buildings.csv                                    # your property list
        #   columns:
        #     site_id: Ref
        #     name: Name
        #     kind: type
        #     district: District
        #     lat: Latitude
        #     lon: Longitude
        #     annual_cost: cost                                    # "£85,000" reads as 85000
        #     carbon: {column: Carbon (kgCO2e), scale: 0.001}      # kilograms to tonnes
        # usage: usage.csv                                         # optional, FORMAT.md's layout

        """
}
