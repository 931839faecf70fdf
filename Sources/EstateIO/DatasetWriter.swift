import Estate
import Foundation

/// Writes a dataset as a folder in FORMAT.md's layout (used by the generators).
public enum DatasetWriter {
    /// `areas.csv`: required columns then the other numeric columns (3 decimals; none for a
    /// column of whole numbers, such as a population count).
    public static func areas(_ dataset: Dataset) -> [UInt8] {
        var writer = CSVWriter(header: ["area_id", "district", "lat", "lon", "children"] + dataset.indicators.names)
        let decimals = dataset.indicators.columns.map { column in column.allSatisfy { $0 == $0.rounded() } ? 0 : 3 }
        for (index, area) in dataset.areas.enumerated() {
            var cells = [area.id, dataset.districts[area.district], CSVWriter.format(area.latitude, decimals: 5),
                         CSVWriter.format(area.longitude, decimals: 5), CSVWriter.format(area.children, decimals: 0)]
            for (k, column) in dataset.indicators.columns.enumerated() {
                cells.append(CSVWriter.format(column[index], decimals: decimals[k]))
            }
            writer.row(cells)
        }
        return writer.bytes
    }

    /// `sites.csv` with every column FORMAT.md defines.
    public static func sites(_ dataset: Dataset) -> [UInt8] {
        var writer = CSVWriter(header: ["site_id", "name", "kind", "district", "lat", "lon", "annual_cost", "carbon",
                                        "capacity", "status", "services"])
        for site in dataset.sites {
            writer.row([site.id, site.name, site.kind, dataset.districts[site.district],
                        CSVWriter.format(site.latitude, decimals: 5), CSVWriter.format(site.longitude, decimals: 5),
                        CSVWriter.format(site.annualCost, decimals: 0), CSVWriter.format(site.carbon, decimals: 1),
                        site.capacity.map { CSVWriter.format($0, decimals: 0) } ?? "", site.status.rawValue,
                        site.services.joined(separator: ";")])
        }
        return writer.bytes
    }

    /// `usage.csv`.
    public static func usage(_ dataset: Dataset) -> [UInt8] {
        var writer = CSVWriter(header: ["site_id", "area_id", "service", "visits"])
        for record in dataset.usage {
            writer.row([dataset.sites[record.site].id, dataset.areas[record.area].id, record.service,
                        CSVWriter.format(record.visits, decimals: 0)])
        }
        return writer.bytes
    }

    /// `travel.csv` from travel times (2 decimals), rows by area then site.
    public static func travel(_ travel: TravelTimes, dataset: Dataset) -> [UInt8] {
        var writer = CSVWriter(header: ["area_id", "site_id", "minutes"])
        for area in 0..<travel.areaCount {
            let prefix = dataset.areas[area].id + ","
            for position in travel.entries(ofArea: area) {
                writer.appendRaw(prefix + dataset.sites[Int(travel.areaSites[position])].id + ","
                                 + CSVWriter.format(travel.areaMinutes[position], decimals: 2) + "\n")
            }
        }
        return writer.bytes
    }

    /// `dataset.yaml` for a dataset that declares something about itself (illustrative, caveats),
    /// or `nil` when it declares nothing (no file is written).
    public static func provenance(_ dataset: Dataset) -> [UInt8]? {
        let provenance = dataset.provenance
        guard provenance != DatasetProvenance() || !dataset.boundaries.isEmpty else { return nil }
        var text = "# What this dataset says about itself: every map, report and workbook made from it shows this.\n"
        text += "illustrative: \(provenance.illustrative)\n"
        if !provenance.caveats.isEmpty {
            text += "caveats:\n"
            for caveat in provenance.caveats {
                text += "  - \"" + caveat.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"\n"
            }
        }
        if !dataset.boundaries.isEmpty {
            text += "# The areas' outlines (the folder's other files are FORMAT.md's plain ones).\n"
            text += "boundaries: {file: \(boundaryFile), key: area_id}\n"
        }
        return Array(text.utf8)
    }

    /// `places.csv`: the towns a map labels, `name,lat,lon`.
    public static func places(_ dataset: Dataset) -> [UInt8] {
        var writer = CSVWriter(header: ["name", "lat", "lon"])
        for place in dataset.places {
            writer.row([place.name, CSVWriter.format(place.latitude, decimals: 5), CSVWriter.format(place.longitude, decimals: 5)])
        }
        return writer.bytes
    }

    /// Where a dataset with boundaries keeps them.
    public static let boundaryFile = "boundaries.geojson"

    /// The areas' outlines as GeoJSON (one Polygon or MultiPolygon feature per outlined area,
    /// property `area_id`), coordinates to 6 decimals (about 0.1 m): neighbours that share a
    /// vertex write it identically, so they still share it when read back.
    public static func boundaries(_ dataset: Dataset) -> [UInt8] {
        var text = "{\"type\":\"FeatureCollection\",\"features\":[\n"
        var first = true
        for (index, outline) in dataset.boundaries.enumerated() {
            guard let outline else { continue }
            text += (first ? "" : ",\n") + "{\"type\":\"Feature\",\"properties\":{\"area_id\":\"" + dataset.areas[index].id
                + "\"},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":["
            first = false
            text += outline.polygons.map { polygon in
                "[" + polygon.map { ring in
                    "[" + stride(from: 0, to: ring.coordinates.count, by: 2).map {
                        "[" + CSVWriter.format(ring.coordinates[$0], decimals: 6) + "," + CSVWriter.format(ring.coordinates[$0 + 1], decimals: 6) + "]"
                    }.joined(separator: ",") + "]"
                }.joined(separator: ",") + "]"
            }.joined(separator: ",")
            text += "]}}"
        }
        return Array((text + "\n]}\n").utf8)
    }

    /// The files of a dataset folder: `areas.csv`, `sites.csv`, `usage.csv` (when there is
    /// usage), `travel.csv` (when given), `dataset.yaml` (when the dataset declares something
    /// about itself), then `extra`.
    public static func files(_ dataset: Dataset, travel: TravelTimes? = nil,
                             extra: [(name: String, contents: [UInt8])] = []) -> [(name: String, contents: [UInt8])] {
        var files: [(name: String, contents: [UInt8])] = [("areas.csv", areas(dataset)), ("sites.csv", sites(dataset))]
        if dataset.hasUsage { files.append(("usage.csv", usage(dataset))) }
        if let travel { files.append(("travel.csv", DatasetWriter.travel(travel, dataset: dataset))) }
        if !dataset.boundaries.isEmpty { files.append((boundaryFile, boundaries(dataset))) }
        if !dataset.places.isEmpty { files.append((DatasetReader.placesFile, places(dataset))) }
        if let about = provenance(dataset) { files.append((DatasetReader.provenanceFile, about)) }
        return files + extra
    }

    /// Writes `files` into `folder` (created if needed). Each file is written to a temporary
    /// name and renamed, so a reader never sees half a file; other files in the folder (a
    /// README, a scenario) are left alone. Callers check the folder with `OutputFolder` first.
    public static func write(_ files: [(name: String, contents: [UInt8])], to folder: URL) throws(AtomicFolder.WriteError) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for file in files {
                let target = folder.appendingPathComponent(file.name)   // a name may hold a subfolder
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents).write(to: target, options: .atomic)
            }
        } catch {
            throw AtomicFolder.WriteError(path: folder.path, reason: SystemErrorText.describe(error))
        }
    }
}
