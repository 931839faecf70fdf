import Estate
@testable import EstateIO
import Foundation
import GRDB
import XCTest

/// GeoJSON and GeoPackage outlines on hand-made files: holes, multipolygons, both byte orders,
/// Z ordinates, British National Grid, and bad geometries named by feature and code.
final class BoundaryReaderTests: XCTestCase {
    /// A square ring (closed) around (lon, lat) with half-size `h`, anticlockwise.
    static func square(_ lon: Double, _ lat: Double, _ h: Double) -> [[Double]] {
        [[lon - h, lat - h], [lon + h, lat - h], [lon + h, lat + h], [lon - h, lat + h], [lon - h, lat - h]]
    }

    static func json(_ ring: [[Double]]) -> String { "[" + ring.map { "[\($0[0]),\($0[1])]" }.joined(separator: ",") + "]" }

    func testGeoJSONPolygonsWithHolesAndMultiPolygonsAreRead() throws {
        let outer = Self.square(0.8, 51.1, 0.02), hole = Self.square(0.8, 51.1, 0.005)
        let first = Self.square(0.6, 51.0, 0.01), second = Self.square(0.65, 51.0, 0.01)
        let folder = try TestFolder(["areas.geojson": """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"LSOA21CD": "E01000001", "name": "with a hole"},
               "geometry": {"type": "Polygon", "coordinates": [\(Self.json(outer)), \(Self.json(hole))]}},
              {"type": "Feature", "properties": {"LSOA21CD": "E01000002"},
               "geometry": {"type": "MultiPolygon", "coordinates": [[\(Self.json(first))], [\(Self.json(second))]]}}
            ]}
            """])
        let read = try BoundaryReader.read(url: folder.url.appendingPathComponent("areas.geojson"), key: "LSOA21CD")
        XCTAssertEqual(read.map(\.id), ["E01000001", "E01000002"])
        XCTAssertEqual(read[0].boundary.polygons.count, 1)
        // Numbers read back exactly as Swift wrote them (the parser rounds correctly).
        XCTAssertEqual(read[0].boundary.polygons[0].map(\.coordinates), [outer.flatMap { $0 }, hole.flatMap { $0 }])
        XCTAssertEqual(read[1].boundary.polygons.map { $0.map(\.coordinates) }, [[first.flatMap { $0 }], [second.flatMap { $0 }]])
    }

    func testGeoJSONBadGeometriesAreNamedByFeatureAndCode() throws {
        let unclosed = Array(Self.square(0.8, 51.1, 0.02).dropLast())
        let folder = try TestFolder(["areas.geojson": """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"LSOA21CD": "E01000001"},
               "geometry": {"type": "Polygon", "coordinates": [\(Self.json(Self.square(0.8, 51.1, 0.02)))]}},
              {"type": "Feature", "properties": {"LSOA21CD": "E01000002"},
               "geometry": {"type": "Polygon", "coordinates": [\(Self.json(unclosed))]}},
              {"type": "Feature", "properties": {"LSOA21CD": "E01000003"},
               "geometry": {"type": "Polygon", "coordinates": [[["0.1", "51.0"], [0.2, 51.0], [0.2, 51.1], [0.1, 51.0]]]}},
              {"type": "Feature", "properties": {"LSOA21CD": "E01000004"}, "geometry": {"type": "Point", "coordinates": [0.1, 51.0]}},
              {"type": "Feature", "properties": {"code": "E01000005"},
               "geometry": {"type": "Polygon", "coordinates": [\(Self.json(Self.square(0.8, 51.1, 0.02)))]}}
            ]}
            """])
        XCTAssertThrowsError(try BoundaryReader.read(url: folder.url.appendingPathComponent("areas.geojson"), key: "LSOA21CD")) { error in
            let text = (error as! InputErrors).description
            XCTAssertTrue(text.contains("areas.geojson: column 'features.1.geometry': value 'E01000002': expected the exterior ring of polygon 1 to be closed"), text)
            XCTAssertTrue(text.contains("column 'features.2.geometry.coordinates': value 'E01000003'"), text)
            XCTAssertTrue(text.contains("column 'features.3.geometry.type': value 'Point'"), text)
            XCTAssertTrue(text.contains("column 'features.4.properties.LSOA21CD'"), text)
            XCTAssertFalse(text.contains("features.0"), text)
        }
    }

    func testGeoJSONSyntaxErrorsGiveLineAndColumnAndEscapesAreRead() throws {
        let folder = try TestFolder(["broken.geojson": "{\"type\": \"FeatureCollection\",\n \"features\": [1, }\n",
                                     "named.geojson": """
            {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"code": "Caf\\u00e9 \\"1\\""},
             "geometry": {"type": "Polygon", "coordinates": [\(Self.json(Self.square(0.8, 51.1, 0.02)))]}}]}
            """])
        XCTAssertThrowsError(try BoundaryReader.read(url: folder.url.appendingPathComponent("broken.geojson"), key: "code")) { error in
            XCTAssertEqual((error as! InputErrors).description, "broken.geojson:2:18: expected valid JSON: a value")
        }
        XCTAssertEqual(try BoundaryReader.read(url: folder.url.appendingPathComponent("named.geojson"), key: "code").map(\.id), ["Café \"1\""])
    }

    func testGeoJSONInBritishNationalGridIsConverted() throws {
        let ring = [[601000.0, 142000.0], [602000, 142000], [602000, 143000], [601000, 143000], [601000, 142000]]
        let folder = try TestFolder(["bng.geojson": """
            {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}},
             "features": [{"type": "Feature", "properties": {"LSOA21CD": "E01024001"},
               "geometry": {"type": "Polygon", "coordinates": [\(Self.json(ring))]}}]}
            """])
        let read = try BoundaryReader.read(url: folder.url.appendingPathComponent("bng.geojson"), key: "LSOA21CD")
        let expected = ring.flatMap { point -> [Double] in
            let converted = BritishNationalGrid.wgs84(easting: point[0], northing: point[1])
            return [converted.longitude, converted.latitude]
        }
        XCTAssertEqual(read[0].boundary.polygons[0][0].coordinates, expected)
    }

    // MARK: GeoPackage

    /// WKB for a polygon (rings of [x, y] or [x, y, z]), in either byte order, written here
    /// byte by byte from the OGC layout, apart from the reader.
    static func wkbPolygon(_ rings: [[[Double]]], littleEndian: Bool, type: UInt32 = 3) -> [UInt8] {
        var bytes: [UInt8] = [littleEndian ? 1 : 0]
        func u32(_ value: UInt32) { bytes += littleEndian ? withUnsafeBytes(of: value.littleEndian, Array.init) : withUnsafeBytes(of: value.bigEndian, Array.init) }
        func f64(_ value: Double) {
            let bits = value.bitPattern
            bytes += littleEndian ? withUnsafeBytes(of: bits.littleEndian, Array.init) : withUnsafeBytes(of: bits.bigEndian, Array.init)
        }
        u32(type)
        u32(UInt32(rings.count))
        for ring in rings {
            u32(UInt32(ring.count))
            for point in ring { point.forEach(f64) }
        }
        return bytes
    }

    /// A GeoPackage geometry blob: `GP`, version 0, flags (little-endian header, envelope kind), srs, envelope, WKB.
    static func geoPackageBlob(_ wkb: [UInt8], srs: Int32, envelope: Bool) -> Data {
        var bytes: [UInt8] = [0x47, 0x50, 0, envelope ? 0b0000_0011 : 0b0000_0001]
        bytes += withUnsafeBytes(of: srs.littleEndian, Array.init)
        if envelope { for value in [0.0, 1.0, 50.0, 52.0] { bytes += withUnsafeBytes(of: value.bitPattern.littleEndian, Array.init) } }
        return Data(bytes + wkb)
    }

    func makeGeoPackage(_ url: URL, srs: Int = 4326, rows: [(String, Data)]) throws {
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT, srs_id INTEGER);
                CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT,
                                                    srs_id INTEGER, z TINYINT, m TINYINT);
                CREATE TABLE lsoa (fid INTEGER PRIMARY KEY, LSOA21CD TEXT, LSOA21NM TEXT, geom BLOB);
                """)
            try db.execute(sql: "INSERT INTO gpkg_contents VALUES ('lsoa', 'features', 'lsoa', ?)", arguments: [srs])
            try db.execute(sql: "INSERT INTO gpkg_geometry_columns VALUES ('lsoa', 'geom', 'MULTIPOLYGON', ?, 0, 0)", arguments: [srs])
            for (code, blob) in rows {
                try db.execute(sql: "INSERT INTO lsoa (LSOA21CD, LSOA21NM, geom) VALUES (?, ?, ?)", arguments: [code, "name", blob])
            }
        }
    }

    func testGeoPackagePolygonsMultiPolygonsBothByteOrdersAndZAreRead() throws {
        let outer = Self.square(0.8, 51.1, 0.02), hole = Self.square(0.8, 51.1, 0.005)
        let first = Self.square(0.6, 51.0, 0.01), second = Self.square(0.65, 51.0, 0.01)
        var multi: [UInt8] = [0]   // big-endian MultiPolygon of two polygons
        multi += withUnsafeBytes(of: UInt32(6).bigEndian, Array.init)
        multi += withUnsafeBytes(of: UInt32(2).bigEndian, Array.init)
        multi += Self.wkbPolygon([first], littleEndian: false) + Self.wkbPolygon([second], littleEndian: true)
        let withZ = Self.wkbPolygon([outer.map { $0 + [12.5] }], littleEndian: true, type: 1003)
        let folder = try TestFolder([:])
        let url = folder.url.appendingPathComponent("lsoa.gpkg")
        try makeGeoPackage(url, rows: [
            ("E01000001", Self.geoPackageBlob(Self.wkbPolygon([outer, hole], littleEndian: true), srs: 4326, envelope: true)),
            ("E01000002", Self.geoPackageBlob(multi, srs: 4326, envelope: false)),
            ("E01000003", Self.geoPackageBlob(withZ, srs: 4326, envelope: true)),
        ])
        let read = try BoundaryReader.read(url: url, key: "LSOA21CD")
        XCTAssertEqual(read.map(\.id), ["E01000001", "E01000002", "E01000003"])
        XCTAssertEqual(read[0].boundary.polygons[0].map(\.coordinates), [outer.flatMap { $0 }, hole.flatMap { $0 }])
        XCTAssertEqual(read[1].boundary.polygons.map { $0.map(\.coordinates) }, [[first.flatMap { $0 }], [second.flatMap { $0 }]])
        XCTAssertEqual(read[2].boundary.polygons[0][0].coordinates, outer.flatMap { $0 })
    }

    func testGeoPackageBadGeometriesAreNamedByRowAndCode() throws {
        let good = Self.wkbPolygon([Self.square(0.8, 51.1, 0.02)], littleEndian: true)
        let unclosed = Self.wkbPolygon([Array(Self.square(0.8, 51.1, 0.02).dropLast())], littleEndian: true)
        let folder = try TestFolder([:])
        let url = folder.url.appendingPathComponent("lsoa.gpkg")
        try makeGeoPackage(url, rows: [
            ("E01000001", Self.geoPackageBlob(good, srs: 4326, envelope: true)),
            ("E01000002", Self.geoPackageBlob(Array(good.prefix(30)), srs: 4326, envelope: true)),
            ("E01000003", Self.geoPackageBlob(unclosed, srs: 4326, envelope: true)),
            ("E01000004", Data([1, 2, 3, 4, 5, 6, 7, 8, 9])),
        ])
        XCTAssertThrowsError(try BoundaryReader.read(url: url, key: "LSOA21CD")) { error in
            let text = (error as! InputErrors).description
            XCTAssertTrue(text.contains("lsoa.gpkg: column 'lsoa row 2.geom': value 'E01000002': expected a complete WKB geometry"), text)
            XCTAssertTrue(text.contains("value 'E01000003': expected the exterior ring of polygon 1 to be closed"), text)
            XCTAssertTrue(text.contains("value 'E01000004': expected a GeoPackage geometry"), text)
            XCTAssertFalse(text.contains("E01000001"), text)
        }
        XCTAssertThrowsError(try BoundaryReader.read(url: url, key: "LSOA11CD")) { error in
            XCTAssertTrue((error as! InputErrors).description.contains("a layer with a column 'LSOA11CD' (layers: lsoa (fid, LSOA21CD, LSOA21NM, geom))"))
        }
    }

    func testGeoPackageInBritishNationalGridIsConverted() throws {
        let ring = [[601000.0, 142000.0], [602000, 142000], [602000, 143000], [601000, 143000], [601000, 142000]]
        let folder = try TestFolder([:])
        let url = folder.url.appendingPathComponent("bng.gpkg")
        try makeGeoPackage(url, srs: 27700, rows: [("E01024001", Self.geoPackageBlob(Self.wkbPolygon([ring], littleEndian: true), srs: 27700, envelope: false))])
        let read = try BoundaryReader.read(url: url, key: "LSOA21CD")
        let expected = ring.flatMap { point -> [Double] in
            let converted = BritishNationalGrid.wgs84(easting: point[0], northing: point[1])
            return [converted.longitude, converted.latitude]
        }
        XCTAssertEqual(read[0].boundary.polygons[0][0].coordinates, expected)
    }
}
