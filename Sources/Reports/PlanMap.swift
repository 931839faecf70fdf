import Estate
import EstateMap
import Planning

/// The plan as the estate map draws it: areas by need with their hub, sites by decision, the
/// title block's totals and the district table.
public enum PlanMap {
    public static func data(_ context: PlanContext, tables: PlanTables) throws -> EstateMapData {
        let dataset = context.dataset, plan = context.plan, spec = context.specification
        let deciles = try EqualityImpact.deciles(PlanEquality.areas(context))
        let areas = dataset.areas.indices.map { i in
            let area = dataset.areas[i]
            return MapArea(
                id: area.id, district: dataset.districts[area.district], lat: area.latitude, lon: area.longitude,
                need: context.needScore[i], weight: context.instance.areaWeight[i], children: area.children,
                hub: plan.areaSite[i], minutes: plan.areaMinutes[i], covered: plan.areaCoveredShare[i] >= 1 - 1e-9,
                deprivationDecile: deciles[i], outline: i < dataset.boundaries.count ? dataset.boundaries[i] : nil)
        }
        let outcome = plan.services, names = context.scenario.serviceNames
        let sites = tables.sites.map { row in
            let site = dataset.sites[row.site]
            let decision: SiteDecision = !row.kept ? .closed : (site.status == .keep ? .mustKeep : .kept)
            return MapSite(id: site.id, name: site.name, kind: site.kind, district: dataset.districts[site.district],
                           lat: site.latitude, lon: site.longitude, decision: decision, annualCost: site.annualCost,
                           carbon: site.carbon, needServed: row.needServed,
                           familyHub: outcome?.evaluation.familyHub[row.site] ?? false,
                           servicesOffered: outcome.map { o in o.codes.indices.filter { o.offered[row.site][$0] }.map { names[o.codes[$0]] } } ?? [])
        }
        let t = tables.totals
        let coverage = PlanCoverage(t, minutes: spec.coverageMinutes)
        let totals = [
            MapTotal("Sites kept", "\(t.sitesKept) of \(t.sitesKept + t.sitesClosed)"),
        ] + PlanCosts(t).items.map { MapTotal($0.short, "\(NumberFormat.pounds($0.value)) a year") } + [
            MapTotal("Carbon", "\(NumberFormat.carbon(t.carbon)) tCO2e"),
            MapTotal("Carbon saved", "\(NumberFormat.carbon(t.carbonSaving)) tCO2e"),
        ] + coverage.items.map { MapTotal($0.short, $0.text.replacingOccurrences(of: "within ", with: "in ").replacingOccurrences(of: " minutes", with: " min")) } + [
            MapTotal("Visits displaced", "\(NumberFormat.grouped(t.visitsDisplaced)) a year"),
        ]
        var status = plan.status.rawValue
        if let gap = plan.gap { status += ", gap \(NumberFormat.gap(gap))" }
        let header = ["District", "Kept", "Closed", "Buildings cost", "Carbon (tCO2e)", coverage.districtHeader, "Median min", "Worst min"]
        let rows = tables.districts.map { row in
            [dataset.districts[row.district], String(row.sitesKept), String(row.sitesClosed), NumberFormat.pounds(row.cost),
             NumberFormat.carbon(row.carbon), NumberFormat.percent(row.coverage),
             NumberFormat.minutes(row.medianMinutes), NumberFormat.minutes(row.worstMinutes)]
        }
        var data = EstateMapData(
            title: context.scenario.title, subtitle: subtitle(context), status: status,
            totals: totals, areas: areas, sites: sites, districtTable: MapTable(header: header, rows: rows),
            notices: dataset.provenance.notices, services: services(context))
        data.places = dataset.places.map { MapPlace(name: $0.name, lat: $0.latitude, lon: $0.longitude) }
        return data
    }

    /// A v2 plan's coverage of each service by area (building and outreach shares); none for v1.
    static func services(_ context: PlanContext) -> [MapService] {
        guard let outcome = context.plan.services, let instance = context.instance.services else { return [] }
        return outcome.codes.indices.map { k in
            MapService(code: outcome.codes[k], name: context.scenario.serviceNames[outcome.codes[k]], covered: outcome.evaluation.coveredShare[k],
                       outreach: outcome.evaluation.outreachShare[k], population: instance.areaPopulation[k])
        }
    }

    /// The option's description, or else what it optimises, in words.
    static func subtitle(_ context: PlanContext) -> String {
        if let description = context.scenario.description { return description }
        return "\(context.specification.objective.rawValue) within \(NumberFormat.decimal(context.specification.coverageMinutes)) minutes"
            + " (\(context.scenario.file))"
    }
}
