extension TravelTimes {
    /// Estimates every area-site pair within `horizonMinutes`: haversine distance (R = 6371.0088 km)
    /// x circuity / speed. A `SpatialGrid` over the sites limits the distance evaluations to
    /// nearby cells, so the cost grows with the pairs kept, not with areas x sites.
    public static func estimated(areaLatitudes: [Double], areaLongitudes: [Double],
                                 siteLatitudes: [Double], siteLongitudes: [Double],
                                 model: TravelModel, horizonMinutes: Double) -> TravelTimes {
        precondition(areaLatitudes.count == areaLongitudes.count && siteLatitudes.count == siteLongitudes.count)
        let areaCount = areaLatitudes.count, siteCount = siteLatitudes.count
        let radiusKm = model.kilometres(forMinutes: horizonMinutes)
        let grid = SpatialGrid(latitudes: siteLatitudes, longitudes: siteLongitudes, radiusKm: radiusKm)
        var offsets = [Int](repeating: 0, count: areaCount + 1)
        var sites: [Int32] = []
        var minutes: [Double] = []
        sites.reserveCapacity(areaCount * 8)
        minutes.reserveCapacity(areaCount * 8)
        var row: [(Int32, Double)] = []
        for area in 0..<areaCount {
            let latitude = areaLatitudes[area], longitude = areaLongitudes[area]
            row.removeAll(keepingCapacity: true)
            grid.candidates(latitude: latitude, longitude: longitude, radiusKm: radiusKm) { site in
                let km = Geodesy.distanceKm(latitude1: latitude, longitude1: longitude,
                                            latitude2: siteLatitudes[site], longitude2: siteLongitudes[site])
                let time = model.minutes(forKm: km)
                if time <= horizonMinutes { row.append((Int32(site), time)) }
            }
            row.sort { $0.0 < $1.0 }
            for (site, time) in row {
                sites.append(site)
                minutes.append(time)
            }
            offsets[area + 1] = sites.count
        }
        return TravelTimes(areaCount: areaCount, siteCount: siteCount, areaOffsets: offsets, areaSites: sites,
                           areaMinutes: minutes, horizonMinutes: horizonMinutes)
    }

    /// Estimated travel times for a dataset's areas and sites.
    public static func estimated(for dataset: Dataset, model: TravelModel, horizonMinutes: Double) -> TravelTimes {
        estimated(areaLatitudes: dataset.areas.map(\.latitude), areaLongitudes: dataset.areas.map(\.longitude),
                  siteLatitudes: dataset.sites.map(\.latitude), siteLongitudes: dataset.sites.map(\.longitude),
                  model: model, horizonMinutes: horizonMinutes)
    }
}
