import Estate
import Foundation
import GRDB

/// GeoPackage (OGC 12-128) polygon layers, read with SQLite through GRDB: the layer is the first
/// feature table of `gpkg_geometry_columns` that has the key column; each geometry is a
/// GeoPackage binary header followed by WKB (ISO/OGC, 2D or with Z/M ordinates, which are
/// dropped). Layers in British National Grid (srs 27700) are converted to WGS84.
enum GeoPackageReader {
    static func read(url: URL, key: String) throws(InputErrors) -> [(id: String, boundary: Boundary)] {
        let file = url.lastPathComponent
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw InputErrors([InputError(file: file, expected: "a readable GeoPackage at \(url.path)")])
        }
        var configuration = Configuration()
        configuration.readonly = true
        let loaded: Loaded
        do {
            let queue = try DatabaseQueue(path: url.path, configuration: configuration)
            loaded = try queue.read { db in try load(db, key: key, file: file) }
        } catch let errors as InputErrors {
            throw errors
        } catch {
            throw InputErrors([InputError(file: file, expected: "a GeoPackage (SQLite with gpkg_geometry_columns): \(error)")])
        }
        let layer = loaded.layer, rows = loaded.rows
        let grid = layer.srs == 27700
        var errors = InputErrorCollector(file: file)
        var result: [(id: String, boundary: Boundary)] = []
        result.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            let path = "\(layer.table) row \(index + 1)"
            guard let id = row.id, !id.isEmpty else {
                errors.add(line: nil, column: "\(path).\(key)", value: nil, expected: "an area code")
                continue
            }
            guard let blob = row.blob else {
                errors.add(line: nil, column: "\(path).\(layer.column)", value: id, expected: "a geometry for area \(id)")
                continue
            }
            do {
                let boundary = try GeoPackageGeometry.boundary(from: [UInt8](blob), grid: grid)
                if let problem = boundary.problem {
                    errors.add(line: nil, column: "\(path).\(layer.column)", value: id, expected: "\(problem), for area \(id)")
                    continue
                }
                result.append((id, boundary))
            } catch {
                errors.add(line: nil, column: "\(path).\(layer.column)", value: id, expected: "\(error.expected), for area \(id)")
            }
        }
        try errors.throwIfAny()
        return result
    }

    /// The chosen layer and its rows (code, geometry blob).
    struct Loaded {
        var layer: (table: String, column: String, srs: Int)
        var rows: [(id: String?, blob: Data?)]
    }

    static func load(_ db: Database, key: String, file: String) throws -> Loaded {
        let layers = try Row.fetchAll(db, sql: "SELECT table_name, column_name, srs_id FROM gpkg_geometry_columns")
        var chosen: (table: String, column: String, srs: Int)?
        var seen: [String] = []
        for row in layers {
            let table: String = row[0]
            let column: String = row[1]
            let srs: Int = row[2]
            let columns = try db.columns(in: table).map(\.name)
            seen.append("\(table) (\(columns.joined(separator: ", ")))")
            if columns.contains(key) {
                chosen = (table, column, srs)
                break
            }
        }
        guard let chosen else {
            throw InputErrors([InputError(file: file, column: key,
                                          expected: "a layer with a column '\(key)' (layers: \(seen.joined(separator: "; ")))")])
        }
        func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        var rows: [(id: String?, blob: Data?)] = []
        for row in try Row.fetchAll(db, sql: "SELECT \(quoted(key)), \(quoted(chosen.column)) FROM \(quoted(chosen.table))") {
            let value: DatabaseValue = row[0]
            let blob: Data? = row[1]
            rows.append((code(value), blob))
        }
        return Loaded(layer: chosen, rows: rows)
    }

    /// An area code cell as text (codes are sometimes stored as integers).
    static func code(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .string(let text): return text
        case .int64(let number): return String(number)
        default: return nil
        }
    }
}

/// GeoPackage binary geometries: header (`GP`, version, flags, srs id, envelope) then WKB.
enum GeoPackageGeometry {
    struct Invalid: Error {
        var expected: String
    }

    static func boundary(from bytes: [UInt8], grid: Bool) throws(Invalid) -> Boundary {
        guard bytes.count >= 8, bytes[0] == 0x47, bytes[1] == 0x50 else {
            throw Invalid(expected: "a GeoPackage geometry (the bytes 'GP' first)")
        }
        let flags = bytes[3]
        if flags & 0x10 != 0 { throw Invalid(expected: "a non-empty geometry") }
        let envelopeSizes = [0, 32, 48, 48, 64]
        let envelope = Int((flags >> 1) & 0x07)
        guard envelope < envelopeSizes.count else { throw Invalid(expected: "a valid envelope indicator in the geometry header") }
        var reader = WKBReader(bytes: bytes, offset: 8 + envelopeSizes[envelope], grid: grid)
        let polygons = try reader.polygons()
        return Boundary(polygons: polygons)
    }
}

/// Well-known binary Polygon and MultiPolygon (either byte order; Z, M and ZM dropped).
struct WKBReader {
    let bytes: [UInt8]
    var offset: Int
    let grid: Bool
    var littleEndian = true

    init(bytes: [UInt8], offset: Int, grid: Bool) {
        self.bytes = bytes
        self.offset = offset
        self.grid = grid
    }

    mutating func polygons() throws(GeoPackageGeometry.Invalid) -> [[Boundary.Ring]] {
        let (type, dimensions) = try header()
        switch type {
        case 3: return [try polygon(dimensions: dimensions)]
        case 6:
            let count = try uint32()
            var polygons: [[Boundary.Ring]] = []
            for _ in 0..<count {
                let (inner, innerDimensions) = try header()
                guard inner == 3 else { throw GeoPackageGeometry.Invalid(expected: "polygons inside a MultiPolygon (found WKB type \(inner))") }
                polygons.append(try polygon(dimensions: innerDimensions))
            }
            return polygons
        default:
            throw GeoPackageGeometry.Invalid(expected: "a Polygon or MultiPolygon (found WKB type \(type))")
        }
    }

    /// Byte order and geometry type; returns the base type (1-7) and ordinates per point.
    mutating func header() throws(GeoPackageGeometry.Invalid) -> (Int, Int) {
        guard offset < bytes.count else { throw GeoPackageGeometry.Invalid(expected: "a complete WKB geometry (it ends early)") }
        littleEndian = bytes[offset] == 1
        offset += 1
        let raw = try uint32()
        // ISO codes (1003 = Polygon Z, 2003 = M, 3003 = ZM) and EWKB flags (0x80000000 Z, 0x40000000 M).
        var dimensions = 2
        var code = raw & 0x0FFF_FFFF
        if raw & 0x8000_0000 != 0 { dimensions += 1 }
        if raw & 0x4000_0000 != 0 { dimensions += 1 }
        switch code / 1000 {
        case 1, 2: dimensions += 1
        case 3: dimensions += 2
        default: break
        }
        code %= 1000
        return (Int(code), dimensions)
    }

    mutating func polygon(dimensions: Int) throws(GeoPackageGeometry.Invalid) -> [Boundary.Ring] {
        let ringCount = try uint32()
        var rings: [Boundary.Ring] = []
        for _ in 0..<ringCount {
            let points = Int(try uint32())
            guard points <= (bytes.count - offset) / (8 * dimensions) else {
                throw GeoPackageGeometry.Invalid(expected: "a complete WKB geometry (a ring claims \(points) points)")
            }
            var coordinates = [Double]()
            coordinates.reserveCapacity(points * 2)
            for _ in 0..<points {
                let x = try double(), y = try double()
                offset += 8 * (dimensions - 2)
                if grid {
                    let point = BritishNationalGrid.wgs84(easting: x, northing: y)
                    coordinates.append(point.longitude)
                    coordinates.append(point.latitude)
                } else {
                    coordinates.append(x)
                    coordinates.append(y)
                }
            }
            rings.append(Boundary.Ring(coordinates: coordinates))
        }
        return rings
    }

    mutating func uint32() throws(GeoPackageGeometry.Invalid) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw GeoPackageGeometry.Invalid(expected: "a complete WKB geometry (it ends early)") }
        var value: UInt32 = 0
        for index in 0..<4 {
            let byte = UInt32(bytes[offset + (littleEndian ? index : 3 - index)])
            value |= byte << (8 * UInt32(index))
        }
        offset += 4
        return value
    }

    mutating func double() throws(GeoPackageGeometry.Invalid) -> Double {
        guard offset + 8 <= bytes.count else { throw GeoPackageGeometry.Invalid(expected: "a complete WKB geometry (it ends early)") }
        var bits: UInt64 = 0
        for index in 0..<8 {
            let byte = UInt64(bytes[offset + (littleEndian ? index : 7 - index)])
            bits |= byte << (8 * UInt64(index))
        }
        offset += 8
        return Double(bitPattern: bits)
    }
}
