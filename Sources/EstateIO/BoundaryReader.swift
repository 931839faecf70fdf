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
}

/// GeoJSON FeatureCollections of Polygons and MultiPolygons (RFC 7946; the older `crs` member
/// naming EPSG:27700, as ONS's British National Grid downloads carry, is honoured).
enum GeoJSONReader {
    static func read(url: URL, key: String) throws(InputErrors) -> [(id: String, boundary: Boundary)] {
        let file = url.lastPathComponent
        let data: Data
        do { data = try Data(contentsOf: url, options: .alwaysMapped) } catch {
            throw InputErrors([InputError(file: file, expected: "a readable GeoJSON file at \(url.path)")])
        }
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: data) } catch {
            throw InputErrors([InputError(file: file, expected: "valid JSON (\(error.localizedDescription))")])
        }
        guard let collection = root as? [String: Any], collection["type"] as? String == "FeatureCollection",
              let features = collection["features"] as? [Any] else {
            throw InputErrors([InputError(file: file, expected: "a GeoJSON FeatureCollection with a `features` list")])
        }
        let grid = ((collection["crs"] as? [String: Any])?["properties"] as? [String: Any])?["name"]
            .flatMap { $0 as? String }.map { $0.contains("27700") } ?? false
        var errors = InputErrorCollector(file: file)
        var result: [(id: String, boundary: Boundary)] = []
        result.reserveCapacity(features.count)
        for (index, item) in features.enumerated() {
            let path = "features.\(index)"
            guard let feature = item as? [String: Any] else {
                errors.add(line: nil, column: path, value: nil, expected: "a Feature object")
                continue
            }
            let properties = feature["properties"] as? [String: Any] ?? [:]
            guard let id = properties[key].flatMap(text) else {
                errors.add(line: nil, column: "\(path).properties.\(key)", value: nil,
                           expected: "the area code in property '\(key)' (the feature has: \(properties.keys.sorted().prefix(8).joined(separator: ", ")))")
                continue
            }
            guard let geometry = feature["geometry"] as? [String: Any], let type = geometry["type"] as? String,
                  let coordinates = geometry["coordinates"] as? [Any] else {
                errors.add(line: nil, column: "\(path).geometry", value: id, expected: "a Polygon or MultiPolygon geometry for area \(id)")
                continue
            }
            var polygons: [[Boundary.Ring]]?
            switch type {
            case "Polygon": polygons = polygon(coordinates, grid: grid).map { [$0] }
            case "MultiPolygon": polygons = multiPolygon(coordinates, grid: grid)
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

    /// A property as text: strings as they are, numbers as written (codes are sometimes numeric).
    static func text(_ value: Any) -> String? {
        if let string = value as? String, !string.isEmpty { return string }
        if let number = value as? Int { return String(number) }
        return nil
    }

    static func polygon(_ value: [Any], grid: Bool) -> [Boundary.Ring]? {
        var rings: [Boundary.Ring] = []
        for ringValue in value {
            guard let positions = ringValue as? [Any] else { return nil }
            var coordinates: [Double] = []
            coordinates.reserveCapacity(positions.count * 2)
            for position in positions {
                guard let pair = position as? [Any], pair.count >= 2, let x = number(pair[0]), let y = number(pair[1]) else { return nil }
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

    static func multiPolygon(_ value: [Any], grid: Bool) -> [[Boundary.Ring]]? {
        var polygons: [[Boundary.Ring]] = []
        for item in value {
            guard let list = item as? [Any], let rings = polygon(list, grid: grid) else { return nil }
            polygons.append(rings)
        }
        return polygons
    }

    static func number(_ value: Any) -> Double? {
        if let double = value as? Double { return double }
        if let int = value as? Int { return Double(int) }
        return nil
    }
}
