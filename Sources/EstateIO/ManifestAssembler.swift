import Estate
import Foundation

/// Builds FORMAT.md's plain `areas.csv` and `sites.csv` tables from the files a `dataset.yaml`
/// describes: joins area files by area code, renames columns to their roles, sums derived
/// columns, applies scales, converts British National Grid coordinates to WGS84. The plain
/// tables then go through the same readers as a plain folder, so one set of rules checks both;
/// every assembled cell remembers its source file, line and column for messages.
struct ManifestAssembler {
    let manifest: DatasetManifest
    let folder: URL
    let manifestFile = DatasetReader.provenanceFile

    /// FORMAT.md columns of `areas.csv` a manifest must provide, besides the area code.
    static let areaRoles = ["district", "lat", "lon", "children"]
    /// FORMAT.md columns of `sites.csv` taken from the same-named column when not mapped.
    static let siteRoles = DatasetReader.siteColumns + DatasetReader.optionalSiteColumns

    /// A target column as it is being assembled.
    private struct Built {
        var name: String
        var cells: [String]
        var origin: CSVTable.ColumnOrigin
    }

    func load(_ name: String) throws(InputErrors) -> CSVTable {
        try CSVTable(contentsOf: folder.appendingPathComponent(name), file: name)
    }

    /// The areas table: the rows of the first area file (kept by its `where:`), with every other
    /// file's columns joined by area code.
    func areas() throws(InputErrors) -> CSVTable {
        var manifestErrors = InputErrorCollector(file: manifestFile)
        var all: [InputError] = []
        var omitted = 0
        let first = manifest.areas[0]
        let main = try load(first.file)
        guard let keyColumn = column(first.key ?? "", in: main, path: "areas.0.key", errors: &manifestErrors) else {
            throw InputErrors(manifestErrors.errors)
        }
        var filterColumns: [(Int, Set<String>)] = []
        for condition in first.filter {
            if let index = column(condition.column, in: main, path: "areas.0.where.\(condition.column)", errors: &manifestErrors) {
                filterColumns.append((index, condition.values))
            }
        }
        try manifestErrors.throwIfAny()
        let kept = main.rows.indices.filter { row in filterColumns.allSatisfy { $0.1.contains(main.rows[row][$0.0]) } }
        if kept.isEmpty {
            throw InputErrors([InputError(file: manifestFile, column: "areas.0.where", expected: "`where:` to keep at least one row of \(first.file)")])
        }
        let ids = kept.map { main.rows[$0][keyColumn] }
        var built: [Built] = [Built(name: "area_id", cells: ids,
                                    origin: .init(file: first.file, column: first.key!, lines: kept.map { main.lines[$0] }))]
        var givenBy: [String: String] = [:]
        for (index, file) in manifest.areas.enumerated() {
            let path = "areas.\(index)"
            var table = main
            var sourceRows: [Int?] = kept
            if index > 0 {
                do { table = try load(file.file) } catch { all += error.errors; omitted += error.omitted; continue }
                guard let key = column(file.key ?? "", in: table, path: "\(path).key", errors: &manifestErrors) else { continue }
                var rowOf: [String: Int] = [:]
                var fileErrors = InputErrorCollector(file: file.file)
                let wanted = Set(ids)
                for row in table.rows.indices where wanted.contains(table.rows[row][key]) {
                    let id = table.rows[row][key]
                    if let previous = rowOf[id] {
                        fileErrors.add(line: table.lines[row], column: file.key, value: id,
                                       expected: "one row per area code (also on line \(table.lines[previous]))")
                    } else {
                        rowOf[id] = row
                    }
                }
                sourceRows = ids.map { rowOf[$0] }
                for (position, id) in ids.enumerated() where sourceRows[position] == nil {
                    fileErrors.add(line: nil, column: file.key, value: id,
                                   expected: "a row for every area of \(first.file) (area \(id), line \(main.lines[kept[position]]) there, has none)")
                }
                all += fileErrors.errors
                omitted += fileErrors.omitted
            }
            var columns = file.columns
            if index == 0 {
                // The first file's own FORMAT.md columns count when no file maps them.
                let mapped = Set(manifest.areas.flatMap { $0.columns.map(\.target) })
                for role in Self.areaRoles where !mapped.contains(role) && table.column(role) != nil {
                    if (role == "lat" || role == "lon") && file.crs != .wgs84 { continue }
                    columns.append(.init(target: role, source: .column(role, scale: 1), line: nil))
                }
            }
            for column in columns {
                if column.target == "area_id" {
                    manifestErrors.add(line: column.line, column: "\(path).columns.area_id", value: nil,
                                       expected: "no area_id column: the first file's `key:` is the area code")
                    continue
                }
                if let other = givenBy[column.target] {
                    manifestErrors.add(line: column.line, column: "\(path).columns.\(column.target)", value: nil,
                                       expected: "each column from one file (\(column.target) also comes from \(other))")
                    continue
                }
                givenBy[column.target] = file.file
                if let made = build(column, from: table, rows: sourceRows, file: file.file, path: path,
                                    manifestErrors: &manifestErrors, all: &all, omitted: &omitted) {
                    built.append(made)
                }
            }
            convertGrid(file, built: &built, path: path, manifestErrors: &manifestErrors)
        }
        let builtNames = Set(built.map(\.name))
        for role in Self.areaRoles where !builtNames.contains(role) && !(role == "lon" && !builtNames.contains("lat")) {
            manifestErrors.add(line: nil, column: "areas", value: nil, expected: role == "lat" || role == "lon"
                ? "coordinates for the areas: `lat`/`lon` columns, or `easting`/`northing` with `crs: EPSG:27700`"
                : "a file giving `\(role)` (map it under columns:, e.g. \(role == "children" ? "children: {sum: [\"F{0..19}\", \"M{0..19}\"]}" : "district: LAD22NM"))")
        }
        all = manifestErrors.errors + all
        if !all.isEmpty { throw InputErrors(all, omitted: omitted + manifestErrors.omitted) }
        return table(from: built, file: first.file, lines: kept.map { main.lines[$0] }, headerLine: main.headerLine)
    }

    /// The sites table: the sites file (the rows its `where:` keeps) with its columns renamed to
    /// FORMAT.md's. Why a filter: a council's property list holds more than the buildings one
    /// option plans (a buildings-only option leaves the partners' venues out of the same list).
    func sites() throws(InputErrors) -> CSVTable {
        let file = manifest.sites
        let source = try load(file.file)
        var manifestErrors = InputErrorCollector(file: manifestFile)
        var filterColumns: [(Int, Set<String>)] = []
        for condition in file.filter {
            if let index = column(condition.column, in: source, path: "sites.where.\(condition.column)", errors: &manifestErrors) {
                filterColumns.append((index, condition.values))
            }
        }
        try manifestErrors.throwIfAny()
        let kept = source.rows.indices.filter { row in filterColumns.allSatisfy { $0.1.contains(source.rows[row][$0.0]) } }
        if kept.isEmpty {
            throw InputErrors([InputError(file: manifestFile, column: "sites.where", expected: "`where:` to keep at least one row of \(file.file)")])
        }
        var all: [InputError] = []
        var omitted = 0
        var columns = file.columns
        if let key = file.key, !columns.contains(where: { $0.target == "site_id" }) {
            columns.insert(.init(target: "site_id", source: .column(key, scale: 1), line: file.line), at: 0)
        }
        let mapped = Set(columns.map(\.target))
        for role in Self.siteRoles where !mapped.contains(role) && source.column(role) != nil {
            if file.crs == .britishNationalGrid && (role == "lat" || role == "lon") { continue }
            columns.append(.init(target: role, source: .column(role, scale: 1), line: nil))
        }
        var built: [Built] = []
        let rows: [Int?] = kept
        for column in columns {
            if let made = build(column, from: source, rows: rows, file: file.file, path: "sites",
                                manifestErrors: &manifestErrors, all: &all, omitted: &omitted) {
                built.append(made)
            }
        }
        convertGrid(file, built: &built, path: "sites", manifestErrors: &manifestErrors)
        all = manifestErrors.errors + all
        if !all.isEmpty { throw InputErrors(all, omitted: omitted + manifestErrors.omitted) }
        return table(from: built, file: file.file, lines: kept.map { source.lines[$0] }, headerLine: source.headerLine)
    }

    /// A column's index in `table`, or an error at the manifest entry naming the file's columns.
    private func column(_ name: String, in table: CSVTable, path: String, errors: inout InputErrorCollector) -> Int? {
        if let index = table.column(name) { return index }
        errors.add(line: nil, column: path, value: name,
                   expected: "a column of \(table.file) (it has: \(table.header.prefix(12).joined(separator: ", "))\(table.header.count > 12 ? ", ..." : ""))")
        return nil
    }

    /// One target column's cells. Plain copies keep the text (the readers parse it); scaled and
    /// summed columns are parsed here, each bad cell reported where it is in its own file.
    private func build(_ column: DatasetManifest.Column, from table: CSVTable, rows: [Int?], file: String, path: String,
                       manifestErrors: inout InputErrorCollector, all: inout [InputError], omitted: inout Int) -> Built? {
        let entryPath = "\(path).columns.\(column.target)"
        var cellErrors = InputErrorCollector(file: file)
        let lines = rows.map { $0.map { table.lines[$0] } }
        func number(_ row: Int, _ index: Int) -> Double? {
            let text = table.rows[row][index]
            if let value = NumberParsing.parse(text) { return value }
            cellErrors.add(line: table.lines[row], column: table.header[index], position: index + 1, value: text,
                           expected: "a number (for \(column.target))")
            return nil
        }
        let isCoordinate = column.target == "easting" || column.target == "northing"
        switch column.source {
        case .column(let name, let scale):
            guard let index = self.column(name, in: table, path: entryPath, errors: &manifestErrors) else { return nil }
            var cells: [String] = []
            for row in rows {
                guard let row else { cells.append(""); continue }
                if scale == 1 && !isCoordinate { cells.append(table.rows[row][index]); continue }
                cells.append(number(row, index).map { Self.text(Self.scaled($0, scale)) } ?? "")
            }
            all += cellErrors.errors
            omitted += cellErrors.omitted
            return Built(name: column.target, cells: cells, origin: .init(file: file, column: name, lines: lines))
        case .sum(let names, let scale):
            var indices: [Int] = []
            var missing: [String] = []
            for name in names {
                if let index = table.column(name) { indices.append(index) } else { missing.append(name) }
            }
            if !missing.isEmpty {
                manifestErrors.add(line: column.line, column: entryPath, value: missing.prefix(5).joined(separator: ", "),
                                   expected: "columns of \(table.file) (\(missing.count) of the \(names.count) summed are not there)")
                return nil
            }
            var cells: [String] = []
            for row in rows {
                guard let row else { cells.append(""); continue }
                var total = 0.0, valid = true
                for index in indices {
                    if let value = number(row, index) { total += value } else { valid = false }
                }
                cells.append(valid ? Self.text(Self.scaled(total, scale)) : "")
            }
            all += cellErrors.errors
            omitted += cellErrors.omitted
            let label = names.count > 3 ? "sum of \(names[0]) ... \(names[names.count - 1]) (\(names.count) columns)" : "sum of " + names.joined(separator: ", ")
            return Built(name: column.target, cells: cells, origin: .init(file: file, column: label, lines: lines))
        }
    }

    /// Replaces `easting`/`northing` by WGS84 `lat`/`lon` (EPSG:27700 files).
    private func convertGrid(_ file: DatasetManifest.File, built: inout [Built], path: String,
                             manifestErrors: inout InputErrorCollector) {
        guard file.crs == .britishNationalGrid else { return }
        guard let e = built.firstIndex(where: { $0.name == "easting" }), let n = built.firstIndex(where: { $0.name == "northing" }) else {
            manifestErrors.add(line: file.line, column: "\(path).columns", value: nil,
                               expected: "both `easting` and `northing` columns under crs: EPSG:27700 (e.g. {easting: x, northing: y})")
            return
        }
        var latitudes: [String] = [], longitudes: [String] = []
        for row in built[e].cells.indices {
            guard let easting = Double(built[e].cells[row]), let northing = Double(built[n].cells[row]) else {
                latitudes.append(""); longitudes.append(""); continue
            }
            // Outside the grid's extent the cells are passed on unconverted, so that the reader
            // reports them as out-of-range coordinates at their source.
            guard (-100_000...800_000).contains(easting), (-100_000...1_400_000).contains(northing) else {
                latitudes.append(built[n].cells[row]); longitudes.append(built[e].cells[row]); continue
            }
            let point = BritishNationalGrid.wgs84(easting: easting, northing: northing)
            latitudes.append(Self.text(point.latitude))
            longitudes.append(Self.text(point.longitude))
        }
        let latitude = Built(name: "lat", cells: latitudes, origin: built[n].origin)
        let longitude = Built(name: "lon", cells: longitudes, origin: built[e].origin)
        built[min(e, n)] = latitude
        built[max(e, n)] = longitude
    }

    private func table(from built: [Built], file: String, lines: [Int], headerLine: Int) -> CSVTable {
        let count = built.first?.cells.count ?? 0
        let rows = (0..<count).map { row in built.map { $0.cells[row] } }
        return CSVTable(file: file, header: built.map(\.name), rows: rows, lines: lines, headerLine: headerLine,
                        origins: built.map { $0.origin })
    }

    /// `value x scale`, as one correctly rounded division when the scale is 1/n (kilograms to
    /// tonnes: 21400 x 0.001 would give 21.400000000000002, 21400 / 1000 gives 21.4).
    static func scaled(_ value: Double, _ scale: Double) -> Double {
        let inverse = 1 / scale
        return scale < 1 && inverse == inverse.rounded() ? value / inverse : value * scale
    }

    /// A number as the readers will read it back: the shortest text that round-trips exactly.
    static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
