// Measures issue 3's targets in one run each, printing ratios against a baseline measured in
// the same run: Kent load + validate + score (target < 50 ms), England-scale coverage
// structure (33,755 areas x 3,000 sites within 30 minutes; target < 1 s; baseline: every pair),
// a 10-million-row travel.csv (target < 3 s; baseline: yaslab/CSV.swift), and peak memory.
import CSV
import Estate
import EstateIO
import EstateSynth
import Foundation

/// CPU seconds (user + system) this process has used so far.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// CPU seconds of the last `seconds` call: on a shared machine wall time includes waiting
/// for a core, so both are printed.
nonisolated(unsafe) var lastCPU = 0.0

/// Wall-clock seconds of `body` (its CPU seconds go to `lastCPU`).
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let cpu = cpuSeconds()
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    lastCPU = cpuSeconds() - cpu
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}
func cpu() -> String { String(format: "CPU %.0f ms", lastCPU * 1000) }

/// Peak resident memory of this process so far, MiB (VmHWM from /proc/self/status).
func peakMiB() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kb = Double(line.split(separator: " ", omittingEmptySubsequences: true)[1]) else { return .nan }
    return kb / 1024
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
func ms(_ value: Double) -> String { String(format: "%.1f ms", value * 1000) }

func benchKent() throws {
    guard let url = InputLoader.defaultScenarioURL() else {
        print("kent: datasets/kent/scenario.yaml not found (run from the repository root)")
        return
    }
    var times: [Double] = []
    var report: NeedReport?
    let cpuStart = cpuSeconds()
    for _ in 0..<30 {
        times.append(try seconds {
            let inputs = try InputLoader.load(path: url.path)
            report = try inputs.scenario.needReport(for: inputs.dataset)
        })
    }
    let cpuMean = (cpuSeconds() - cpuStart) / 30
    let median = median(times)
    print("kent: load + validate + score (\(report!.scores.weight.count) areas, \(report!.sites.count) sites): "
          + "median \(ms(median)), best \(ms(times.min()!)) over 30 runs, mean CPU \(ms(cpuMean)); target 50 ms (ratio \(String(format: "%.2f", median / 0.05)))")
    print("kent: peak memory \(String(format: "%.0f", peakMiB())) MiB")
}

func benchEngland() {
    var dataset: Dataset!
    let generate = seconds { dataset = SyntheticGenerator.generate(areas: SyntheticGenerator.englandAreas, sites: SyntheticGenerator.englandSites, seed: 1) }
    print("england: generated \(dataset.areas.count) areas x \(dataset.sites.count) sites in \(ms(generate))")
    let model = TravelModel(speedKmh: 30, circuity: 1.3)
    var travel: TravelTimes!
    var times: [Double] = []
    var cpuTimes: [Double] = []
    for _ in 0..<5 {
        times.append(seconds { travel = TravelTimes.estimated(for: dataset, model: model, horizonMinutes: 30) })
        cpuTimes.append(lastCPU)
    }
    // Baseline: every area-site pair's haversine distance, no index.
    var pairs = 0
    let areaLatitudes = dataset.areas.map(\.latitude), areaLongitudes = dataset.areas.map(\.longitude)
    let siteLatitudes = dataset.sites.map(\.latitude), siteLongitudes = dataset.sites.map(\.longitude)
    let brute = seconds {
        for area in 0..<areaLatitudes.count {
            for site in 0..<siteLatitudes.count {
                let km = Geodesy.distanceKm(latitude1: areaLatitudes[area], longitude1: areaLongitudes[area],
                                            latitude2: siteLatitudes[site], longitude2: siteLongitudes[site])
                if model.minutes(forKm: km) <= 30 { pairs += 1 }
            }
        }
    }
    precondition(pairs == travel.pairCount, "grid and brute force disagree")
    let cpuMedian = median(cpuTimes)
    let median = median(times)
    print("england: coverage structure within 30 min (\(travel.pairCount) pairs, both CSR views): median \(ms(median)) (CPU \(ms(cpuMedian))) over 5 runs; "
          + "all-pairs baseline \(ms(brute)) (grid is \(String(format: "%.0f", brute / median))x faster); target 1 s")
    print("england: peak memory \(String(format: "%.0f", peakMiB())) MiB")
}

/// Writes a travel.csv of exactly `rows` rows for `areaCount` areas and `siteCount` sites.
func writeTravel(to url: URL, rows: Int, areaIDs: [String], siteIDs: [String]) throws {
    var random = SeededRandom(seed: 5)
    let areaCount = areaIDs.count, siteCount = siteIDs.count
    let base = rows / areaCount, extra = rows - base * areaCount
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    let handle = try FileHandle(forWritingTo: url)
    var buffer = Array("area_id,site_id,minutes\n".utf8)
    for area in 0..<areaCount {
        let count = base + (area < extra ? 1 : 0)
        let start = (area * 37) % siteCount
        let step = siteCount / count
        let sites = (0..<count).map { (start + $0 * step) % siteCount }.sorted()
        for site in sites {
            buffer.append(contentsOf: areaIDs[area].utf8)
            buffer.append(44)
            buffer.append(contentsOf: siteIDs[site].utf8)
            buffer.append(44)
            buffer.append(contentsOf: CSVWriter.format((random.uniform() * 12000).rounded() / 100, decimals: 2).utf8)
            buffer.append(10)
        }
        if buffer.count > 1 << 22 {
            try handle.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }
    try handle.write(contentsOf: buffer)
    try handle.close()
}

func benchTravel(library: Bool) throws {
    let dataset = SyntheticGenerator.generate(areas: SyntheticGenerator.englandAreas, sites: SyntheticGenerator.englandSites, seed: 1)
    let areaIDs = dataset.areas.map(\.id), siteIDs = dataset.sites.map(\.id)
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("estate-bench-travel-\(ProcessInfo.processInfo.processIdentifier).csv")
    defer { try? FileManager.default.removeItem(at: url) }
    let rows = Int(ProcessInfo.processInfo.environment["ROWS"] ?? "") ?? 10_000_000
    let write = try seconds { try writeTravel(to: url, rows: rows, areaIDs: areaIDs, siteIDs: siteIDs) }
    let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
    print("travel: wrote \(rows) rows (\(size / 1_000_000) MB) in \(ms(write))")
    let before = peakMiB()
    var travel: TravelTimes!
    let hand = try seconds { travel = try TravelReader.read(url: url, areaIDs: areaIDs, siteIDs: siteIDs) }
    precondition(travel.pairCount == rows)
    print("travel: hand-written reader: \(ms(hand)) (\(cpu())) into TravelTimes (\(travel.pairCount) pairs, both views); target 3 s; "
          + "peak memory \(String(format: "%.0f", peakMiB())) MiB (\(String(format: "%.0f", before)) MiB before reading)")
    // How much of that is building the two sparse views from the parsed columns.
    var pairAreas = [Int32](repeating: 0, count: travel.pairCount)
    for area in 0..<travel.areaCount { for position in travel.entries(ofArea: area) { pairAreas[position] = Int32(area) } }
    let build = try seconds { _ = try TravelTimes(areaCount: travel.areaCount, siteCount: travel.siteCount, pairAreas: pairAreas,
                                                  pairSites: travel.areaSites, pairMinutes: travel.areaMinutes) }
    print("travel: of which building both CSR views from parsed columns: \(ms(build)) (\(cpu()))")
    guard library else { return }
    travel = nil
    // The same job with yaslab/CSV.swift: a String per field, then dictionary lookups and Double(_:).
    var areaIndex: [String: Int32] = [:], siteIndex: [String: Int32] = [:]
    for (index, id) in areaIDs.enumerated() { areaIndex[id] = Int32(index) }
    for (index, id) in siteIDs.enumerated() { siteIndex[id] = Int32(index) }
    var libraryTravel: TravelTimes!
    let csvSwift = try seconds {
        let reader = try CSVReader(stream: InputStream(url: url)!, hasHeaderRow: true)
        let header = reader.headerRow!
        let a = header.firstIndex(of: "area_id")!, s = header.firstIndex(of: "site_id")!, m = header.firstIndex(of: "minutes")!
        var pairAreas: [Int32] = [], pairSites: [Int32] = [], pairMinutes: [Double] = []
        pairAreas.reserveCapacity(rows); pairSites.reserveCapacity(rows); pairMinutes.reserveCapacity(rows)
        while let row = reader.next() {
            pairAreas.append(areaIndex[row[a]]!)
            pairSites.append(siteIndex[row[s]]!)
            pairMinutes.append(Double(row[m])!)
        }
        libraryTravel = try TravelTimes(areaCount: areaIDs.count, siteCount: siteIDs.count, pairAreas: pairAreas,
                                        pairSites: pairSites, pairMinutes: pairMinutes)
    }
    precondition(libraryTravel.pairCount == rows)
    print("travel: yaslab/CSV.swift 2.5.2: \(ms(csvSwift)) (\(cpu())) for the same result (hand-written is \(String(format: "%.1f", csvSwift / hand))x faster)")
}

let phase = CommandLine.arguments.dropFirst().first ?? "all"
switch phase {
case "kent": try benchKent()
case "kent-stages": try benchKentStages()
case "england": benchEngland()
case "travel": try benchTravel(library: true)
case "travel-hand": try benchTravel(library: false)
case "boundaries": try benchBoundaries()
default:
    try benchKent()
    benchEngland()
    try benchTravel(library: true)
}

/// Where the Kent time goes (for tuning): each stage timed separately, best of 10.
func benchKentStages() throws {
    let url = InputLoader.defaultScenarioURL()!
    let folder = url.deletingLastPathComponent()
    var best: [String: Double] = [:]
    func stage(_ name: String, _ body: () throws -> Void) rethrows {
        let time = try seconds(body)
        best[name] = min(best[name] ?? .infinity, time)
    }
    for _ in 0..<10 {
        var scenario: Scenario!
        var dataset: Dataset!
        try stage("scenario") { scenario = try ScenarioReader.read(url: url) }
        try stage("dataset") { dataset = try DatasetReader.read(folder: folder, indicators: scenario.needs!.indicators.map(\.column)) }
        var scores: NeedScores!
        try stage("scores") { scores = try NeedScores(dataset: dataset, needs: scenario.needs) }
        var travel: TravelTimes!
        stage("travel") { travel = scenario.travelTimes(for: dataset) }
        stage("report") { _ = NeedReport(dataset: dataset, scores: scores, travel: travel, coverageMinutes: 20) }
    }
    for (name, time) in best.sorted(by: { $0.key < $1.key }) { print("kent stage \(name): \(ms(time))") }
}
