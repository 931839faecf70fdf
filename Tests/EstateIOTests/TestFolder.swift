import Foundation
import XCTest

/// A temporary folder holding a small dataset written from strings; removed at deinit.
final class TestFolder {
    let url: URL

    init(_ files: [String: String]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("estate-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try write(name, text) }
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
    }

    func writeBytes(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: url.appendingPathComponent(name))
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// A valid dataset: 3 areas in 2 districts, 2 sites, usage.
    static let areas = """
        area_id,district,lat,lon,children,imd_score,fsm_pct
        A1,East,51.0,0.0,100,10.5,12
        A2,East,51.0,0.1,200,20.5,22
        A3,West,51.0,0.5,100,30.5,32

        """
    static let sites = """
        site_id,name,kind,district,lat,lon,annual_cost,carbon,capacity,status,services
        S1,One,childrens_centre,East,51.0,0.05,100000,10.5,5000,keep,early_years;parenting
        S2,Two,youth_hub,West,51.0,0.5,200000,20,,candidate,youth_work

        """
    static let usage = """
        site_id,area_id,service,visits
        S1,A1,early_years,300
        S2,A3,youth_work,50

        """

    static func valid(_ overrides: [String: String] = [:]) throws -> TestFolder {
        var files = ["areas.csv": areas, "sites.csv": sites, "usage.csv": usage]
        for (name, text) in overrides { files[name] = text }
        return try TestFolder(files)
    }
}

/// The package root (tests may read the committed datasets).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
