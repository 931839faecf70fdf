import XCTest
@testable import Estate

final class SpatialTests: XCTestCase {
    /// A tiny deterministic generator so the test needs no other module.
    struct LCG {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) * 0x1p-53
        }
    }

    func testHaversineKnownDistance() {
        // One degree of latitude on the mean-radius sphere: R x pi / 180.
        XCTAssertEqual(Geodesy.distanceKm(latitude1: 0, longitude1: 0, latitude2: 1, longitude2: 0),
                       6371.0088 * Double.pi / 180, accuracy: 1e-9)
        // London (51.5074, -0.1278) to Paris (48.8566, 2.3522): about 343.5 km on this sphere.
        XCTAssertEqual(Geodesy.distanceKm(latitude1: 51.5074, longitude1: -0.1278, latitude2: 48.8566, longitude2: 2.3522),
                       343.5, accuracy: 0.5)
    }

    func testGridFindsExactlyThePointsBruteForceFinds() {
        var random = LCG(state: 7)
        for scenario in 0..<4 {
            // Regions: England-like, high latitude, across the antimeridian, near the pole.
            let (latitudeRange, longitudeRange): (ClosedRange<Double>, ClosedRange<Double>) = [
                (50.0...55.0, -4.0...2.0), (68.0...72.0, 10.0...30.0), (-20.0...(-10.0), 170.0...180.0), (85.0...89.9, -180.0...180.0),
            ][scenario]
            var latitudes: [Double] = [], longitudes: [Double] = []
            for _ in 0..<400 {
                latitudes.append(latitudeRange.lowerBound + random.next() * (latitudeRange.upperBound - latitudeRange.lowerBound))
                longitudes.append(longitudeRange.lowerBound + random.next() * (longitudeRange.upperBound - longitudeRange.lowerBound))
            }
            let radius = [15.0, 40.0, 120.0, 200.0][scenario]
            let grid = SpatialGrid(latitudes: latitudes, longitudes: longitudes, radiusKm: radius)
            for query in 0..<200 {
                var latitude = latitudeRange.lowerBound + random.next() * (latitudeRange.upperBound - latitudeRange.lowerBound)
                var longitude = longitudeRange.lowerBound + random.next() * (longitudeRange.upperBound - longitudeRange.lowerBound)
                if scenario == 2 && query % 2 == 0 { longitude = -180 + random.next() * 2 }   // the other side of 180
                if query % 7 == 0 { latitude = latitudes[query]; longitude = longitudes[query] }
                let brute = latitudes.indices.filter {
                    Geodesy.distanceKm(latitude1: latitude, longitude1: longitude, latitude2: latitudes[$0], longitude2: longitudes[$0]) <= radius
                }
                XCTAssertEqual(grid.within(latitude: latitude, longitude: longitude, radiusKm: radius), brute,
                               "scenario \(scenario), query \(query)")
            }
        }
    }

    func testEstimatedTravelTimesMatchBruteForce() {
        var random = LCG(state: 11)
        let areaLatitudes = (0..<300).map { _ in 51 + random.next() }, areaLongitudes = (0..<300).map { _ in random.next() * 1.5 }
        let siteLatitudes = (0..<60).map { _ in 51 + random.next() }, siteLongitudes = (0..<60).map { _ in random.next() * 1.5 }
        let model = TravelModel(speedKmh: 30, circuity: 1.3)
        let travel = TravelTimes.estimated(areaLatitudes: areaLatitudes, areaLongitudes: areaLongitudes,
                                           siteLatitudes: siteLatitudes, siteLongitudes: siteLongitudes,
                                           model: model, horizonMinutes: 25)
        XCTAssertEqual(travel.invariantViolations(), [])
        var expected = 0
        for area in 0..<300 {
            for site in 0..<60 {
                let km = Geodesy.distanceKm(latitude1: areaLatitudes[area], longitude1: areaLongitudes[area],
                                            latitude2: siteLatitudes[site], longitude2: siteLongitudes[site])
                let minutes = km * 1.3 / 30 * 60
                if minutes <= 25 {
                    expected += 1
                    XCTAssertEqual(travel.minutes(area: area, site: site), minutes)
                } else {
                    XCTAssertNil(travel.minutes(area: area, site: site))
                }
            }
        }
        XCTAssertEqual(travel.pairCount, expected)
        XCTAssertGreaterThan(expected, 0)
    }
}
