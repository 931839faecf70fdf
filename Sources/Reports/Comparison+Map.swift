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
        var totals = [
            MapTotal("Sites kept", arrow(String(ta.sitesKept), String(tb.sitesKept))),
        ] + PlanCosts.items([a, b]).map { item in
            MapTotal(item.short, arrow(item.values[0].map(NumberFormat.pounds) ?? "-", item.values[1].map(NumberFormat.pounds) ?? "-"))
        } + [
            MapTotal("Carbon (tCO2e)", arrow(NumberFormat.carbon(ta.carbon), NumberFormat.carbon(tb.carbon))),
        ] + PlanCoverage.rows([a, b], minutes: false).map { MapTotal($0.short, arrow($0.values[0], $0.values[1])) } + [
            MapTotal("Sites closed / opened", "\(d.sitesClosed) / \(d.sitesOpened)"),
            MapTotal("Areas losing / gaining", "\(d.areasLost) / \(d.areasGained)"),
        ]
        let shifts = serviceShifts(k)
        if !serviceCodes.isEmpty {
            // Counted per district and service: "2 / 0" is two services a district no longer has.
            totals.append(MapTotal("Services lost / moved", "\(shifts.filter { $0.kind == .lost }.count) / "
                + "\(shifts.filter { $0.kind == .moved }.count)"))
        }
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
                                 notices: notices, serviceTable: serviceShiftTable(k).map { MapTable(header: $0.header, rows: $0.rows) },
                                 services: serviceReach(k))
    }

    /// Each service both A and option `k` plan, how it reaches every area (in `areas` order)
    /// under each, from their `area_services.csv`; none when either lacks that file.
    func serviceReach(_ k: Int) -> [DifferenceService] {
        guard let a = options[0].services?.areas, let b = options[k].services?.areas else { return [] }
        return serviceCodes.compactMap { code in
            guard let shareA = a[code], let shareB = b[code] else { return nil }
            func map(_ shares: [String: PlanRecord.AreaServiceShares]) -> MapService {
                let rows = areas[0].map { shares[$0.id] }
                return MapService(code: code, name: serviceName(code), covered: rows.map { $0?.covered ?? 0 }, outreach: rows.map { $0?.outreach ?? 0 },
                                  population: rows.map { $0?.weight ?? 0 })
            }
            return DifferenceService(a: map(shareA), b: map(shareB))
        }
    }

    /// The area outlines the difference maps draw, by area id, and where they came from.
    ///
    /// Why two sources: a plan folder carries its own outlines (`areas.geojson`, the shapes its
    /// plan map drew), so a folder moved to another machine still compares with its real shapes;
    /// a scenario option, or a folder without that layer, is drawn from the boundaries of the
    /// dataset folder it was planned on (`summary.json`'s `dataset`). When neither can be read the
    /// maps shade areas from their centroids, and `warning` names what was missing.
    public struct Outlines: Sendable {
        /// Outlines by area id; empty draws shapes derived from centroids.
        public var byArea: [String: Boundary] = [:]
        /// The file or folder read (`out/areas.geojson`, `datasets/kent`), nil when none was.
        public var source: String?
        /// Set when no outline source could be read, naming each place looked in.
        public var warning: InputWarning?
    }

    /// The outlines for an option given on the command line as `path` (its record `option`): its
    /// `areas.geojson` when `path` is a plan folder that has one, else its dataset's boundaries.
    /// The options' own data was checked to match already.
    public static func areaOutlines(option: PlanRecord, path: String) throws(InputErrors) -> Outlines {
        func isFolder(_ path: String) -> Bool {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        let layer = URL(fileURLWithPath: path).appendingPathComponent("areas.geojson")
        if isFolder(path), FileManager.default.fileExists(atPath: layer.path) {
            let read = try BoundaryReader.readPlanLayer(url: layer)
            return Outlines(byArea: Dictionary(read.map { ($0.id, $0.boundary) }) { first, _ in first }, source: layer.path)
        }
        let datasetFolder = option.summary.dataset
        if isFolder(datasetFolder) {
            let dataset = try DatasetReader.read(folder: URL(fileURLWithPath: datasetFolder), readTravel: false)
            var byArea: [String: Boundary] = [:]
            for (area, outline) in zip(dataset.areas, dataset.boundaries) { byArea[area.id] = outline }
            return Outlines(byArea: byArea, source: datasetFolder)
        }
        let looked = isFolder(path) ? "\(layer.path) is missing and " : ""
        return Outlines(warning: InputWarning(
            kind: .missingBoundary, file: isFolder(path) ? layer.deletingLastPathComponent().appendingPathComponent("summary.json").path : path,
            column: "dataset",
            message: looked + "the dataset folder \(datasetFolder) named in its summary.json is no longer there, "
                + "so the difference maps shade areas from their centroids",
            fix: "compare plan folders written by this version of estate plan (they carry areas.geojson), "
                + "or put the dataset back at \(datasetFolder)"))
    }

    /// Every notice any option's dataset declared (options share one dataset, so usually one set).
    public var notices: [String] {
        var seen = Set<String>()
        return options.flatMap(\.summary.provenance.notices).filter { seen.insert($0).inserted }
    }
}
