import EstateMap
import Foundation
import Reports
import XCTest

/// The comparison tables of hand-made plans, against values worked out by hand in the comments
/// of `HandMade` (coverage within 20 minutes; weights equal children).
final class ComparisonTests: XCTestCase {
    private func threeOptions() throws -> Comparison {
        try Comparison([
            HandMade.record("A", HandMade.files(HandMade.optionA)),
            HandMade.record("B", HandMade.files(HandMade.optionB)),
            HandMade.record("C", HandMade.files(HandMade.optionC)),
        ])
    }

    private func text(_ files: [(name: String, contents: [UInt8])], _ name: String) -> String {
        String(decoding: files.first { $0.name == name }!.contents, as: UTF8.self)
    }

    func testReaderReadsSitesAreasPositionsAndSummaryOfAPlanFolder() throws {
        let a = try HandMade.record("A", HandMade.files(HandMade.optionA))
        XCTAssertEqual(a.sites.map(\.id), ["S1", "S2", "S3"])
        XCTAssertEqual(a.sites.map(\.decision), [.kept, .closed, .mustKeep], "status keep reads as must-keep")
        XCTAssertEqual(a.sites[1], PlanRecord.Site(id: "S2", name: "North Hub", kind: "youth_hub", district: "North",
                                                    decision: .closed, annualCost: 200, carbon: 2, lat: 51.32, lon: 0.55))
        XCTAssertEqual(a.areas[1], PlanRecord.Area(id: "N2", district: "North", children: 20, weight: 20, siteID: "S1", minutes: 25,
                                                    covered: false, coveredShare: 0, lat: 51.33, lon: 0.56))
        XCTAssertEqual(a.summary.status, .optimal)
        XCTAssertEqual(a.summary.objective, 40)
        XCTAssertEqual(a.summary.coverageMinutes, 20)
        XCTAssertEqual(a.summary.totals.cost, 400)
        XCTAssertEqual(a.equality.rows.count, 2)
    }

    func testDistrictTableOfThreeOptionsMatchesHandComputation() throws {
        let c = try threeOptions()
        XCTAssertEqual(String(decoding: c.districtsCSV(), as: UTF8.self), """
            district,sites_kept:A,sites_kept:B,sites_kept:C,sites_closed:A,sites_closed:B,sites_closed:C,cost:A,cost:B,cost:C,\
            carbon:A,carbon:B,carbon:C,coverage:A,coverage:B,coverage:C,median_minutes:A,median_minutes:B,median_minutes:C,\
            worst_minutes:A,worst_minutes:B,worst_minutes:C
            North,1,1,2,1,1,0,100,200,300,1,2,3,0.333,0.667,1,15,15,6.5,25,22,8
            South,1,1,1,0,0,0,300,300,300,3,3,3,0.429,0.429,0.429,20,20,20,30,30,30
            all districts,2,2,3,1,1,0,400,500,600,4,5,6,0.4,0.5,0.6,17.5,16,9,30,30,30

            """)
    }

    /// A district's median minutes are the plan's own (`equality.csv`, from unrounded minutes),
    /// not the median of `areas.csv`'s minutes, which are rounded to a tenth: 15.04 and 15.06
    /// minutes give 15.05, written 15.1, while the areas read back at 15.0 and 15.1 give 15.0.
    func testDistrictMediansAreThePlansOwnNotRecomputedFromRoundedMinutes() throws {
        let a = HandMade.edited(HandMade.files(HandMade.optionA), "equality.csv") {
            $0.replacingOccurrences(of: "district,North,2,30,0.6667,0.6667,15.0,", with: "district,North,2,30,0.6667,0.6667,15.1,")
        }
        let c = try Comparison([HandMade.record("A", a), HandMade.record("B", HandMade.files(HandMade.optionB))])
        let north = try XCTUnwrap(String(decoding: c.districtsCSV(), as: UTF8.self).split(separator: "\n").first { $0.hasPrefix("North,") })
        let cells = north.split(separator: ",", omittingEmptySubsequences: false)
        XCTAssertEqual(cells[11], "15.1", "median_minutes:A as the plan's equality.csv gives it: \(north)")
        XCTAssertEqual(cells[12], "15", "median_minutes:B: \(north)")
    }

    func testSitesTableListsOnlySitesWhoseDecisionDiffers() throws {
        let c = try threeOptions()
        XCTAssertEqual(String(decoding: c.sitesCSV(), as: UTF8.self), """
            site_id,name,kind,district,annual_cost,carbon,decision:A,decision:B,decision:C
            S1,North Centre,childrens_centre,North,100,1,kept,closed,kept
            S2,North Hub,youth_hub,North,200,2,closed,kept,kept

            """)
    }

    func testAreasTableListsAreasThatGainOrLoseCoverageAgainstTheFirstOption() throws {
        let c = try threeOptions()
        XCTAssertEqual(String(decoding: c.areasCSV(), as: UTF8.self), """
            area_id,district,children,covered:A,covered:B,covered:C,minutes:A,minutes:B,minutes:C,site:A,site:B,site:C,change:B,change:C
            N1,North,10,true,false,true,5,22,5,S1,S2,S1,lost,same
            N2,North,20,false,true,true,25,8,8,S1,S2,S2,gained,gained

            """)
    }

    func testPairDifferencesCountClosuresOpeningsGainsAndLosses() throws {
        let c = try threeOptions()
        XCTAssertEqual(c.difference(1), PairDifference(option: "B", sitesClosed: 1, sitesOpened: 1, areasGained: 1, areasLost: 1))
        XCTAssertEqual(c.difference(2), PairDifference(option: "C", sitesClosed: 0, sitesOpened: 1, areasGained: 1, areasLost: 0))
        XCTAssertEqual(c.differingSites.count, 2)
        XCTAssertEqual(c.changedAreas.count, 2)
    }

    func testEqualityTablesAreSetSideBySideCellForCell() throws {
        let a = try HandMade.record("A", HandMade.files(HandMade.optionA))
        let b = try HandMade.record("B", HandMade.files(HandMade.optionB, coverageOfAll: "0.25"))
        let c = try Comparison([a, b])
        XCTAssertEqual(String(decoding: c.equalityCSV(), as: UTF8.self), """
            group,label,areas:A,areas:B,coverage:A,coverage:B,weight_coverage:A,weight_coverage:B,median_minutes:A,median_minutes:B,\
            mean_minutes:A,mean_minutes:B,worst_minutes:A,worst_minutes:B,unreachable_areas:A,unreachable_areas:B,\
            visits_displaced:A,visits_displaced:B,displaced_share:A,displaced_share:B
            all,all areas,4,4,0.5,0.25,0.5,0.5,17.5,16.0,17.0,17.0,30.0,30.0,0,0,0.0,0.0,,
            district,North,2,2,0.6667,0.6667,0.6667,0.6667,15.0,15.0,12.7,12.7,22.0,22.0,0,0,0.0,0.0,,

            """)
    }

    func testTwoOptionsWriteOneDifferenceMapAndThreeWriteOneAgainstTheFirstPerOption() throws {
        let a = try HandMade.record("A", HandMade.files(HandMade.optionA))
        let b = try HandMade.record("option B", HandMade.files(HandMade.optionB))
        let two = try Comparison([a, b]).files(engineVersion: "test").map(\.name)
        XCTAssertEqual(two, ["areas.csv", "compare.html", "compare.svg", "compare.xlsx", "districts.csv", "equality.csv", "sites.csv", "summary.json"])
        let c = try HandMade.record("C", HandMade.files(HandMade.optionC))
        let three = try Comparison([a, b, c]).files(engineVersion: "test").map(\.name)
        XCTAssertEqual(three, ["areas.csv", "compare-A-vs-C.html", "compare-A-vs-C.svg", "compare-A-vs-option_B.html",
                               "compare-A-vs-option_B.svg", "compare.xlsx", "districts.csv", "equality.csv", "sites.csv", "summary.json"])
    }

    func testDifferenceMapDataCarriesEachSitesAndAreasChange() throws {
        let data = try threeOptions().mapData(1)
        XCTAssertEqual(data.optionA, "A")
        XCTAssertEqual(data.optionB, "B")
        XCTAssertEqual(data.sites.map(\.change), [.closedInB, .openedInB, .openInBoth])
        XCTAssertEqual(data.areas.map(\.change), [.lost, .gained, .coveredInBoth, .uncoveredInBoth])
        XCTAssertEqual(data.totals.first { $0.label == "Kept buildings" }?.value, "£400 → £500")
        // Minutes keep their tenth ("30.0"), as every table's minutes do.
        XCTAssertEqual(data.districtTable.rows.last, ["all districts", "2", "2", "£400", "£500", "40.0%", "50.0%", "30.0", "30.0"])
    }

    func testSummaryReportsEachOptionAndTheDifferenceCounts() throws {
        let files = try threeOptions().files(engineVersion: "test")
        let json = try JSONSerialization.jsonObject(with: Data(text(files, "summary.json").utf8)) as! [String: Any]
        XCTAssertEqual(json["sites_differing"] as? Int, 2)
        XCTAssertEqual(json["areas_changing"] as? Int, 2)
        let options = json["options"] as! [[String: Any]]
        XCTAssertEqual(options.map { $0["name"] as! String }, ["A", "B", "C"])
        XCTAssertEqual(options.map { ($0["totals"] as! [String: Any])["cost"] as! Double }, [400, 500, 600])
        XCTAssertEqual(options.map { $0["status"] as! String }, ["optimal", "optimal", "optimal"])
        let against = json["against_first"] as! [[String: Any]]
        XCTAssertEqual(against.map { $0["sites_changed"] as! Int }, [2, 1])
        XCTAssertEqual(against.map { $0["areas_lost"] as! Int }, [1, 0])
    }

    func testAPlanComparedWithItselfHasNoDifferencesAndDistinctNames() throws {
        let a = try HandMade.record("A", HandMade.files(HandMade.optionA))
        let c = try Comparison([a, a])
        XCTAssertEqual(c.options.map(\.name), ["A", "A-2"])
        XCTAssertEqual(c.differingSites, [])
        XCTAssertEqual(c.changedAreas, [])
        XCTAssertEqual(String(decoding: c.sitesCSV(), as: UTF8.self), "site_id,name,kind,district,annual_cost,carbon,decision:A,decision:A-2\n")
    }

    func testPlansOfDifferentDatasetsAreRefusedNamingTheDifference() throws {
        let a = try HandMade.record("A", HandMade.files(HandMade.optionA))
        let costlier = try HandMade.record("B", HandMade.edited(HandMade.files(HandMade.optionB), "sites.csv") {
            $0.replacingOccurrences(of: "youth_hub,North,kept,candidate,200.0", with: "youth_hub,North,kept,candidate,250")
        })
        XCTAssertThrowsError(try Comparison([a, costlier])) { error in
            XCTAssertEqual(error as? ComparisonError,
                           .differentDatasets(first: "A", other: "B", difference: "site S2's annual_cost is 200 in A but 250 in B"))
        }
        let fewer = try HandMade.record("B", HandMade.edited(HandMade.files(HandMade.optionB), "areas.csv") {
            $0.replacingOccurrences(of: "Sb,South,40.0,40.0,S3,30.0,false,0\n", with: "")
        })
        XCTAssertThrowsError(try Comparison([a, fewer])) { error in
            XCTAssertEqual(error as? ComparisonError, .differentDatasets(first: "A", other: "B", difference: "area Sb is in A but not in B"))
        }
    }

    func testBrokenCellsAreReportedWithFileLineAndColumn() throws {
        let files = HandMade.files(HandMade.optionA)
        let badDecision = HandMade.edited(files, "sites.csv") { $0.replacingOccurrences(of: "North,closed", with: "North,maybe") }
        XCTAssertThrowsError(try HandMade.record("A", badDecision)) { error in
            XCTAssertEqual("\(error)", "A/sites.csv:3:5: column 'decision': value 'maybe': expected kept or closed")
        }
        let closedServer = HandMade.edited(files, "areas.csv") { $0.replacingOccurrences(of: "N2,North,20.0,20.0,S1", with: "N2,North,20.0,20.0,S2") }
        XCTAssertThrowsError(try HandMade.record("A", closedServer)) { error in
            XCTAssertEqual("\(error)", "A/areas.csv:3:5: column 'site_id': value 'S2': expected a site kept in sites.csv, or blank")
        }
        let noColumn = HandMade.edited(files, "areas.csv") { $0.replacingOccurrences(of: ",covered_share", with: ",share") }
        XCTAssertThrowsError(try HandMade.record("A", noColumn)) { error in
            XCTAssertTrue("\(error)".hasPrefix("A/areas.csv:1: column 'covered_share': expected a column named 'covered_share'"), "\(error)")
        }
        let mixed = HandMade.edited(files, "summary.json") { $0.replacingOccurrences(of: "\"sites_kept\": 2", with: "\"sites_kept\": 3") }
        XCTAssertThrowsError(try HandMade.record("A", mixed)) { error in
            XCTAssertTrue("\(error)".hasPrefix("A/summary.json: column 'totals.sites_kept': value '3': expected the number of sites kept"), "\(error)")
        }
        let noPosition = HandMade.edited(files, "estate.geojson") { $0.replacingOccurrences(of: "\"area_id\":\"Sb\"", with: "\"area_id\":\"Sz\"") }
        XCTAssertThrowsError(try HandMade.record("A", noPosition)) { error in
            XCTAssertEqual("\(error)", "A/estate.geojson: column 'features': expected a Point feature for area 'Sb' (listed in A/areas.csv)")
        }
    }

    func testAnInfeasiblePlanHasNoDecisionsToCompare() throws {
        let infeasible = """
            {"scenario": {"file": "x.yaml", "dataset": "d", "coverage_minutes": 20}, "status": "infeasible",
             "objective_name": "max_coverage", "objective": null, "bound": null, "gap": null, "seconds": 0.1, "totals": null}
            """
        XCTAssertThrowsError(try HandMade.record("X", ["summary.json": Array(infeasible.utf8)])) { error in
            XCTAssertEqual(error as? ComparisonError, .noPlan(option: "X", status: .infeasible))
        }
    }

    func testConsoleTableShowsHeadlineTotalsPerOption() throws {
        let text = try threeOptions().consoleText()
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "Estate comparison: 3 options, 3 sites, 4 areas")
        XCTAssertEqual(lines.first { $0.contains("running cost of kept buildings") }?.split(separator: " ").suffix(3), ["£400", "£500", "£600"])
        XCTAssertEqual(lines.first { $0.contains("saving on buildings") }?.split(separator: " ").suffix(3), ["£200", "£100", "£0"])
        XCTAssertEqual(lines.first { $0.contains("sites closed / opened vs A") }?.split(separator: " ").suffix(7),
                       ["-", "1", "/", "1", "0", "/", "1"])
    }

    func testConsoleShowsAGapOnlyWhereTheSolveStoppedShortOfProof() throws {
        let a = try HandMade.record("A", HandMade.files(HandMade.optionA))
        let b = try HandMade.record("B", HandMade.edited(HandMade.files(HandMade.optionB), "summary.json") {
            $0.replacingOccurrences(of: "\"status\": \"optimal\"", with: "\"status\": \"feasible\"")
                .replacingOccurrences(of: "\"gap\": 0,", with: "\"gap\": 0.0125,")
        })
        let status = try Comparison([a, b]).consoleText().split(separator: "\n").first { $0.contains("status") }
        XCTAssertEqual(status.map { $0.split(separator: " ").map(String.init) }, ["status", "optimal", "feasible,", "gap", "1.25%"])
    }
}
