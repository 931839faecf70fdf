import BoundedYAML
import Estate
@testable import EstateIO
import Foundation
import XCTest

/// Hostile or absurd input fails fast, with a short message naming the file and position, and
/// never reaches a sum that overflows.
final class HostileInputTests: XCTestCase {
    /// Nine levels of nine aliases each: 9^9 (387 million) values from under a kilobyte.
    static func aliasBomb(under key: String) -> String {
        var lines = ["dataset: .", "\(key):", "  a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1 ... 9 {
            lines.append("  a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func testAliasBombFailsFastWithItsPosition() throws {
        let started = Date()
        XCTAssertThrowsError(try ScenarioReader.parse(text: Self.aliasBomb(under: "unknown"), file: "bomb.yaml")) { error in
            let message = "\(error)"
            XCTAssertTrue(message.hasPrefix("bomb.yaml:8:"), message)
            XCTAssertTrue(message.contains("expands to more than"), message)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "refused before expansion, not after")
    }

    func testNestingKeysAndSizeAreLimited() {
        let deep = "x: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        XCTAssertThrowsError(try BoundedYAML.check(deep)) { XCTAssertTrue("\($0)".contains("nested more than 64"), "\($0)") }
        var limits = BoundedYAML.Limits()
        limits.keys = 10
        let keys = (0 ..< 11).map { "k\($0): 1" }.joined(separator: "\n")
        XCTAssertThrowsError(try BoundedYAML.check(keys, limits: limits)) { XCTAssertTrue("\($0)".contains("more than 10 keys"), "\($0)") }
        limits = BoundedYAML.Limits()
        limits.bytes = 100
        XCTAssertThrowsError(try BoundedYAML.check(String(repeating: "#", count: 101), limits: limits))
        XCTAssertNoThrow(try BoundedYAML.check(Self.aliasBomb(under: "x").replacingOccurrences(of: "a9:", with: "#")
            .components(separatedBy: "\n").prefix(6).joined(separator: "\n")), "a few aliases are fine")
    }

    func testLongValuesAreQuotedAsAnExcerpt() throws {
        let long = String(repeating: "z", count: 1_000_000)
        XCTAssertThrowsError(try Scenario(document: ScenarioReader.parse(text: "dataset: .\nobjective: \(long)\n", file: "s.yaml"),
                                          file: "s.yaml")) { error in
            XCTAssertLessThan("\(error)".count, 1_000, "the message quotes an excerpt, not the value")
            XCTAssertTrue("\(error)".contains("(1000000 characters)"), "\(error)")
        }
    }

    func testAOneLineTenMegabyteFileGivesAShortMessage() throws {
        let header = (0 ..< 5_000).map { "c\($0)" + String(repeating: "x", count: 2_000) }.joined(separator: ",")
        let folder = try TestFolder.valid(["areas.csv": header + "\n"])
        XCTAssertThrowsError(try DatasetReader.read(folder: folder.url)) { error in
            XCTAssertLessThan("\(error)".count, 2_000, "\("\(error)".prefix(300))")
            XCTAssertTrue("\(error)".contains("areas.csv:1:1: expected a line of at most 1024 KB"), "\("\(error)".prefix(300))")
        }
    }

    func testAbsurdNumbersAreRefusedWithFileRowColumnAndRange() throws {
        let areas = TestFolder.areas.replacingOccurrences(of: "A1,East,51.0,0.0,100,", with: "A1,East,51.0,0.0,1e308,")
        var folder = try TestFolder.valid(["areas.csv": areas])
        XCTAssertThrowsError(try DatasetReader.read(folder: folder.url)) { error in
            XCTAssertTrue("\(error)".contains("areas.csv:2:5: column 'children': value '1e308': expected a number of children between 0 and 10,000,000"),
                          "\(error)")
        }
        folder = try TestFolder.valid(["travel.csv": "area_id,site_id,minutes\nA1,S1,1e308\n"])
        XCTAssertThrowsError(try DatasetReader.read(folder: folder.url)) { error in
            XCTAssertTrue("\(error)".contains("travel.csv:2:3: column 'minutes': value '1e308': expected travel minutes between 0 and 1,440"),
                          "\(error)")
        }
        XCTAssertThrowsError(try Scenario(document: ScenarioReader.parse(text: "dataset: .\ncoverage_minutes: 1e9\n", file: "s.yaml"),
                                          file: "s.yaml")) { error in
            XCTAssertTrue("\(error)".contains("s.yaml:2:19: column 'coverage_minutes': value '1e9': expected minutes between 0 and 1,440"),
                          "\(error)")
        }
        // Zero minutes stays valid (only a site in the area itself counts).
        XCTAssertNoThrow(try Scenario(document: ScenarioReader.parse(text: "dataset: .\ncoverage_minutes: 0\n", file: "s.yaml"),
                                      file: "s.yaml"))
    }

    func testSystemErrorsInPlainWords() throws {
        let folder = try TestFolder([:])
        XCTAssertEqual(SystemErrorText.problemReading(folder.url.path), "is a folder, not a file")
        XCTAssertEqual(SystemErrorText.problemReading("/dev/null"), "is a device, not a file")
        XCTAssertEqual(SystemErrorText.problemReading(folder.url.appendingPathComponent("none").path), "does not exist")
        XCTAssertThrowsError(try ScenarioReader.read(url: URL(fileURLWithPath: "/dev/zero"))) {
            XCTAssertTrue("\($0)".contains("is a device, not a file"), "\($0)")
        }
        let sites = folder.url.appendingPathComponent("sites.csv")
        try FileManager.default.createDirectory(at: sites, withIntermediateDirectories: true)
        try folder.write("areas.csv", TestFolder.areas)
        XCTAssertThrowsError(try DatasetReader.read(folder: folder.url)) {
            XCTAssertTrue("\($0)".contains("is a folder, not a file"), "\($0)")
        }
    }
}
