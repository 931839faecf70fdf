/// Why map data cannot be drawn: names the record, the field, the value and what was expected,
/// so that a planner bug surfaces as a message rather than a broken picture.
public struct MapDataError: Error, Equatable, CustomStringConvertible {
    /// "area", "site" or "boundary".
    public var record: String
    /// The record's id (or district for a boundary).
    public var id: String
    /// The field at fault, e.g. "hub" or "lat".
    public var field: String
    /// The value found.
    public var value: String
    /// What was expected instead.
    public var expected: String

    public init(record: String, id: String, field: String, value: String, expected: String) {
        self.record = record
        self.id = id
        self.field = field
        self.value = value
        self.expected = expected
    }

    /// One line naming the record, field, value and expectation.
    public var description: String {
        "map data: \(record) \(id): \(field) is \(value), expected \(expected)"
    }
}

extension EstateMapData {
    /// Checks what the drawing relies on: finite coordinates within WGS84 ranges, unique ids,
    /// hub indices inside `sites`, minutes finite and non-negative, deciles in 1...10.
    public func validate() throws(MapDataError) {
        try MapValidation.sites(sites)
        var seen = Set<String>()
        for area in areas {
            try MapValidation.area(area, seen: &seen)
            for (field, value) in [("need", area.need), ("weight", area.weight)] {
                guard value.isFinite else {
                    throw MapDataError(record: "area", id: area.id, field: field, value: "\(value)", expected: "a finite number")
                }
            }
            if let hub = area.hub, !sites.indices.contains(hub) {
                throw MapDataError(record: "area", id: area.id, field: "hub", value: "\(hub)", expected: "a site index in 0..<\(sites.count)")
            }
            if let minutes = area.minutes, !(minutes.isFinite && minutes >= 0) {
                throw MapDataError(record: "area", id: area.id, field: "minutes", value: "\(minutes)", expected: "finite minutes >= 0")
            }
            if let decile = area.deprivationDecile, !(1...10).contains(decile) {
                throw MapDataError(record: "area", id: area.id, field: "deprivation decile", value: "\(decile)", expected: "1...10")
            }
        }
        try MapValidation.boundaries(boundaries)
        try MapValidation.services(services, areas: areas.map(\.id))
    }
}

extension DifferenceMapData {
    /// Checks finite coordinates, unique ids, finite non-negative minutes and each service's shares.
    public func validate() throws(MapDataError) {
        try MapValidation.sites(sites)
        var seen = Set<String>()
        for area in areas {
            try MapValidation.area(area, seen: &seen)
            for (field, minutes) in [("minutes A", area.minutesA), ("minutes B", area.minutesB)] {
                if let minutes, !(minutes.isFinite && minutes >= 0) {
                    throw MapDataError(record: "area", id: area.id, field: field, value: "\(minutes)", expected: "finite minutes >= 0")
                }
            }
        }
        try MapValidation.boundaries(boundaries)
        try MapValidation.services(services.flatMap { [$0.a, $0.b] }, areas: areas.map(\.id))
    }
}

/// Checks shared by both kinds of map.
enum MapValidation {
    static func position(record: String, id: String, lat: Double, lon: Double) throws(MapDataError) {
        guard lat.isFinite, (-90...90).contains(lat) else {
            throw MapDataError(record: record, id: id, field: "lat", value: "\(lat)", expected: "degrees in -90...90")
        }
        guard lon.isFinite, (-180...180).contains(lon) else {
            throw MapDataError(record: record, id: id, field: "lon", value: "\(lon)", expected: "degrees in -180...180")
        }
    }

    static func sites(_ sites: [some MapPlacedSite]) throws(MapDataError) {
        var seen = Set<String>()
        for site in sites {
            try position(record: "site", id: site.id, lat: site.lat, lon: site.lon)
            guard seen.insert(site.id).inserted else {
                throw MapDataError(record: "site", id: site.id, field: "id", value: site.id, expected: "a unique id")
            }
        }
    }

    /// An area's position and children, and its id not among `seen` (which gains it); each map
    /// then checks its own fields of the area.
    static func area(_ area: some MapPlacedArea, seen: inout Set<String>) throws(MapDataError) {
        try position(record: "area", id: area.id, lat: area.lat, lon: area.lon)
        guard seen.insert(area.id).inserted else {
            throw MapDataError(record: "area", id: area.id, field: "id", value: area.id, expected: "a unique id")
        }
        guard area.children.isFinite else {
            throw MapDataError(record: "area", id: area.id, field: "children", value: "\(area.children)", expected: "a finite number")
        }
    }

    static func boundaries(_ boundaries: [DistrictBoundary]) throws(MapDataError) {
        for boundary in boundaries {
            for ring in boundary.rings {
                guard ring.count >= 3 else {
                    throw MapDataError(record: "boundary", id: boundary.district, field: "ring", value: "\(ring.count) points", expected: "at least 3 points")
                }
                for point in ring {
                    try position(record: "boundary", id: boundary.district, lat: point.lat, lon: point.lon)
                }
            }
        }
    }
}
