import Foundation
import LocationModels
import Seeding

/// Where the shared reference instances live: `$ESTATE_SHARED_BENCHMARKS`, else
/// `../shared/benchmarks` beside the repository (found from this source file's path).
public enum SharedBenchmarks {
    public static var directory: URL? {
        if let path = ProcessInfo.processInfo.environment["ESTATE_SHARED_BENCHMARKS"] {
            return URL(fileURLWithPath: path)
        }
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let candidate = repository.deletingLastPathComponent().appendingPathComponent("shared/benchmarks")
        return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
    }

    /// The OR-Library pmed instances present, in numeric order, with their known optima.
    public static func pmedInstances() throws -> [(name: String, file: URL, optimum: Double)] {
        guard let directory else { return [] }
        let folder = directory.appendingPathComponent("orlib-pmed")
        let table = try String(contentsOf: folder.appendingPathComponent("optima.csv"), encoding: .utf8)
        var optima: [String: Double] = [:]
        for line in table.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",")
            if fields.count == 4, let value = Double(fields[3]) { optima[String(fields[0])] = value }
        }
        return optima.keys.sorted { Int($0.dropFirst(4))! < Int($1.dropFirst(4))! }.compactMap { name in
            let file = folder.appendingPathComponent("\(name).txt")
            guard FileManager.default.fileExists(atPath: file.path), let optimum = optima[name] else { return nil }
            return (name, file, optimum)
        }
    }

    public static func loadPMed(_ file: URL) throws -> ORLibraryPMedian {
        try ORLibraryPMedian(text: String(contentsOf: file, encoding: .utf8), source: file.lastPathComponent)
    }
}

/// A generated planar instance: clients and sites uniform in a 1000 x 1000 square,
/// integer weights 1...100, distances rounded to 1 decimal; written to a file both our
/// benchmark and the Python oracle read.
public struct PlanarInstance {
    public var clients: [(x: Double, y: Double, weight: Double)]
    public var sites: [(x: Double, y: Double)]

    public init(clients clientCount: Int, sites siteCount: Int, seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        clients = (0 ..< clientCount).map { _ in
            (Double(Int.random(in: 0 ... 10000, using: &rng)) / 10, Double(Int.random(in: 0 ... 10000, using: &rng)) / 10,
             Double(Int.random(in: 1 ... 100, using: &rng)))
        }
        sites = (0 ..< siteCount).map { _ in
            (Double(Int.random(in: 0 ... 10000, using: &rng)) / 10, Double(Int.random(in: 0 ... 10000, using: &rng)) / 10)
        }
    }

    /// Euclidean distance rounded to 0.1 (so both readers get identical numbers).
    public func distance(_ i: Int, _ j: Int) -> Double {
        let dx = clients[i].x - sites[j].x, dy = clients[i].y - sites[j].y
        return ((dx * dx + dy * dy).squareRoot() * 10).rounded() / 10
    }

    public var costs: ServiceCosts {
        get throws {
            var dense: [Double] = []
            dense.reserveCapacity(clients.count * sites.count)
            for i in clients.indices { for j in sites.indices { dense.append(distance(i, j)) } }
            return try ServiceCosts(clientCount: clients.count, siteCount: sites.count, costs: dense)
        }
    }

    public var weights: [Double] { clients.map(\.weight) }

    /// `kind,x,y,weight` lines (`client` or `site`); the oracle computes the same rounded distances.
    public var csv: String {
        var text = "kind,x,y,weight\n"
        for c in clients { text += "client,\(c.x),\(c.y),\(Int(c.weight))\n" }
        for s in sites { text += "site,\(s.x),\(s.y),0\n" }
        return text
    }
}

/// Fixed-width table printing.
public func row(_ cells: [String], widths: [Int]) -> String {
    zip(cells, widths).map { cell, width in
        cell.count >= abs(width) ? cell : width < 0 ? cell + String(repeating: " ", count: -width - cell.count)
            : String(repeating: " ", count: width - cell.count) + cell
    }.joined(separator: " ")
}

public func format(_ value: Double?, _ decimals: Int = 0) -> String {
    guard let value else { return "-" }
    return String(format: "%.\(decimals)f", value)
}
