import Estate
import EstateIO
@testable import EstateSynth
import XCTest

final class KentDatasetTests: XCTestCase {
    let scenarioURL = packageRoot.appendingPathComponent("datasets/kent/scenario.yaml")
    let buildingsOnlyURL = packageRoot.appendingPathComponent("datasets/kent/buildings-only/scenario.yaml")

    func testDefaultKentScenarioLoadsAndValidates() throws {
        let inputs = try InputLoader.load(path: scenarioURL.path)
        let dataset = inputs.dataset
        XCTAssertEqual(dataset.districts.count, 12)
        XCTAssertEqual(dataset.areas.count, 901)
        XCTAssertEqual(dataset.sites.count, 136)
        XCTAssertEqual(dataset.invariantViolations(), [])
        XCTAssertEqual(inputs.scenario.objective, .maxCoverage)
        XCTAssertEqual(inputs.scenario.needs?.indicators.count, 4)
        let report = try inputs.scenario.needReport(for: dataset)
        // The need multiplier is normalised: total weight equals total children.
        let children = dataset.areas.reduce(0) { $0 + $1.children }
        XCTAssertEqual(report.scores.weight.reduce(0, +), children, accuracy: 1e-6 * children)
        // Thanet is the neediest district per child, Tunbridge Wells among the least (IMD 2019 order).
        let byRank = report.districts.sorted { $0.rank < $1.rank }.map { dataset.districts[$0.district] }
        XCTAssertEqual(byRank.first, "Thanet")
        XCTAssertTrue(byRank.suffix(3).contains("Tunbridge Wells"))
    }

    /// The default scenario is the Family Hub Network: the 7 + 4 services, a Family Hub with the
    /// 7 in every district, which every district has a building able to be.
    func testDefaultScenarioPlansTheFamilyHubNetworksServices() throws {
        let inputs = try InputLoader.load(path: scenarioURL.path)
        let scenario = inputs.scenario, dataset = inputs.dataset
        XCTAssertEqual(scenario.services.map(\.code), KentServices.all)
        XCTAssertEqual(scenario.familyHubs?.core, KentServices.core)
        XCTAssertEqual(scenario.familyHubs?.perDistrict, 1)
        XCTAssertNotNil(scenario.outreach)
        for district in dataset.districts.indices {
            let sites = dataset.sites.filter { $0.district == district }
            XCTAssertTrue(sites.contains { site in KentServices.core.allSatisfy(site.services.contains) },
                          "\(dataset.districts[district]) has a building that can be a Family Hub")
            XCTAssertEqual(sites.filter { $0.kind == "partner" }.count, KentGenerator.partnersPerDistrict)
            XCTAssertEqual(sites.filter { $0.kind == "youth_hub" && $0.services.contains("early_years") }.count, 1,
                           "one in-house Youth Hub a district")
        }
        for site in dataset.sites where site.kind == "partner" { XCTAssertEqual(site.services, KentServices.partner) }
        // Every service's population is a column of areas.csv.
        XCTAssertTrue(scenario.missingColumnErrors(available: dataset.indicators.names).isEmpty)
    }

    /// The age bands add up to `children` in every area; SEND is a share of it.
    func testAgeBandsAddUpToChildren() throws {
        let dataset = try DatasetReader.read(folder: packageRoot.appendingPathComponent("datasets/kent"))
        let bands = try ["children_0_4", "children_5_10", "young_people_11_19"].map { try XCTUnwrap(dataset.indicators[$0]) }
        let send = try XCTUnwrap(dataset.indicators["send_0_25"])
        for (index, area) in dataset.areas.enumerated() {
            XCTAssertEqual(bands.reduce(0) { $0 + $1[index] }, area.children, area.id)
            XCTAssertTrue(bands.allSatisfy { $0[index] >= 0 } && send[index] >= 0 && send[index] <= area.children, area.id)
        }
    }

    /// The buildings-only dataset is the council's 100 buildings (no partners' venues) over the
    /// same areas: the first version's question.
    func testBuildingsOnlyDatasetLeavesThePartnersOut() throws {
        let inputs = try InputLoader.load(path: buildingsOnlyURL.path)
        XCTAssertEqual(inputs.dataset.sites.count, 100)
        XCTAssertFalse(inputs.dataset.sites.contains { $0.kind == "partner" })
        XCTAssertEqual(inputs.dataset.areas.count, 901)
        XCTAssertTrue(inputs.scenario.services.isEmpty, "a v1 scenario")
        XCTAssertTrue(inputs.dataset.provenance.illustrative)
    }

    func testCommittedKentFilesAreWhatTheGeneratorWrites() throws {
        let output = KentGenerator.generate()
        let folder = packageRoot.appendingPathComponent("datasets/kent")
        for (name, bytes) in [("areas.csv", DatasetWriter.areas(output.dataset)), ("sites.csv", DatasetWriter.sites(output.dataset)),
                              ("usage.csv", DatasetWriter.usage(output.dataset)),
                              ("boundaries.geojson", DatasetWriter.boundaries(output.dataset)),
                              ("places.csv", DatasetWriter.places(output.dataset)),
                              ("dataset.yaml", try XCTUnwrap(DatasetWriter.provenance(output.dataset)))]
                + KentGenerator.scenarioFiles(output, places: DatasetWriter.places(output.dataset)) {
            let committed = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            XCTAssertTrue(committed == bytes, "\(name) differs from the generator's output: regenerate with `estate generate kent --out datasets/kent`")
        }
    }

    func testDistrictMeanDeprivationFollowsTheIMD2019Order() throws {
        let dataset = try DatasetReader.read(folder: packageRoot.appendingPathComponent("datasets/kent"))
        let imd = try XCTUnwrap(dataset.indicators["imd_score"])
        var sums = [Double](repeating: 0, count: 12), counts = [Double](repeating: 0, count: 12)
        for (index, area) in dataset.areas.enumerated() {
            sums[area.district] += imd[index]
            counts[area.district] += 1
        }
        let order = (0..<12).sorted { sums[$0] / counts[$0] > sums[$1] / counts[$1] }.map { dataset.districts[$0] }
        XCTAssertEqual(Array(order.prefix(5)), ["Thanet", "Swale", "Folkestone and Hythe", "Dover", "Gravesham"])
        XCTAssertEqual(Set(order.suffix(3)), ["Sevenoaks", "Tunbridge Wells", "Tonbridge and Malling"])
    }

    func testEveryAreaAndSiteLiesInTheKCCArea() throws {
        let dataset = try DatasetReader.read(folder: packageRoot.appendingPathComponent("datasets/kent"))
        for area in dataset.areas {
            XCTAssertTrue(KentGeography.isInKent(latitude: area.latitude, longitude: area.longitude), area.id)
        }
        for site in dataset.sites {
            XCTAssertTrue(KentGeography.isInKent(latitude: site.latitude, longitude: site.longitude), site.id)
        }
        // The outline test itself: Canterbury is in, the sea off Margate and Medway's Chatham are not.
        XCTAssertTrue(KentGeography.isInKent(latitude: 51.280, longitude: 1.080))
        XCTAssertFalse(KentGeography.isInKent(latitude: 51.420, longitude: 1.380))
        XCTAssertFalse(KentGeography.isInKent(latitude: 51.380, longitude: 0.530))
    }

    /// The generated outlines tile the KCC area: each holds its own centroid, none overlaps
    /// another (their areas add up to the county's, by brute force on a local km grid), and
    /// merged by shared edges they give back the county as one piece.
    func testGeneratedOutlinesTileTheCountyAndHoldTheirCentroids() throws {
        let dataset = try DatasetReader.read(folder: packageRoot.appendingPathComponent("datasets/kent"))
        XCTAssertEqual(dataset.boundaries.count, dataset.areas.count)
        XCTAssertEqual(dataset.places.count, 18)
        func km(_ ring: [Double]) -> [Double] {
            stride(from: 0, to: ring.count, by: 2).flatMap { [ring[$0] * cos(51.25 * Double.pi / 180) * 111.19, ring[$0 + 1] * 111.19] }
        }
        func area(_ ring: [Double]) -> Double {
            var sum = 0.0
            var k = 0
            while k + 3 < ring.count { sum += ring[k] * ring[k + 3] - ring[k + 2] * ring[k + 1]; k += 2 }
            return abs(sum / 2)
        }
        var total = 0.0
        for (area_, outline) in zip(dataset.areas, dataset.boundaries) {
            let outline = try XCTUnwrap(outline, area_.id)
            XCTAssertNil(outline.problem)
            XCTAssertTrue(outline.polygons.contains { BoundaryTopology.contains($0[0].coordinates, x: area_.longitude, y: area_.latitude) },
                          "\(area_.id) lies in its own outline")
            total += outline.polygons.reduce(0) { $0 + area(km($1[0].coordinates)) }
        }
        let county = area(km(KentBoundaries.land.flatMap { [$0.1, $0.0] } + [KentBoundaries.land[0].1, KentBoundaries.land[0].0]))
        XCTAssertEqual(total, county, accuracy: county * 1e-6, "no gap and no overlap")
        let merged = BoundaryTopology(features: dataset.boundaries).mergedBoundaries(group: dataset.areas.map { _ in 0 }, groups: 1)
        XCTAssertEqual(merged[0]?.polygons.count, 1)
        XCTAssertEqual(merged[0]?.polygons[0].count, 1, "no hole: neighbours share every vertex")
        XCTAssertEqual(area(km(try XCTUnwrap(merged[0]).polygons[0][0].coordinates)), county, accuracy: county * 1e-6)
    }
}
