import Estate
import EstateIO
import Foundation
import EstateMap

extension Comparison {
    /// The difference map of the first option (A) against option `k` (B): areas by coverage
    /// change, sites by decision change, headline totals A → B and the two options' district table.
    public func mapData(_ k: Int) -> DifferenceMapData {
        let a = options[0], b = options[k]
        let ta = a.summary.totals, tb = b.summary.totals
        let d = difference(k)
        let arrow = { (x: String, y: String) in "\(x) → \(y)" }
        let totals = [
            MapTotal("Sites kept", arrow(String(ta.sitesKept), String(tb.sitesKept))),
        ] + PlanCosts.items([a, b]).map { item in
            MapTotal(item.short, arrow(item.values[0].map(NumberFormat.pounds) ?? "-", item.values[1].map(NumberFormat.pounds) ?? "-"))
        } + [
            MapTotal("Carbon (tCO2e)", arrow(NumberFormat.carbon(ta.carbon), NumberFormat.carbon(tb.carbon))),
            MapTotal("Need covered", arrow(NumberFormat.percent(ta.coverage), NumberFormat.percent(tb.coverage))),
            MapTotal("Sites closed / opened", "\(d.sitesClosed) / \(d.sitesOpened)"),
            MapTotal("Areas losing / gaining", "\(d.areasLost) / \(d.areasGained)"),
        ]
        let diffAreas = areas[0].indices.map { i in
            let x = areas[0][i], y = areas[k][i]
            return DifferenceArea(id: x.id, district: x.district, lat: x.lat, lon: x.lon, children: x.children,
                                  minutesA: x.minutes, minutesB: y.minutes, coveredA: x.covered, coveredB: y.covered,
                                  outline: outlines[x.id])
        }
        let diffSites = sites[0].indices.map { s in
            let x = sites[0][s]
            return DifferenceSite(id: x.id, name: x.name, kind: x.kind, district: x.district, lat: x.lat, lon: x.lon,
                                  decisionA: x.decision, decisionB: sites[k][s].decision)
        }
        let minutes = { (m: Double?) in NumberFormat.minutes(m) }
        let header = ["District", "Kept A", "Kept B", "Buildings cost A", "Buildings cost B", "Covered A", "Covered B", "Worst min A", "Worst min B"]
        let rows = districtRows.map { row in
            let fa = row.figures[0], fb = row.figures[k]
            return [row.district, String(fa.sitesKept), String(fb.sitesKept), NumberFormat.pounds(fa.cost), NumberFormat.pounds(fb.cost),
                    NumberFormat.percent(fa.coverage), NumberFormat.percent(fb.coverage), minutes(fa.worstMinutes), minutes(fb.worstMinutes)]
        }
        return DifferenceMapData(title: "Family Hub estate options", optionA: a.name, optionB: b.name, totals: totals,
                                 areas: diffAreas, sites: diffSites, districtTable: MapTable(header: header, rows: rows),
                                 notices: notices)
    }

    /// The area outlines of the dataset folder the options were planned on (`summary.json`'s
    /// `dataset`), by area id, for the difference maps; empty when the folder is no longer there
    /// (a plan folder moved to another machine) or has no boundaries, so the maps fall back to
    /// shapes derived from centroids. The options' own data was checked to match already.
    public static func areaOutlines(datasetFolder: String) throws(InputErrors) -> [String: Boundary] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: datasetFolder, isDirectory: &isDirectory), isDirectory.boolValue else { return [:] }
        let dataset = try DatasetReader.read(folder: URL(fileURLWithPath: datasetFolder), readTravel: false)
        var outlines: [String: Boundary] = [:]
        for (area, outline) in zip(dataset.areas, dataset.boundaries) { outlines[area.id] = outline }
        return outlines
    }

    /// Every notice any option's dataset declared (options share one dataset, so usually one set).
    public var notices: [String] {
        var seen = Set<String>()
        return options.flatMap(\.summary.provenance.notices).filter { seen.insert($0).inserted }
    }
}
