extension InputWarnings {
    /// A point with no area (and, for an area, no site either) within this distance is reported
    /// as misplaced. 50 km is more than any gap between neighbouring small areas in England
    /// (the Isles of Scilly are about 45 km from the nearest mainland area), and far less than
    /// the thousands of kilometres that swapped latitude and longitude move a British point.
    public static let isolationKm = 50.0

    /// Latitude and longitude ranges that contain Great Britain and its islands (degrees).
    static let greatBritainLatitudes = 49.8...61.0, greatBritainLongitudes = -8.7...2.0

    /// Sites and areas far from everything else, each with the likely fix (swap latitude and
    /// longitude, or flip the longitude's sign, when that puts it among the areas), and a warning
    /// when the areas' median lies outside Great Britain.
    static func locationWarnings(_ dataset: Dataset) -> [InputWarning] {
        let areas = dataset.areas, sites = dataset.sites
        guard !areas.isEmpty else { return [] }
        let areaLatitudes = areas.map(\.latitude), areaLongitudes = areas.map(\.longitude)
        // A small first radius answers "has a neighbour" for nearly every point from a few cells;
        // only points without one are searched again over the full isolation distance.
        let nearKm = 5.0
        let areaGrid = SpatialGrid(latitudes: areaLatitudes, longitudes: areaLongitudes, radiusKm: nearKm)
        let siteGrid = SpatialGrid(latitudes: sites.map(\.latitude), longitudes: sites.map(\.longitude), radiusKm: nearKm)
        func hasArea(_ latitude: Double, _ longitude: Double, within km: Double, except: Int? = nil) -> Bool {
            var found = false
            areaGrid.candidates(latitude: latitude, longitude: longitude, radiusKm: km) { index in
                if !found, index != except,
                   Geodesy.distanceKm(latitude1: latitude, longitude1: longitude, latitude2: areaLatitudes[index],
                                      longitude2: areaLongitudes[index]) <= km {
                    found = true
                }
            }
            return found
        }
        func hasSite(_ latitude: Double, _ longitude: Double, within km: Double) -> Bool {
            !siteGrid.within(latitude: latitude, longitude: longitude, radiusKm: km).isEmpty
        }
        func nearestAreaKm(_ latitude: Double, _ longitude: Double, except: Int?) -> Double {
            var best = Double.infinity
            for index in areas.indices where index != except {
                best = min(best, Geodesy.distanceKm(latitude1: latitude, longitude1: longitude,
                                                    latitude2: areaLatitudes[index], longitude2: areaLongitudes[index]))
            }
            return best
        }
        /// The likely fix for a point at (latitude, longitude), or a generic one.
        func fix(_ latitude: Double, _ longitude: Double) -> String {
            if abs(longitude) <= 90, hasArea(longitude, latitude, within: isolationKm) {
                return "latitude and longitude look swapped: lat \(degrees(longitude)), lon \(degrees(latitude)) lies among the areas"
            }
            if hasArea(latitude, -longitude, within: isolationKm) {
                return "the longitude's sign looks wrong: lon \(degrees(-longitude)) lies among the areas (west of Greenwich is negative)"
            }
            return "check the coordinates are WGS84 decimal degrees (projected eastings/northings need `crs` in dataset.yaml)"
        }
        var warnings: [InputWarning] = []
        for site in sites {
            let (latitude, longitude) = (site.latitude, site.longitude)
            if hasArea(latitude, longitude, within: nearKm) || hasArea(latitude, longitude, within: isolationKm) { continue }
            let km = nearestAreaKm(latitude, longitude, except: nil)
            warnings.append(InputWarning(kind: .isolatedLocation, file: "sites.csv", column: "lat, lon", id: site.id,
                                         message: "(\(degrees(latitude)), \(degrees(longitude))) is \(kilometres(km)) km "
                                             + "from the nearest area, so it can serve nobody and would be closed",
                                         fix: fix(latitude, longitude)))
        }
        for (index, area) in areas.enumerated() {
            let (latitude, longitude) = (area.latitude, area.longitude)
            if hasArea(latitude, longitude, within: nearKm, except: index) || hasSite(latitude, longitude, within: nearKm)
                || hasArea(latitude, longitude, within: isolationKm, except: index) || hasSite(latitude, longitude, within: isolationKm) {
                continue
            }
            let km = nearestAreaKm(latitude, longitude, except: index)
            warnings.append(InputWarning(kind: .isolatedLocation, file: "areas.csv", column: "lat, lon", id: area.id,
                                         message: "(\(degrees(latitude)), \(degrees(longitude))) is "
                                             + (km.isFinite ? "\(kilometres(km)) km from the nearest other area" : "the only area")
                                             + " and more than \(kilometres(isolationKm)) km from any site, so no site can reach it",
                                         fix: fix(latitude, longitude)))
        }
        let medianLatitude = median(areaLatitudes), medianLongitude = median(areaLongitudes)
        if !greatBritainLatitudes.contains(medianLatitude) || !greatBritainLongitudes.contains(medianLongitude) {
            var fix = "Estate plans English estates: check the coordinates are WGS84 latitude and longitude in decimal degrees"
            if greatBritainLatitudes.contains(medianLongitude) && greatBritainLongitudes.contains(medianLatitude) {
                fix = "the lat and lon columns look swapped: swap the two column names"
            }
            warnings.append(InputWarning(kind: .outsideGreatBritain, file: "areas.csv", column: "lat, lon",
                                         message: "the areas' median point (\(degrees(medianLatitude)), \(degrees(medianLongitude))) "
                                             + "lies outside Great Britain", fix: fix))
        }
        return warnings
    }

    /// The median of a non-empty list.
    static func median(_ values: [Double]) -> Double { values.median ?? .nan }

    /// Degrees with 5 decimals (about a metre), as the datasets write them.
    static func degrees(_ value: Double) -> String {
        let scaled = (value * 100_000).rounded() / 100_000
        return String(scaled)
    }

    /// Whole kilometres with thousands separators.
    static func kilometres(_ km: Double) -> String {
        let digits = String(Int(km.rounded()))
        var out = ""
        for (offset, character) in digits.reversed().enumerated() {
            if offset > 0 && offset % 3 == 0 && character != "-" { out.append(",") }
            out.append(character)
        }
        return String(out.reversed())
    }
}
