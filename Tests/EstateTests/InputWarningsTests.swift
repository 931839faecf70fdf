import XCTest
@testable import Estate

/// Each warning of `InputWarnings` on a small Kent-like dataset: one test that triggers it and
/// the clean dataset that does not.
final class InputWarningsTests: XCTestCase {
    /// 16 areas on a 4 x 4 grid around Ashford (about 5 km apart) in two districts, and three
    /// sites among them.
    static func dataset(areaEdits: (inout [Area]) -> Void = { _ in }, siteEdits: (inout [Site]) -> Void = { _ in },
                        indicators: IndicatorTable? = nil, travel: TravelTimes? = nil) -> Dataset {
        var areas: [Area] = []
        for row in 0..<4 {
            for column in 0..<4 {
                areas.append(Area(id: "A\(row)\(column)", district: column < 2 ? 0 : 1, latitude: 51.0 + 0.05 * Double(row),
                                  longitude: 0.7 + 0.07 * Double(column), children: 300))
            }
        }
        var sites = [
            Site(id: "S1", name: "One", kind: "childrens_centre", district: 0, latitude: 51.05, longitude: 0.75,
                 annualCost: 85_000, carbon: 20),
            Site(id: "S2", name: "Two", kind: "youth_hub", district: 1, latitude: 51.10, longitude: 0.90,
                 annualCost: 120_000, carbon: 30),
            Site(id: "S3", name: "Three", kind: "family_hub", district: 1, latitude: 51.12, longitude: 0.86,
                 annualCost: 60_000, carbon: 12),
        ]
        areaEdits(&areas)
        siteEdits(&sites)
        var table = IndicatorTable()
        table.append(name: "fsm_pct", values: [Double](repeating: 14, count: areas.count))
        return Dataset(districts: ["East", "West"], areas: areas, sites: sites, indicators: indicators ?? table, travel: travel)
    }

    func warnings(_ dataset: Dataset, coverageMinutes: Double = 60) -> [InputWarning] {
        let scenario = Scenario(coverageMinutes: coverageMinutes)
        return InputWarnings.check(dataset: dataset, scenario: scenario, travel: scenario.travelTimes(for: dataset))
    }

    func testCleanDatasetHasNoWarnings() {
        XCTAssertEqual(warnings(Self.dataset()), [])
    }

    func testSiteWithSwappedCoordinatesIsReportedWithTheSwapAsFix() throws {
        let dataset = Self.dataset(siteEdits: { $0[1].latitude = 0.9; $0[1].longitude = 51.1 })
        let found = warnings(dataset).filter { $0.kind == .isolatedLocation }
        XCTAssertEqual(found.count, 1)
        let warning = try XCTUnwrap(found.first)
        XCTAssertEqual(warning.file, "sites.csv")
        XCTAssertEqual(warning.id, "S2")
        XCTAssertTrue(warning.fix?.contains("latitude and longitude look swapped: lat 51.1, lon 0.9") == true, warning.description)
        // (0.9, 51.1) lies in the Indian Ocean; the message gives the distance to the nearest area.
        let km = dataset.areas.map { Geodesy.distanceKm(latitude1: 0.9, longitude1: 51.1, latitude2: $0.latitude, longitude2: $0.longitude) }.min()!
        XCTAssertGreaterThan(km, 5_000)
        XCTAssertTrue(warning.message.contains("\(InputWarnings.kilometres(km)) km from the nearest area"), warning.message)
    }

    func testSiteWithLongitudeOfTheWrongSignIsReportedWithTheSignAsFix() throws {
        let dataset = Self.dataset(siteEdits: { $0[0].longitude = -0.75 })
        let warning = try XCTUnwrap(warnings(dataset).first { $0.kind == .isolatedLocation })
        XCTAssertEqual(warning.id, "S1")
        XCTAssertTrue(warning.fix?.contains("sign looks wrong: lon 0.75") == true, warning.description)
    }

    func testSiteJustOutsideTheAreasIsNotIsolated() {
        // 30 km east of the easternmost area: further than any area, closer than 50 km.
        let dataset = Self.dataset(siteEdits: { $0[0].longitude = 0.91 + 0.43 })
        XCTAssertEqual(warnings(dataset).filter { $0.kind == .isolatedLocation }, [])
    }

    func testAreaFarFromEverythingIsReported() throws {
        let dataset = Self.dataset(areaEdits: { $0[5].latitude = 0.75; $0[5].longitude = 51.05 })
        let warning = try XCTUnwrap(warnings(dataset).first { $0.kind == .isolatedLocation })
        XCTAssertEqual(warning.file, "areas.csv")
        XCTAssertEqual(warning.id, "A11")
        XCTAssertTrue(warning.fix?.contains("swapped") == true, warning.description)
    }

    func testEveryCoordinateSwappedIsReportedAsOutsideGreatBritain() throws {
        let dataset = Self.dataset(areaEdits: { areas in
            for index in areas.indices { (areas[index].latitude, areas[index].longitude) = (areas[index].longitude, areas[index].latitude) }
        }, siteEdits: { sites in
            for index in sites.indices { (sites[index].latitude, sites[index].longitude) = (sites[index].longitude, sites[index].latitude) }
        })
        let found = warnings(dataset)
        XCTAssertEqual(found.map(\.kind), [.outsideGreatBritain])
        XCTAssertTrue(found[0].fix?.contains("swap the two column names") == true, found[0].description)
    }

    func testAreasBeyondTheStandardAreCountedAndListed() throws {
        // At 30 km/h and circuity 1.3, 5 minutes reach 1.9 km: only areas near a site are covered.
        let dataset = Self.dataset()
        let scenario = Scenario(coverageMinutes: 5)
        let travel = scenario.travelTimes(for: dataset)
        let unreachable = UnreachableAreas(dataset: dataset, travel: travel, coverageMinutes: 5)
        // Brute force: an area is reachable when some site is within 5 minutes by the same model.
        let model = scenario.travel.model
        let expected = dataset.areas.indices.filter { area in
            !dataset.sites.contains { site in
                model.minutes(forKm: Geodesy.distanceKm(latitude1: dataset.areas[area].latitude, longitude1: dataset.areas[area].longitude,
                                                        latitude2: site.latitude, longitude2: site.longitude)) <= 5
            }
        }
        XCTAssertEqual(unreachable.entries.map(\.area), expected)
        XCTAssertGreaterThan(expected.count, 0)
        XCTAssertLessThan(expected.count, dataset.areas.count)
        let warning = try XCTUnwrap(warnings(dataset, coverageMinutes: 5).first { $0.kind == .unreachableAreas })
        XCTAssertTrue(warning.message.hasPrefix("\(expected.count) of 16 areas have no site within the 5-minute"), warning.message)
        XCTAssertEqual(warnings(dataset, coverageMinutes: 60).filter { $0.kind == .unreachableAreas }, [])
    }

    func testClosedSitesDoNotReachAnyone() {
        let dataset = Self.dataset(siteEdits: { sites in for index in sites.indices { sites[index].status = .close } })
        let scenario = Scenario(coverageMinutes: 60)
        let unreachable = UnreachableAreas(dataset: dataset, travel: scenario.travelTimes(for: dataset), coverageMinutes: 60)
        XCTAssertEqual(unreachable.entries.count, 16)
        XCTAssertEqual(unreachable.beyondHorizon, 16)
    }

    func testDistrictWhoseOnlySitesCloseIsReported() throws {
        let dataset = Self.dataset(siteEdits: { $0[0].status = .close })
        let found = warnings(dataset).filter { $0.kind == .districtWithoutSite }
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].message.contains("district 'East' (8 areas) has only sites with status close"), found[0].message)
        let keptOpen = Self.dataset(siteEdits: { $0[0].status = .keep })
        XCTAssertEqual(warnings(keptOpen).filter { $0.kind == .districtWithoutSite }, [])
    }

    func testCostsInThousandsAreReported() {
        let dataset = Self.dataset(siteEdits: { sites in for index in sites.indices { sites[index].annualCost /= 1000 } })
        XCTAssertEqual(warnings(dataset).filter { $0.kind == .suspectUnit }.map(\.column), ["annual_cost"])
    }

    func testCarbonInKilogramsIsReported() {
        let dataset = Self.dataset(siteEdits: { sites in for index in sites.indices { sites[index].carbon *= 1000 } })
        XCTAssertEqual(warnings(dataset).filter { $0.kind == .suspectUnit }.map(\.column), ["carbon"])
    }

    func testChildrenAsAShareIsReported() {
        let dataset = Self.dataset(areaEdits: { areas in for index in areas.indices { areas[index].children = 0.21 } })
        XCTAssertEqual(warnings(dataset).filter { $0.kind == .suspectUnit }.map(\.column), ["children"])
    }

    func testPercentageColumnHoldingSharesIsReported() {
        var shares = IndicatorTable()
        shares.append(name: "fsm_pct", values: [Double](repeating: 0.14, count: 16))
        shares.append(name: "idaci_score", values: [Double](repeating: 0.14, count: 16))
        XCTAssertEqual(warnings(Self.dataset(indicators: shares)).filter { $0.kind == .suspectUnit }.map(\.column), ["fsm_pct"])
    }

    func testAreasWithoutAnOutlineAreReported() {
        let square = Boundary(polygons: [[Boundary.Ring(coordinates: [0.7, 51, 0.71, 51, 0.71, 51.01, 0.7, 51.01, 0.7, 51])]])
        var dataset = Self.dataset()
        dataset.boundaries = [Boundary?](repeating: square, count: 16)
        XCTAssertEqual(warnings(dataset).filter { $0.kind == .missingBoundary }, [])
        dataset.boundaries[3] = nil
        let found = warnings(dataset).filter { $0.kind == .missingBoundary }
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.hasPrefix("1 of 16 areas have no outline in the boundary file (A03)") == true, found.first?.message ?? "")
    }

    func testTravelInSecondsIsReported() throws {
        func travel(_ minutes: Double) throws -> TravelTimes {
            try TravelTimes(areaCount: 16, siteCount: 3, pairAreas: (0..<16).map { Int32($0) },
                            pairSites: [Int32](repeating: 0, count: 16), pairMinutes: [Double](repeating: minutes, count: 16))
        }
        let seconds = Self.dataset(travel: try travel(900))
        XCTAssertEqual(warnings(seconds).filter { $0.kind == .suspectUnit }.map(\.column), ["minutes"])
        let minutes = Self.dataset(travel: try travel(15))
        XCTAssertEqual(warnings(minutes).filter { $0.kind == .suspectUnit }, [])
    }
}
