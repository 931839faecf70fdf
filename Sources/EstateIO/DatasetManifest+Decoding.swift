import Estate
import Foundation

extension DatasetManifest {
    /// The keys of `dataset.yaml` the manifest owns (the provenance owns `illustrative`, `caveats`).
    public static let keys = ["areas", "sites", "usage", "travel", "boundaries"]

    /// Reads and checks `dataset.yaml`: every problem is reported with its line and key path,
    /// unknown keys included (a typo never passes silently). `nil` when the file only describes
    /// the dataset (`illustrative`, `caveats`) and names no table file (at most `boundaries:`):
    /// the folder is then plain.
    public static func read(url: URL) throws(InputErrors) -> DatasetManifest? {
        let file = url.lastPathComponent
        let tree = try ScenarioReader.parse(text: ScenarioReader.readText(url, file: file), file: file)
        guard fileKeys.contains(where: { tree[$0] != nil }) else { return nil }
        var errors = InputErrorCollector(file: file)
        let manifest = decode(tree, errors: &errors)
        try errors.throwIfAny()
        return manifest!
    }

    /// The keys that describe the folder's tables; without any of them the folder is plain.
    static let fileKeys = ["areas", "sites", "usage", "travel"]

    /// The `boundaries:` of a `dataset.yaml` that names no other file: the folder keeps FORMAT.md's
    /// plain files and only gains the areas' outlines (as the bundled Kent dataset does).
    /// `nil` when the file has no `boundaries:` or also describes the tables (then `read` owns it).
    public static func plainFolderBoundaries(url: URL) throws(InputErrors) -> File? {
        let file = url.lastPathComponent
        let tree = try ScenarioReader.parse(text: ScenarioReader.readText(url, file: file), file: file)
        guard let node = tree["boundaries"], !fileKeys.contains(where: { tree[$0] != nil }) else { return nil }
        var errors = InputErrorCollector(file: file)
        let boundaries = decodeFile(node, path: "boundaries", first: false, errors: &errors)
        if boundaries != nil && boundaries?.key == nil {
            errors.add(line: node.line, column: "boundaries.key", position: node.column, value: nil,
                       expected: "`key:`, the property or column holding the area code (e.g. LSOA21CD)")
        }
        try errors.throwIfAny()
        return boundaries
    }

    static func decode(_ tree: ScenarioNode, errors: inout InputErrorCollector) -> DatasetManifest? {
        func fail(_ node: ScenarioNode?, _ path: String, _ expected: String) {
            errors.add(line: node?.line, column: path, position: node?.column, value: node?.text, expected: expected)
        }
        guard case .map(let entries) = tree.kind else {
            fail(tree, "", "a map with `areas:` and `sites:`")
            return nil
        }
        let allowed = keys + DatasetProvenance.keys
        for entry in entries where !allowed.contains(entry.key) {
            fail(entry.value, entry.key, "one of the keys \(allowed.joined(separator: ", "))")
        }
        var areas: [File] = []
        switch tree["areas"]?.kind {
        case .list(let items)?:
            for (index, item) in items.enumerated() {
                if let file = decodeFile(item, path: "areas.\(index)", first: index == 0, errors: &errors) { areas.append(file) }
            }
            if items.isEmpty { fail(tree["areas"], "areas", "a list of one or more area files") }
        case .map?:
            if let file = decodeFile(tree["areas"]!, path: "areas", first: true, errors: &errors) { areas.append(file) }
        default:
            fail(tree["areas"] ?? tree, "areas", "a list of area files (file, key, columns), the first listing the areas")
        }
        var sites: File?
        if let node = tree["sites"] {
            sites = decodeFile(node, path: "sites", first: true, errors: &errors)
        } else {
            fail(tree, "sites", "a `sites:` entry naming the sites file")
        }
        func optionalFile(_ key: String) -> String? {
            guard let node = tree[key] else { return nil }
            guard let text = node.text, !text.isEmpty else {
                fail(node, key, "a file name, relative to the dataset folder")
                return nil
            }
            return text
        }
        let usage = optionalFile("usage"), travel = optionalFile("travel")
        var boundaries: File?
        if let node = tree["boundaries"] {
            boundaries = decodeFile(node, path: "boundaries", first: false, errors: &errors)
            if boundaries != nil && boundaries?.key == nil {
                fail(node, "boundaries.key", "`key:`, the property or column holding the area code (e.g. LSOA21CD)")
            }
        }
        guard let sites, !areas.isEmpty, errors.isEmpty else { return nil }
        return DatasetManifest(areas: areas, sites: sites, usage: usage, travel: travel, boundaries: boundaries)
    }

    /// One file entry; `first` is true for the files whose rows `where:` may choose: the first
    /// area file (which areas) and the sites file (which buildings, e.g. by kind).
    static func decodeFile(_ node: ScenarioNode, path: String, first: Bool, errors: inout InputErrorCollector) -> File? {
        func fail(_ node: ScenarioNode?, _ path: String, _ expected: String) {
            errors.add(line: node?.line, column: path, position: node?.column, value: node?.text, expected: expected)
        }
        if let name = node.text, !name.isEmpty {   // `sites: buildings.csv`: FORMAT.md's columns
            return File(file: name, key: nil, crs: .wgs84, filter: [], columns: [], line: node.line)
        }
        guard case .map(let entries) = node.kind else {
            fail(node, path, "a file entry: {file, key, crs, where, columns}")
            return nil
        }
        let allowed = ["file", "key", "crs", "where", "columns"]
        for entry in entries where !allowed.contains(entry.key) {
            fail(entry.value, "\(path).\(entry.key)", "one of the keys \(allowed.joined(separator: ", "))")
        }
        guard let name = node["file"]?.text, !name.isEmpty else {
            fail(node["file"] ?? node, "\(path).file", "the file's name, relative to the dataset folder")
            return nil
        }
        var key: String?
        if let keyNode = node["key"] {
            key = keyNode.text
            if key?.isEmpty ?? true { fail(keyNode, "\(path).key", "the name of the column holding the area code") }
        } else if path.hasPrefix("areas") {
            fail(node, "\(path).key", "`key:`, the column holding the area code (e.g. LSOA21CD)")
        }
        var crs = CRS.wgs84
        if let crsNode = node["crs"] {
            let text = (crsNode.text ?? "").uppercased().replacingOccurrences(of: " ", with: "")
            switch text {
            case "EPSG:4326", "WGS84": crs = .wgs84
            case "EPSG:27700", "BNG", "OSGB36": crs = .britishNationalGrid
            default: fail(crsNode, "\(path).crs", "EPSG:4326 (latitude/longitude) or EPSG:27700 (British National Grid)")
            }
        }
        var filter: [(column: String, values: Set<String>)] = []
        if let whereNode = node["where"] {
            if !first {
                fail(whereNode, "\(path).where", "no `where:` here: only the first area file and the sites file choose rows")
            } else if case .map(let conditions) = whereNode.kind {
                for condition in conditions {
                    switch condition.value.kind {
                    case .list(let values): filter.append((condition.key, Set(values.compactMap(\.text))))
                    case .scalar(let value, _): filter.append((condition.key, [value]))
                    default: fail(condition.value, "\(path).where.\(condition.key)", "a value or a list of values")
                    }
                }
            } else {
                fail(whereNode, "\(path).where", "a map from column to the values to keep, e.g. {LAD22CD: [E07000105]}")
            }
        }
        var columns: [Column] = []
        if let columnsNode = node["columns"] {
            guard case .map(let entries) = columnsNode.kind else {
                fail(columnsNode, "\(path).columns", "a map from Estate's column to the file's column, e.g. {district: LAD22NM}")
                return nil
            }
            for entry in entries {
                let entryPath = "\(path).columns.\(entry.key)"
                if let source = decodeSource(entry.value, path: entryPath, errors: &errors) {
                    columns.append(Column(target: entry.key, source: source, line: entry.value.line))
                }
            }
        }
        let targets = columns.map(\.target)
        switch crs {
        case .britishNationalGrid where targets.contains("lat") || targets.contains("lon"):
            fail(node["crs"], "\(path).crs", "easting and northing columns under EPSG:27700 (lat/lon are WGS84 degrees)")
        case .wgs84 where targets.contains("easting") || targets.contains("northing"):
            fail(node["crs"] ?? node, "\(path).crs", "`crs: EPSG:27700` for easting and northing columns")
        default: break
        }
        return File(file: name, key: key, crs: crs, filter: filter, columns: columns, line: node.line)
    }

    static func decodeSource(_ node: ScenarioNode, path: String, errors: inout InputErrorCollector) -> ColumnSource? {
        func fail(_ node: ScenarioNode?, _ expected: String) {
            errors.add(line: node?.line, column: path, position: node?.column, value: node?.text, expected: expected)
        }
        let expected = "a column name, {column: NAME, scale: NUMBER} or {sum: [NAMES], scale: NUMBER}"
        if let name = node.text, !name.isEmpty { return .column(name, scale: 1) }
        guard case .map(let entries) = node.kind else { fail(node, expected); return nil }
        for entry in entries where !["column", "sum", "scale"].contains(entry.key) {
            fail(entry.value, "one of the keys column, sum, scale")
        }
        var scale = 1.0
        if let scaleNode = node["scale"] {
            guard let text = scaleNode.text, let value = NumberParsing.parse(text), value > 0 else {
                fail(scaleNode, "a scale > 0 (e.g. 1000 for thousands of pounds, 0.001 for kilograms of CO2e)")
                return nil
            }
            scale = value
        }
        if let name = node["column"]?.text, !name.isEmpty, node["sum"] == nil { return .column(name, scale: scale) }
        if let sumNode = node["sum"], node["column"] == nil {
            guard case .list(let items) = sumNode.kind, !items.isEmpty, items.allSatisfy({ !($0.text ?? "").isEmpty }) else {
                fail(sumNode, "a list of column names, where `F{0..19}` stands for F0, F1, ..., F19")
                return nil
            }
            var names: [String] = []
            for item in items {
                guard let expanded = expandRange(item.text!) else {
                    fail(item, "a column name, or a pattern such as `F{0..19}` with the lower bound first")
                    return nil
                }
                names += expanded
            }
            return .sum(names, scale: scale)
        }
        fail(node, expected)
        return nil
    }

    /// `F{0..19}` -> F0 ... F19 (one range per name); a name without braces is itself.
    static func expandRange(_ pattern: String) -> [String]? {
        guard let open = pattern.firstIndex(of: "{"), let close = pattern.lastIndex(of: "}"), open < close else {
            return [pattern]
        }
        let inner = pattern[pattern.index(after: open)..<close]
        let bounds = inner.components(separatedBy: "..")
        guard bounds.count == 2, let low = Int(bounds[0]), let high = Int(bounds[1]), low <= high, high - low < 1000 else {
            return nil
        }
        let prefix = pattern[..<open], suffix = pattern[pattern.index(after: close)...]
        return (low...high).map { "\(prefix)\($0)\(suffix)" }
    }
}
