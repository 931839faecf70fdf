import Quantities
import Foundation
import Estate
import EstateIO
import EstateMap
import Planning

/// The output folder of one plan (FORMAT.md "What a run writes"), as named file contents.
public enum PlanFiles {
    /// Every file of the folder. An infeasible or failed run writes `summary.json` only, since there
    /// are no decisions to tabulate.
    /// `phases`, when given, is asked once every other file is made, so that its write time
    /// covers them, and recorded in `summary.json`.
    public static func make(_ context: PlanContext, engineVersion: String,
                            phases: (() -> RunPhases)? = nil) throws -> [(name: String, contents: [UInt8])] {
        try make(context, besideSummary: besideSummary(context), engineVersion: engineVersion, phases: phases)
    }

    /// The files of `make` but `summary.json`, the only one that reports the plan's explanation:
    /// made from the plan alone, so that `estate plan` makes them while the explanation re-solves.
    public struct BesideSummary: Sendable {
        var files: [(name: String, contents: [UInt8])]
        var totals: PlanTotals?
    }

    /// Every file but `summary.json` (none for a run with no plan).
    public static func besideSummary(_ context: PlanContext) throws -> BesideSummary {
        guard context.plan.status.hasPlan else { return BesideSummary(files: [], totals: nil) }
        let tables = PlanTables(context)
        let districtOutlines = context.dataset.districtBoundaries()
        var files: [(name: String, contents: [UInt8])] = [
            ("sites.csv", sitesCSV(context, tables)),
            ("areas.csv", areasCSV(context)),
            ("districts.csv", districtsCSV(context, tables)),
            ("estate.geojson", Array(geoJSON(context, tables).utf8)),
            ("equality.csv", try PlanEquality.csv(context)),
            ("sites.geojson", Array(sitesLayer(context, tables).utf8)),
            ("areas.geojson", Array(areasLayer(context).utf8)),
            ("districts.geojson", Array(districtsLayer(context, tables, outlines: districtOutlines).utf8)),
            ("estate.gpkg", try PlanGeoPackage.bytes(context, tables, districtOutlines: districtOutlines)),
            ("unreachable_areas.csv", unreachableAreasCSV(context)),
        ]
        var extraSheets: [ReportTable] = []
        if context.plan.services != nil {
            let services = ServiceTables.servicesTable(context), equality = try ServiceEquality.table(context)
            extraSheets += [services, equality].map { ServiceTables.namedSheet($0, context.scenario.serviceNames) }
            files.append(("services.csv", services.csv))
            files.append(("service_equality.csv", try ServiceEquality.csv(context)))
            files.append(("area_services.csv", ServiceTables.areaServicesCSV(context)))
        }
        if context.specification.constraints.capacity != nil {
            let capacity = CapacityTables(context)
            let sheets = [hubsTable(context, capacity), displacedTable(context, capacity)]
            extraSheets += sheets
            files.append(("hubs.csv", sheets[0].csv))
            files.append(("displaced.csv", sheets[1].csv))
        }
        let map = try EstateMap.files(PlanMap.data(context, tables: tables))
        files.append(("estate.svg", Array(map.svg.utf8)))
        files.append(("estate.html", Array(map.html.utf8)))
        files.append(("estate.xlsx", try PlanWorkbook.workbook(context, tables, extra: extraSheets).xlsx()))
        return BesideSummary(files: files, totals: tables.totals)
    }

    /// Every file of the folder: `besideSummary` (made from `context`'s plan, with or without its
    /// explanation) and `summary.json` from `context` as it is now.
    public static func make(_ context: PlanContext, besideSummary made: BesideSummary, engineVersion: String,
                            phases: (() -> RunPhases)? = nil) throws -> [(name: String, contents: [UInt8])] {
        var files = made.files
        files.append(("summary.json", try PlanSummary(engineVersion: engineVersion, context: context, totals: made.totals,
                                                      phases: phases?()).json()))
        files.sort { $0.name < $1.name }
        return files
    }

    static func sitesCSV(_ context: PlanContext, _ tables: PlanTables) -> [UInt8] { sitesTable(context, tables).csv }
    static func areasCSV(_ context: PlanContext) -> [UInt8] { areasTable(context).csv }
    static func districtsCSV(_ context: PlanContext, _ tables: PlanTables) -> [UInt8] { districtsTable(context, tables).csv }

    static func sitesTable(_ context: PlanContext, _ tables: PlanTables) -> ReportTable {
        let dataset = context.dataset
        var table = ReportTable(name: "Sites", header: ["site_id", "name", "kind", "district", "decision", "status", "annual_cost", "carbon",
                                                         "capacity", "need_served", "unique_need", "visits", "visits_displaced",
                                                         "nearest_kept_site", "extra_minutes"]
                                    + (context.plan.services == nil ? [] : ["services_offered", "family_hub"]))
        for row in tables.sites {
            let site = dataset.sites[row.site]
            table.rows.append([
                .text(site.id), .text(site.name), .text(site.kind), .text(dataset.districts[site.district]),
                .text(row.kept ? "kept" : "closed"), .text(site.status.rawValue), .number(site.annualCost, .money),
                .number(site.carbon, .carbon), .number(site.capacity, .visits), .number(row.needServed, .weight),
                .number(row.uniqueNeed, .weight), .number(row.visits, .visits), .number(row.visitsDisplaced, .visits),
                row.nearestKeptSite.map { .text(dataset.sites[$0].id) } ?? .empty, .number(row.extraMinutes, .minutes),
            ] + ServiceTables.siteCells(context, site: row.site).map { .text($0) })
        }
        return table
    }

    static func areasTable(_ context: PlanContext) -> ReportTable {
        let dataset = context.dataset, plan = context.plan, instance = context.instance
        var table = ReportTable(name: "Areas", header: ["area_id", "district", "children", "need_score", "weight", "site_id", "minutes",
                                                         "covered", "covered_share"])
        table.rows.reserveCapacity(dataset.areas.count)
        for (i, area) in dataset.areas.enumerated() {
            table.rows.append([
                .text(area.id), .text(dataset.districts[area.district]), .number(area.children, .people),
                .number(context.needScore[i], .score), .number(instance.areaWeight[i], .weight),
                plan.areaSite[i].map { .text(dataset.sites[$0].id) } ?? .empty, .number(plan.areaMinutes[i], .minutes),
                .text(plan.areaCoveredShare[i] >= 1 - 1e-9 ? "true" : "false"), .number(plan.areaCoveredShare[i], .share),
            ])
        }
        return table
    }

    /// Each kept hub's assigned load against its capacity (capacitated plans only).
    static func hubsTable(_ context: PlanContext, _ tables: CapacityTables) -> ReportTable {
        let dataset = context.dataset
        var table = ReportTable(name: "Hubs", header: ["site_id", "name", "district", "capacity", "load", "utilisation", "areas"])
        for hub in tables.hubs {
            let site = dataset.sites[hub.site]
            table.rows.append([
                .text(site.id), .text(site.name), .text(dataset.districts[site.district]), .number(hub.capacity, .visits),
                .number(hub.load, .visits), .number(hub.capacity.flatMap { $0 > 0 ? hub.load / $0 : nil }, .share),
                .integer(hub.areas),
            ])
        }
        return table
    }

    /// Visits of each closing site's users by the hub their area is assigned to (capacitated plans only).
    static func displacedTable(_ context: PlanContext, _ tables: CapacityTables) -> ReportTable {
        let sites = context.dataset.sites
        var table = ReportTable(name: "Displaced", header: ["closed_site_id", "receiving_site_id", "visits"])
        for row in tables.displaced {
            table.rows.append([.text(sites[row.closedSite].id), row.receivingSite.map { .text(sites[$0].id) } ?? .empty,
                               .number(row.visits, .visits)])
        }
        return table
    }

    static func districtsTable(_ context: PlanContext, _ tables: PlanTables) -> ReportTable {
        let services = ServiceTables.districtRows(context)
        var table = ReportTable(name: "Districts", header: ["district", "sites_kept", "sites_closed", "cost", "carbon", "need", "coverage",
                                                             "median_minutes", "worst_minutes", "areas_without_hub"]
                                    + (context.plan.services == nil ? [] : ServiceTables.districtHeader))
        for row in tables.districts {
            table.rows.append([
                .text(context.dataset.districts[row.district]), .integer(row.sitesKept), .integer(row.sitesClosed),
                .number(row.cost, .money), .number(row.carbon, .carbon), .number(row.need, .weight),
                .number(row.coverage, .share), .number(row.medianMinutes, .minutes),
                .number(row.worstMinutes, .minutes), .integer(row.areasWithoutHub),
            ] + ServiceTables.districtCells(services, district: row.district))
        }
        return table
    }

    /// Sites and areas as GeoJSON Points (RFC 7946: [longitude, latitude]); sites first, in file order.
    static func geoJSON(_ context: PlanContext, _ tables: PlanTables) -> String {
        let dataset = context.dataset
        var features: [String] = []
        func point(_ lat: Double, _ lon: Double) -> String {
            "{\"type\":\"Point\",\"coordinates\":[\(NumberFormat.decimal(lon, 6)),\(NumberFormat.decimal(lat, 6))]}"
        }
        for row in tables.sites {
            let site = dataset.sites[row.site]
            features.append(feature(point(site.latitude, site.longitude), siteProperties(context, row)))
        }
        for (i, area) in dataset.areas.enumerated() {
            features.append(feature(point(area.latitude, area.longitude), areaProperties(context, i)))
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
    }

    /// A site's GeoJSON properties (estate.geojson and the sites layer).
    static func siteProperties(_ context: PlanContext, _ row: SiteRow) -> [(String, FeatureValue)] {
        let dataset = context.dataset, site = dataset.sites[row.site]
        return [
            ("feature", .text("site")), ("site_id", .text(site.id)), ("name", .text(site.name)), ("kind", .text(site.kind)),
            ("district", .text(dataset.districts[site.district])), ("decision", .text(row.kept ? "kept" : "closed")),
            ("status", .text(site.status.rawValue)), ("annual_cost", .number(site.annualCost, decimals: 2)),
            ("carbon", .number(site.carbon, decimals: 3)), ("need_served", .number(row.needServed, decimals: 3)),
            ("unique_need", .number(row.uniqueNeed, decimals: 3)),
        ]
    }

    /// Area `i`'s GeoJSON properties (estate.geojson and the areas layer).
    static func areaProperties(_ context: PlanContext, _ i: Int) -> [(String, FeatureValue)] {
        let dataset = context.dataset, plan = context.plan, area = dataset.areas[i]
        return [
            ("feature", .text("area")), ("area_id", .text(area.id)), ("district", .text(dataset.districts[area.district])),
            ("need_score", .number(context.needScore[i], decimals: 6)),
            ("weight", .number(context.instance.areaWeight[i], decimals: 6)),
            ("site_id", plan.areaSite[i].map { .text(dataset.sites[$0].id) } ?? .null),
            ("minutes", .number(plan.areaMinutes[i], 2)),
            ("covered", .bool(plan.areaCoveredShare[i] >= 1 - 1e-9)),
        ]
    }

    static func feature(_ geometry: String, _ properties: [(String, FeatureValue)]) -> String {
        let props = properties.map { "\(JSONText.string($0.0)):\($0.1.json)" }.joined(separator: ",")
        return "{\"type\":\"Feature\",\"geometry\":\(geometry),\"properties\":{\(props)}}"
    }
}
