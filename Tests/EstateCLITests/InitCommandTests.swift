import Foundation
import XCTest

/// `estate init DIR` as a new user meets it: a folder to fill in, which then validates and plans.
final class InitCommandTests: XCTestCase {
    func testInitWritesABlankDatasetThatPlansOnceFilledIn() throws {
        let scratch = try Scratch()
        let run = try EstateRun.run(["init", scratch.path("mine")])
        XCTAssertEqual(run.status, 0, run.stderr)
        for name in ["README.md", "areas.csv", "sites.csv", "usage.csv", "scenario.yaml", "dataset.yaml"] {
            XCTAssertTrue(scratch.exists("mine/\(name)"), name)
        }
        XCTAssertEqual(try scratch.read("mine/areas.csv"),
                       "area_id,district,lat,lon,children,imd_score,idaci_score,fsm_pct,children_0_4\n")
        XCTAssertEqual(try scratch.read("mine/sites.csv"),
                       "site_id,name,kind,district,lat,lon,annual_cost,carbon,capacity,status,services\n")
        XCTAssertTrue(try scratch.read("mine/README.md").contains("| `annual_cost` | GBP a year >= 0 |"))

        // Blank, it is refused with the reason.
        let blank = try EstateRun.run(["validate", scratch.path("mine/scenario.yaml")])
        XCTAssertEqual(blank.status, 1)
        XCTAssertTrue(blank.stderr.contains("at least one area row"), blank.stderr)

        // Filled in, it validates and plans with the scenario as written.
        try scratch.write("mine/areas.csv", """
            area_id,district,lat,lon,children,imd_score,idaci_score,fsm_pct,children_0_4
            A1,East,51.10,0.80,300,20.1,0.21,14,60
            A2,East,51.12,0.84,250,35.2,0.30,22,55
            A3,West,51.20,0.60,400,12.0,0.12,9,80

            """)
        try scratch.write("mine/sites.csv", """
            site_id,name,kind,district,lat,lon,annual_cost,carbon,capacity,status,services
            S1,East Centre,childrens_centre,East,51.11,0.82,"£85,000",20,,,
            S2,West Centre,family_hub,West,51.20,0.61,"£90,000",25,,,

            """)
        try scratch.write("mine/usage.csv", "site_id,area_id,service,visits\n")
        let valid = try EstateRun.run(["validate", scratch.path("mine/scenario.yaml")])
        XCTAssertEqual(valid.status, 0, valid.stderr)
        let plan = try EstateRun.run(["plan", scratch.path("mine/scenario.yaml"), "--out", scratch.path("plan"), "--quiet"])
        XCTAssertEqual(plan.status, 0, plan.stderr)
        XCTAssertTrue(try scratch.read("plan/sites.csv").contains(",kept,"))
    }

    func testInitRefusesAFolderThatHasFiles() throws {
        let scratch = try Scratch()
        try scratch.write("keep.txt", "mine")
        let run = try EstateRun.run(["init", scratch.url.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("is not empty"), run.stderr)
        XCTAssertEqual(try scratch.read("keep.txt"), "mine")
    }
}
