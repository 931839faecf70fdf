import Estate
@testable import EstateIO
import EstateSynth
import XCTest

final class TravelReaderTests: XCTestCase {
    func testWrittenTravelReadsBackToTheSamePairs() throws {
        let dataset = SyntheticGenerator.generate(areas: 400, sites: 40, seed: 3)
        let estimated = TravelTimes.estimated(for: dataset, model: TravelModel(), horizonMinutes: 30)
        let bytes = DatasetWriter.travel(estimated, dataset: dataset)
        let read = try bytes.withUnsafeBufferPointer { buffer in
            try TravelReader.parse(buffer, file: "travel.csv", areaIDs: dataset.areas.map(\.id), siteIDs: dataset.sites.map(\.id))
        }
        XCTAssertEqual(read.areaOffsets, estimated.areaOffsets)
        XCTAssertEqual(read.areaSites, estimated.areaSites)
        for (value, original) in zip(read.areaMinutes, estimated.areaMinutes) {
            XCTAssertEqual(value, (original * 100).rounded() / 100, accuracy: 1e-9)
        }
        XCTAssertEqual(read.invariantViolations(), [])
    }

    func testColumnsInAnyOrderWithQuotesAndCRLF() throws {
        let text = "minutes,site_id,area_id,note\r\n12.5,\"S1\",A1,x\r\n\"1,000\",S2,A1,\r\n3,S1,A2,y\r\n\r\n"
        let travel = try Array(text.utf8).withUnsafeBufferPointer { buffer in
            try TravelReader.parse(buffer, file: "travel.csv", areaIDs: ["A1", "A2"], siteIDs: ["S1", "S2"])
        }
        XCTAssertEqual(travel.minutes(area: 0, site: 0), 12.5)
        XCTAssertEqual(travel.minutes(area: 0, site: 1), 1000)
        XCTAssertEqual(travel.minutes(area: 1, site: 0), 3)
        XCTAssertNil(travel.minutes(area: 1, site: 1))
    }

    func testNumberParsingFastPathMatchesTheStandardLibrary() {
        for text in ["0", "12", "12.5", "0.1", "0.30000000000000004", "123456.789", "-7.25", "1e3", "2.5E-3", "007.50"] {
            XCTAssertEqual(NumberParsing.parse(text), Double(text), text)
        }
        for text in ["", "-", ".", "NaN", "inf", "1.2.3", "12abc", "1,23", "0x10"] {
            XCTAssertNil(NumberParsing.parse(text), text)
        }
        XCTAssertEqual(NumberParsing.parse("1,234,567.5"), 1_234_567.5)
    }
}

/// The parallel reader (pieces split at line feeds, parsed on both cores, then joined) and the
/// horizon: each checked against the one-piece reading of the same bytes.
final class ParallelTravelReaderTests: XCTestCase {
    let dataset = SyntheticGenerator.generate(areas: 300, sites: 30, seed: 7)
    var areaIDs: [String] { dataset.areas.map(\.id) }
    var siteIDs: [String] { dataset.sites.map(\.id) }

    func travelBytes(_ edit: (inout [String]) -> Void = { _ in }) -> [UInt8] {
        let estimated = TravelTimes.estimated(for: dataset, model: TravelModel(), horizonMinutes: 60)
        var lines = String(decoding: DatasetWriter.travel(estimated, dataset: dataset), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        edit(&lines)
        return Array(lines.joined(separator: "\n").utf8)
    }

    func read(_ bytes: [UInt8], pieceBytes: Int, horizon: Double? = nil) -> Result<TravelTimes, InputErrors> {
        bytes.withUnsafeBufferPointer { buffer in
            do throws(InputErrors) {
                return .success(try TravelReader.parse(buffer, file: "travel.csv", areaIDs: areaIDs, siteIDs: siteIDs,
                                                       horizonMinutes: horizon, pieceBytes: pieceBytes))
            } catch { return .failure(error) }
        }
    }

    func testPiecesGiveTheSamePairsAsOneReading() throws {
        let bytes = travelBytes()
        let whole = try read(bytes, pieceBytes: Int.max).get()
        XCTAssertGreaterThan(whole.pairCount, 1500)
        for pieceBytes in [40, 1000, 7777] {
            let pieces = try read(bytes, pieceBytes: pieceBytes).get()
            XCTAssertEqual(pieces, whole, "pieces of \(pieceBytes) bytes")
        }
    }

    func testAQuoteInAnyPieceReadsTheFileAsOnePiece() throws {
        // A quoted cell could hold a line break, so pieces cut at line feeds cannot be trusted.
        let bytes = travelBytes { lines in
            let cells = lines[lines.count / 2].split(separator: ",")
            lines[lines.count / 2] = "\"\(cells[0])\",\(cells[1]),\"\(cells[2])\""
            lines = lines.map { $0.isEmpty ? $0 : $0 + "," }
            lines[0] += "note"
            lines[lines.count - 2] += "\"a\nnote\""
        }
        let whole = try read(bytes, pieceBytes: Int.max).get()
        XCTAssertEqual(try read(bytes, pieceBytes: 50).get(), whole)
    }

    func testErrorsNameTheSameLinesInPieces() throws {
        // A bad area, a bad site, bad minutes and a short row, far apart, plus a blank line.
        var count = 0
        let bytes = travelBytes { lines in
            count = lines.count
            let n = lines.count
            lines[5] = "NOPE," + lines[5].split(separator: ",").dropFirst().joined(separator: ",")
            lines.insert("", at: n / 5)
            lines[n * 2 / 5] = lines[n * 2 / 5].split(separator: ",").dropLast().joined(separator: ",") + ",-3"
            lines[n * 3 / 5] = lines[n * 3 / 5].split(separator: ",")[0] + ",S_NONE,5"
            lines[n * 4 / 5] = "A_ONLY"
        }
        XCTAssertGreaterThan(count, 1500)
        guard case .failure(let whole) = read(bytes, pieceBytes: Int.max) else { return XCTFail("expected errors") }
        XCTAssertEqual(whole.errors.map(\.line), [6, count * 2 / 5 + 1, count * 3 / 5 + 1, count * 4 / 5 + 1])
        for pieceBytes in [40, 999] {
            guard case .failure(let pieces) = read(bytes, pieceBytes: pieceBytes) else { return XCTFail("expected errors") }
            XCTAssertEqual(pieces.errors, whole.errors, "pieces of \(pieceBytes) bytes")
        }
    }

    func testADuplicatePairNamesBothLinesInPieces() throws {
        var count = 0
        let bytes = travelBytes { lines in
            count = lines.count
            lines.insert(lines[count / 3], at: count * 2 / 3)
        }
        for pieceBytes in [Int.max, 64] {
            guard case .failure(let errors) = read(bytes, pieceBytes: pieceBytes) else { return XCTFail("expected an error") }
            XCTAssertEqual(errors.errors.map(\.line), [count * 2 / 3 + 1])
            XCTAssertTrue(errors.errors[0].expected.contains("also on line \(count / 3 + 1)"), errors.errors[0].expected)
        }
    }

    func testTheHorizonKeepsWhatRestrictingKeepsAndStillChecksEveryRow() throws {
        let bytes = travelBytes()
        let whole = try read(bytes, pieceBytes: Int.max).get()
        for pieceBytes in [Int.max, 100] {
            let near = try read(bytes, pieceBytes: pieceBytes, horizon: 15).get()
            XCTAssertEqual(near, whole.restricted(toMinutes: 15))
            XCTAssertEqual(near.horizonMinutes, 15)
            XCTAssertLessThan(near.pairCount, whole.pairCount)
        }
        // A bad site on a row beyond the horizon is still an error.
        let far = whole.entries(ofArea: 0).first { whole.areaMinutes[$0] > 15 }!
        let bad = travelBytes { lines in
            let index = lines.firstIndex { $0.hasPrefix("\(self.areaIDs[0]),\(self.siteIDs[Int(whole.areaSites[far])]),") }!
            lines[index] = "\(self.areaIDs[0]),S_NONE,\(whole.areaMinutes[far])"
        }
        guard case .failure(let errors) = read(bad, pieceBytes: 100, horizon: 15) else { return XCTFail("expected an error") }
        XCTAssertEqual(errors.errors.map(\.column), ["site_id"])
    }

    func testAFileReadFromDiskInPiecesMatchesTheBytes() throws {
        let bytes = travelBytes()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("estate-travel-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let read = try TravelReader.read(url: url, areaIDs: areaIDs, siteIDs: siteIDs, horizonMinutes: 20)
        XCTAssertEqual(read, try self.read(bytes, pieceBytes: Int.max).get().restricted(toMinutes: 20))
    }
}

/// The binary travel cache: a hit equals reading the file, and any change to the file, the
/// horizon or the ids misses; a damaged entry is never trusted.
final class TravelCacheTests: XCTestCase {
    func testCachedTravelEqualsTheFileAndNeverGoesStale() throws {
        let dataset = SyntheticGenerator.generate(areas: 200, sites: 20, seed: 9)
        let areaIDs = dataset.areas.map(\.id), siteIDs = dataset.sites.map(\.id)
        let estimated = TravelTimes.estimated(for: dataset, model: TravelModel(), horizonMinutes: 60)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("estate-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("travel.csv")
        try Data(DatasetWriter.travel(estimated, dataset: dataset)).write(to: url)
        let cache = TravelCache(folder: folder.appendingPathComponent("cache"))
        func entries() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: cache.folder.path)) ?? []).filter { $0.hasSuffix(".bin") }
        }

        let direct = try TravelReader.read(url: url, areaIDs: areaIDs, siteIDs: siteIDs)
        XCTAssertEqual(try TravelReader.read(url: url, areaIDs: areaIDs, siteIDs: siteIDs, cache: cache), direct)
        XCTAssertEqual(entries().count, 1)
        XCTAssertEqual(try TravelReader.read(url: url, areaIDs: areaIDs, siteIDs: siteIDs, cache: cache), direct)
        XCTAssertEqual(entries().count, 1, "a hit writes nothing new")

        // Another horizon is another entry, equal to restricting the pairs.
        XCTAssertEqual(try TravelReader.read(url: url, areaIDs: areaIDs, siteIDs: siteIDs, horizonMinutes: 20, cache: cache),
                       direct.restricted(toMinutes: 20))
        XCTAssertEqual(entries().count, 2)

        // The same number of bytes, one minute changed: the new value is read, not the cached one.
        var text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        let line = text.split(separator: "\n")[1]
        let changed = line.dropLast(5) + "99.99"
        text = text.replacingOccurrences(of: String(line), with: String(changed))
        try Data(text.utf8).write(to: url)
        let fresh = try TravelReader.read(url: url, areaIDs: areaIDs, siteIDs: siteIDs, cache: cache)
        XCTAssertEqual(fresh.minutes(area: 0, site: Int(fresh.areaSites[0])), 99.99)
        XCTAssertEqual(fresh, try TravelReader.read(url: url, areaIDs: areaIDs, siteIDs: siteIDs))

        // Other site ids (the cached pairs are indices into them) miss.
        var renamed = siteIDs
        renamed.swapAt(0, 1)
        XCTAssertEqual(try TravelReader.read(url: url, areaIDs: areaIDs, siteIDs: renamed, cache: cache),
                       try TravelReader.read(url: url, areaIDs: areaIDs, siteIDs: renamed))

        // A damaged entry is ignored and replaced.
        for name in entries() {
            let entry = cache.folder.appendingPathComponent(name)
            var bytes = [UInt8](try Data(contentsOf: entry))
            bytes.removeLast(3)
            try Data(bytes).write(to: entry)
        }
        XCTAssertEqual(try TravelReader.read(url: url, areaIDs: areaIDs, siteIDs: siteIDs, cache: cache), fresh)
        XCTAssertEqual(try TravelReader.read(url: url, areaIDs: areaIDs, siteIDs: siteIDs, cache: cache), fresh)
    }
}
