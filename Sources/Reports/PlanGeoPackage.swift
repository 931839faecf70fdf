import Estate
import Foundation
import GRDB
import Planning

/// The plan as a GeoPackage (`estate.gpkg`, OGC 12-128 version 1.3), which QGIS and ArcGIS open
/// natively: layers `sites` (points), `areas` (outlines where the dataset has boundaries, centroids
/// otherwise) and `districts` (the districts' figures, with the union of their areas' outlines when there are
/// boundaries, a plain attribute table otherwise), all in WGS84 (EPSG:4326). The same property
/// lists as the GeoJSON layers. Written with SQLite through GRDB; `last_change` is fixed so that
/// the same plan gives the same bytes.
enum PlanGeoPackage {
    struct Layer {
        var name: String
        /// `POINT`, `MULTIPOLYGON`, `GEOMETRY`, or `nil` for an attribute table.
        var geometryType: String?
        var rows: [(geometry: [UInt8]?, properties: [(String, FeatureValue)])]
    }

    /// `districtOutlines`: `Dataset.districtBoundaries()` (districts merged from their areas).
    static func bytes(_ context: PlanContext, _ tables: PlanTables, districtOutlines: [Boundary?]) throws -> [UInt8] {
        let dataset = context.dataset
        let hasBoundaries = !dataset.boundaries.isEmpty
        let sites = Layer(name: "sites", geometryType: "POINT", rows: tables.sites.map { row in
            let site = dataset.sites[row.site]
            return (WKB.point(site.longitude, site.latitude), PlanFiles.siteProperties(context, row))
        })
        let areas = Layer(name: "areas", geometryType: hasBoundaries ? "GEOMETRY" : "POINT", rows: dataset.areas.indices.map { i in
            let outline = hasBoundaries ? dataset.boundaries[i] : nil
            return (outline.map(WKB.multiPolygon) ?? WKB.point(dataset.areas[i].longitude, dataset.areas[i].latitude),
                    PlanFiles.areaProperties(context, i))
        })
        let districts = Layer(name: "districts", geometryType: hasBoundaries ? "MULTIPOLYGON" : nil, rows: tables.districts.map { row in
            let geometry = row.district < districtOutlines.count ? districtOutlines[row.district].map(WKB.multiPolygon) : nil
            return (geometry, PlanFiles.districtProperties(context, row))
        })

        let url = FileManager.default.temporaryDirectory.appendingPathComponent("estate-\(UUID().uuidString).gpkg")
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            let queue = try DatabaseQueue(path: url.path)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA application_id = 1196444487; PRAGMA user_version = 10300")
                try db.inTransaction {
                    try createMetadata(db)
                    for layer in [sites, areas, districts] { try write(layer, db) }
                    return .commit
                }
            }
            try queue.close()
        }
        return [UInt8](try Data(contentsOf: url))
    }

    static func createMetadata(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
              organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
              description TEXT DEFAULT '', last_change DATETIME NOT NULL, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
              srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
              srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name));
            INSERT INTO gpkg_spatial_ref_sys VALUES
              ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
              ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
              ('WGS 84 geodetic', 4326, 'EPSG', 4326, 'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
            """)
    }

    static func write(_ layer: Layer, _ db: Database) throws {
        // Column types from the first non-null value of each property.
        let names = layer.rows.first?.properties.map(\.0) ?? []
        var types: [String] = []
        for (index, _) in names.enumerated() {
            var type = "TEXT"
            for row in layer.rows {
                switch row.properties[index].1 {
                case .text: type = "TEXT"
                case .number: type = "DOUBLE"
                case .integer: type = "INTEGER"
                case .bool: type = "BOOLEAN"
                case .null: continue
                }
                break
            }
            types.append(type)
        }
        let quoted = { (name: String) in "\"\(name)\"" }
        var columns = ["fid INTEGER PRIMARY KEY AUTOINCREMENT"]
        if layer.geometryType != nil { columns.append("geom \(layer.geometryType!)") }
        columns += zip(names, types).map { "\(quoted($0)) \($1)" }
        try db.execute(sql: "CREATE TABLE \(quoted(layer.name)) (\(columns.joined(separator: ", ")))")
        try db.execute(sql: "INSERT INTO gpkg_contents (table_name, data_type, identifier, last_change, srs_id) VALUES (?, ?, ?, ?, ?)",
                       arguments: [layer.name, layer.geometryType == nil ? "attributes" : "features", layer.name,
                                   "2000-01-01T00:00:00.000Z", layer.geometryType == nil ? nil : 4326])
        if let type = layer.geometryType {
            try db.execute(sql: "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, 4326, 0, 0)", arguments: [layer.name, type])
        }
        let placeholders = Array(repeating: "?", count: names.count + (layer.geometryType == nil ? 0 : 1)).joined(separator: ", ")
        let insertColumns = (layer.geometryType == nil ? [] : ["geom"]) + names.map(quoted)
        let statement = try db.makeStatement(sql: "INSERT INTO \(quoted(layer.name)) (\(insertColumns.joined(separator: ", "))) VALUES (\(placeholders))")
        for row in layer.rows {
            var values: [DatabaseValueConvertible?] = []
            if layer.geometryType != nil { values.append(row.geometry.map { Data(WKB.geoPackageHeader + $0) }) }
            for (_, value) in row.properties {
                switch value {
                case .text(let text): values.append(text)
                case .number(let number, _): values.append(number)
                case .integer(let number): values.append(number)
                case .bool(let flag): values.append(flag)
                case .null: values.append(nil)
                }
            }
            try statement.execute(arguments: StatementArguments(values))
        }
    }
}

/// Little-endian well-known binary for points and multipolygons.
enum WKB {
    /// GeoPackage binary header: `GP`, version 0, flags (little-endian, no envelope), srs 4326.
    static let geoPackageHeader: [UInt8] = [0x47, 0x50, 0, 0b0000_0001] + withUnsafeBytes(of: Int32(4326).littleEndian, Array.init)

    static func point(_ x: Double, _ y: Double) -> [UInt8] {
        var bytes: [UInt8] = [1]
        append(UInt32(1), to: &bytes)
        append(x, to: &bytes)
        append(y, to: &bytes)
        return bytes
    }

    static func multiPolygon(_ boundary: Boundary) -> [UInt8] {
        var bytes: [UInt8] = [1]
        append(UInt32(6), to: &bytes)
        append(UInt32(boundary.polygons.count), to: &bytes)
        for polygon in boundary.polygons {
            bytes.append(1)
            append(UInt32(3), to: &bytes)
            append(UInt32(polygon.count), to: &bytes)
            for ring in polygon {
                append(UInt32(ring.count), to: &bytes)
                for value in ring.coordinates { append(value, to: &bytes) }
            }
        }
        return bytes
    }

    static func append(_ value: UInt32, to bytes: inout [UInt8]) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    static func append(_ value: Double, to bytes: inout [UInt8]) { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 } }
}
