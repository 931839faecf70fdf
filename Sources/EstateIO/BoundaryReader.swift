import Estate
import Foundation

/// Reads area or district outlines from GeoJSON or GeoPackage, keyed by a property (or column)
/// holding the area code. Every bad feature is reported with the file, the feature's number and
/// code, and what was expected, as the CSV readers do.
public enum BoundaryReader {
    /// The outlines in `url` (`.geojson`/`.json` or `.gpkg`), keyed by `key`, in file order.
    /// British National Grid coordinates (a GeoJSON `crs` naming EPSG:27700, a GeoPackage layer
    /// whose srs is 27700) are converted to WGS84.
    public static func read(url: URL, key: String) throws(InputErrors) -> [(id: String, boundary: Boundary)] {
        switch url.pathExtension.lowercased() {
        case "gpkg": return try GeoPackageReader.read(url: url, key: key)
        default: return try GeoJSONReader.read(url: url, key: key)
        }
    }

    /// The outlines of a plan folder's `areas.geojson` layer, keyed by `area_id`: the shapes its
    /// plan map drew. The layer gives an area without an outline as its centroid (a Point),
    /// which has no outline to read and is skipped.
    public static func readPlanLayer(url: URL) throws(InputErrors) -> [(id: String, boundary: Boundary)] {
        try GeoJSONReader.read(url: url, key: "area_id", skippingPoints: true)
    }
}

/// GeoJSON FeatureCollections of Polygons and MultiPolygons (RFC 7946; the older `crs` member
/// naming EPSG:27700, as ONS's British National Grid downloads carry, is honoured).
enum GeoJSONReader {
    static func read(url: URL, key: String, skippingPoints: Bool = false) throws(InputErrors) -> [(id: String, boundary: Boundary)] {
        let file = url.lastPathComponent
        let data: Data
        do { data = try Data(contentsOf: url, options: .alwaysMapped) } catch {
            throw InputErrors([InputError(file: file, expected: "a readable GeoJSON file at \(url.path)")])
        }
        let root: JSONValue
        do { root = try GeoJSONParser.parse([UInt8](data)) } catch {
            throw InputErrors([InputError(file: file, line: error.line, position: error.column, expected: "valid JSON: \(error.expected)")])
        }
        guard root["type"]?.string == "FeatureCollection", case .array(let features)? = root["features"] else {
            throw InputErrors([InputError(file: file, expected: "a GeoJSON FeatureCollection with a `features` list")])
        }
        let grid = root["crs"]?["properties"]?["name"]?.string?.contains("27700") ?? false
        var errors = InputErrorCollector(file: file)
        var result: [(id: String, boundary: Boundary)] = []
        result.reserveCapacity(features.count)
        for (index, feature) in features.enumerated() {
            let path = "features.\(index)"
            guard case .object = feature else {
                errors.add(line: nil, column: path, value: nil, expected: "a Feature object")
                continue
            }
            guard let id = feature["properties"]?[key].flatMap(text) else {
                var names: [String] = []
                if case .object(let members)? = feature["properties"] { names = members.map(\.key) }
                errors.add(line: nil, column: "\(path).properties.\(key)", value: nil,
                           expected: "the area code in property '\(key)' (the feature has: \(names.prefix(8).joined(separator: ", ")))")
                continue
            }
            guard let geometry = feature["geometry"], let type = geometry["type"]?.string else {
                errors.add(line: nil, column: "\(path).geometry", value: id, expected: "a Polygon or MultiPolygon geometry for area \(id)")
                continue
            }
            var polygons: [[Boundary.Ring]]?
            let coordinates: JSONValue.Coordinates
            if case .coordinates(let numbers)? = geometry["coordinates"] { coordinates = numbers } else { coordinates = .position(.nan, .nan) }
            switch type {
            case "Point" where skippingPoints: continue
            case "Polygon": polygons = polygon(coordinates, grid: grid).map { [$0] }
            case "MultiPolygon":
                if case .list(let items) = coordinates {
                    polygons = []
                    for item in items {
                        guard let rings = polygon(item, grid: grid) else { polygons = nil; break }
                        polygons?.append(rings)
                    }
                }
            default:
                errors.add(line: nil, column: "\(path).geometry.type", value: type, expected: "Polygon or MultiPolygon for area \(id)")
                continue
            }
            guard let polygons else {
                errors.add(line: nil, column: "\(path).geometry.coordinates", value: id,
                           expected: "\(type) coordinates: lists of [longitude, latitude] number pairs, for area \(id)")
                continue
            }
            let boundary = Boundary(polygons: polygons)
            if let problem = boundary.problem {
                errors.add(line: nil, column: "\(path).geometry", value: id, expected: "\(problem), for area \(id)")
                continue
            }
            result.append((id, boundary))
        }
        try errors.throwIfAny()
        return result
    }

    /// A property as text: strings as they are, whole numbers as written (codes are sometimes numeric).
    static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text) where !text.isEmpty: return text
        case .number(let number) where number == number.rounded() && abs(number) < 1e15: return String(Int(number))
        default: return nil
        }
    }

    /// A Polygon's rings (a list of rings), converted from the grid when asked.
    static func polygon(_ value: JSONValue.Coordinates, grid: Bool) -> [Boundary.Ring]? {
        guard case .list(let items) = value else { return nil }
        var rings: [Boundary.Ring] = []
        for item in items {
            guard case .ring(var coordinates) = item else { return nil }
            if grid {
                var index = 0
                while index < coordinates.count {
                    let point = BritishNationalGrid.wgs84(easting: coordinates[index], northing: coordinates[index + 1])
                    coordinates[index] = point.longitude
                    coordinates[index + 1] = point.latitude
                    index += 2
                }
            }
            rings.append(Boundary.Ring(coordinates: coordinates))
        }
        return rings
    }
}
