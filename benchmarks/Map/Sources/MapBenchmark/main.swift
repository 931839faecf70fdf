import EstateMap
import Foundation
import SyntheticMapData

// Page sizes and browser render times of the estate map, measured in one run:
//  - build: seconds to produce the SVG and the HTML together (EstateMap.files, best of 3);
//  - chromium: wall-clock seconds for headless Chromium to start, load the page, run its script
//    and print the DOM (--dump-dom), median of 7; each load is paired with a load of an empty
//    page just before it, and "render" is the median of (page - empty page): the time the map
//    itself costs the browser, with start-up and machine load cancelled out;
//  - in-page: performance.now() when the page's script has finished after forcing layout
//    (data-render-ms), from navigation start.
// Targets (issue 5): Kent size (900 areas, 100 sites) under 1 MB of HTML; 35,000 areas under
// 10 MB and rendered in under 3 s. The 35,000-area page is also built without aggregation to
// show what aggregation saves. Issue 12: the England-scale map with area outlines (polygons)
// under 10 MB, merged by cell (the default) and one outline per area.

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func chromium() -> String? {
    let env = ProcessInfo.processInfo.environment
    if let explicit = env["CHROMIUM"] { return explicit }
    for dir in (env["PATH"] ?? "/usr/bin").split(separator: ":") {
        for name in ["chromium", "chromium-browser", "google-chrome"] where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
            return "\(dir)/\(name)"
        }
    }
    return nil
}

/// Loads `page` in headless Chromium, returns (wall seconds, the DOM it printed).
func load(_ browser: String, _ page: URL, profile: URL) throws -> (Double, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: browser)
    process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                         "--user-data-dir=" + profile.path, "--window-size=1280,1000", "--dump-dom", page.absoluteString]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    var dom = Data()
    let wall = try seconds {
        try process.run()
        dom = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
    }
    return (wall, String(decoding: dom, as: UTF8.self))
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}

func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }

// Arguments: the output folder (empty or absent: a temporary one), then an optional case filter.
let outDir = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first.flatMap { $0.isEmpty ? nil : $0 } ?? FileManager.default.temporaryDirectory
    .appendingPathComponent("estate-map-benchmark").path)
try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true)
let profile = outDir.appendingPathComponent("chromium-profile")
let browser = chromium()
if browser == nil { print("no chromium found: sizes only (install it with: apt-get install -y chromium)") }

let empty = outDir.appendingPathComponent("empty.html")
try "<!DOCTYPE html><html><body></body></html>".write(to: empty, atomically: true, encoding: .utf8)
if let browser { _ = try load(browser, empty, profile: profile) } // warm the profile and the disk cache

// England with outlines: 175 x 200 cells of about 96 points each (3.4 million points, the size of
// ONS's full-resolution LSOA boundaries); the map simplifies them within its point budget.
// An optional second argument keeps only the cases whose name contains it (e.g. `england`).
let only = CommandLine.arguments.dropFirst(2).first
let england = Synthetic.outlined(columns: 175, rows: 200, sites: 3_000, seed: 2026)
let allCases: [(name: String, areas: Int, sites: Int, options: EstateMap.Options)] = [
    ("kent-900", 900, 100, .init()),
    ("areas-35000", 35_000, 1_000, .init()),
    ("areas-35000-unaggregated", 35_000, 1_000, .init(aggregateAbove: .max)),
    ("england-outlines", 35_000, 3_000, .init()),
    ("england-outlines-per-area", 35_000, 3_000, .init(aggregateAbove: .max)),
]
let cases = allCases.filter { only == nil || $0.name.contains(only!) }
print("case                       areas  sites  svg MB  html MB  build s  chromium s  render s  in-page ms")
for c in cases {
    let data = c.name.hasPrefix("england") ? england : SyntheticEstate.make(areas: c.areas, sites: c.sites, seed: 2026)
    var svg = "", html = ""
    let build = try (0..<3).map { _ in try seconds { (svg, html) = try EstateMap.files(data, options: c.options) } }.min()!
    let page = outDir.appendingPathComponent(c.name + ".html")
    try html.write(to: page, atomically: true, encoding: .utf8)
    try svg.write(to: outDir.appendingPathComponent(c.name + ".svg"), atomically: true, encoding: .utf8)
    var wall = Double.nan, render = Double.nan, inPage = "-"
    if let browser {
        // Empty page and map page alternate, so both see the same machine load; "render" is the
        // median of the paired differences.
        var walls: [Double] = [], differences: [Double] = [], doms: [String] = []
        for _ in 0..<7 {
            let base = try load(browser, empty, profile: profile).0
            let (w, dom) = try load(browser, page, profile: profile)
            walls.append(w); differences.append(w - base); doms.append(dom)
        }
        wall = median(walls)
        render = median(differences)
        let ms = doms.compactMap { $0.components(separatedBy: "data-render-ms=\"").dropFirst().first?.prefix { $0.isNumber } }.compactMap { Double($0) }
        if !ms.isEmpty { inPage = String(format: "%.0f", median(ms)) }
        if !doms.allSatisfy({ $0.contains("data-ready=\"1\"") }) { print("warning: \(c.name): the page script did not finish") }
    }
    print(c.name.padding(toLength: 25, withPad: " ", startingAt: 0)
          + String(format: " %6d %6d %7.2f %8.2f %8.2f %11.2f %9.2f", c.areas, c.sites, Double(svg.utf8.count) / 1e6,
                   Double(html.utf8.count) / 1e6, build, wall, render)
          + inPage.leftPadded(11))
}
print("pages written to \(outDir.path)")
