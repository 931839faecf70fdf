import Estate
import Foundation

/// Reads `travel.csv` (`area_id,site_id,minutes`, any column order, extra columns ignored) into
/// `TravelTimes`, straight from the file's bytes.
///
/// Why hand-written: measured on a 10,000,000-row travel.csv (190 MB; `benchmarks/Data`,
/// release build, 2 cores shared with other builds), reading into TravelTimes took
/// - this reader (byte scanner over the mapped file, ids looked up from bytes, Clinger
///   fast-path numbers, area-ordered files adopted without a sort): 1.2-1.8 s CPU (1.6 s wall
///   on a lightly loaded machine, 4.6 s at load average 9);
/// - yaslab/CSV.swift 2.5.2 (`CSVReader`, a String per field, then dictionary lookups and
///   `Double(_:)`): 16-21 s CPU (38-51 s wall) for the same result, 11-14x the CPU.
/// The library is kept out of the product; the benchmark measures both in one run.
public enum TravelReader {
    /// Reads a travel file for a dataset whose area and site ids are given in index order.
    /// `horizonMinutes`, when given, keeps only pairs within it (every row is still checked):
    /// a 15-minute plan needs a few percent of a national file's rows. With a `cache`, pairs read
    /// before from the same file (for the same ids and horizon) are loaded instead, and pairs read
    /// now are stored.
    public static func read(url: URL, file: String = "travel.csv", areaIDs: [String], siteIDs: [String],
                            horizonMinutes: Double? = nil, cache: TravelCache? = nil) throws(InputErrors) -> TravelTimes {
        let key = cache == nil ? nil : TravelCache.key(url: url, areaIDs: areaIDs, siteIDs: siteIDs, horizonMinutes: horizonMinutes)
        if let cache, let key, let cached = cache.load(key: key, areaCount: areaIDs.count, siteCount: siteIDs.count) {
            return cached
        }
        let travel = try read(url: url, file: file, areaIDs: areaIDs, siteIDs: siteIDs, horizonMinutes: horizonMinutes)
        if let cache, let key { cache.store(travel, key: key) }
        return travel
    }

    /// Reads the file itself (see `read(url:file:areaIDs:siteIDs:horizonMinutes:cache:)`).
    static func read(url: URL, file: String, areaIDs: [String], siteIDs: [String],
                     horizonMinutes: Double?) throws(InputErrors) -> TravelTimes {
        let mapped: MappedFile
        do {
            mapped = try MappedFile(url, limit: 1 << 36)
        } catch {
            throw InputErrors([InputError(file: file, expected: "a readable file at \(url.path) (it \(error.text))")])
        }
        // Parsed pieces are handed back to the kernel as they are done, and the map goes before
        // the sparse structure is built, to keep the peak to the pairs kept.
        let pairs = try withExtendedLifetime(mapped) { () throws(InputErrors) -> Pairs in
            try parsePairs(mapped.bytes, file: file, areaIDs: areaIDs, siteIDs: siteIDs, horizonMinutes: horizonMinutes,
                           release: mapped.release)
        }
        return try pairs.build(file: file, areaIDs: areaIDs, siteIDs: siteIDs, horizonMinutes: horizonMinutes) { () throws(InputErrors) in
            // Lines are not kept for every row (4 bytes each); a duplicate is rare, so the file is
            // read again, sequentially, for the lines of the two rows.
            let again: MappedFile
            do throws(SystemErrorText.Reason) { again = try MappedFile(url, limit: 1 << 36) } catch {
                throw InputErrors([InputError(file: file, expected: "a readable file at \(url.path) (it \(error.text))")])
            }
            return try withExtendedLifetime(again) { () throws(InputErrors) -> [Int32] in
                try parsePairs(again.bytes, file: file, areaIDs: areaIDs, siteIDs: siteIDs, horizonMinutes: horizonMinutes,
                               parallel: false, recordLines: true).lines
            }
        }
    }

    /// Parses travel rows from bytes (see `read`). Collects up to `InputErrors.limitPerFile` errors.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String, areaIDs: [String],
                             siteIDs: [String], horizonMinutes: Double? = nil) throws(InputErrors) -> TravelTimes {
        try parse(bytes, file: file, areaIDs: areaIDs, siteIDs: siteIDs, horizonMinutes: horizonMinutes, pieceBytes: pieceBytes)
    }

    /// `parse` in pieces of `pieceBytes` (tests split small inputs into many pieces).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String, areaIDs: [String], siteIDs: [String],
                      horizonMinutes: Double?, pieceBytes: Int) throws(InputErrors) -> TravelTimes {
        try parsePairs(bytes, file: file, areaIDs: areaIDs, siteIDs: siteIDs, horizonMinutes: horizonMinutes, pieceBytes: pieceBytes)
            .build(file: file, areaIDs: areaIDs, siteIDs: siteIDs, horizonMinutes: horizonMinutes) { () throws(InputErrors) in
                try parsePairs(bytes, file: file, areaIDs: areaIDs, siteIDs: siteIDs, horizonMinutes: horizonMinutes,
                               parallel: false, recordLines: true).lines
            }
    }

    /// The kept rows of a travel file as compact columns (16 bytes a pair; `lines` only when asked).
    struct Pairs {
        var areas: [Int32] = [], sites: [Int32] = [], minutes: [Double] = [], lines: [Int32] = []
        var siteColumn = 0

        func build(file: String, areaIDs: [String], siteIDs: [String], horizonMinutes: Double?,
                   lines: () throws(InputErrors) -> [Int32]) throws(InputErrors) -> TravelTimes {
            do {
                return try TravelTimes(areaCount: areaIDs.count, siteCount: siteIDs.count, pairAreas: areas,
                                       pairSites: sites, pairMinutes: minutes, horizonMinutes: horizonMinutes)
            } catch {
                let rowLines = try lines()
                let first = Int(rowLines[error.firstRow]), second = Int(rowLines[error.secondRow])
                throw InputErrors([InputError(file: file, line: second, column: "site_id", position: siteColumn + 1,
                                              value: "\(areaIDs[Int(areas[error.secondRow])]),\(siteIDs[Int(sites[error.secondRow])])",
                                              expected: "one row per area and site (this pair is also on line \(first))")])
            }
        }
    }

    /// Where the columns are, from the header.
    struct Columns {
        var count: Int, area: Int, site: Int, minutes: Int
        var names: [String]
    }

    /// One piece of the file, parsed on its own: lines are numbered from 1 within the piece.
    struct Piece {
        var pairs = Pairs()
        var errors: [InputError] = []
        var omitted = 0
        /// Lines the piece spans (to number the next piece's lines).
        var lineCount = 0
        /// The piece holds a quote, so it was not parsed (see `parsePairs`).
        var quoted = false
    }

    /// Bytes per piece: big enough that a piece's overhead vanishes, small enough that both cores
    /// stay busy to the end and parsed pages are released often.
    static let pieceBytes = 16 << 20

    static func parsePairs(_ bytes: UnsafeBufferPointer<UInt8>, file: String, areaIDs: [String], siteIDs: [String],
                           horizonMinutes: Double?, parallel: Bool = true, recordLines: Bool = false, pieceBytes: Int = pieceBytes,
                           release: @escaping @Sendable (Range<Int>) -> Void = { _ in }) throws(InputErrors) -> Pairs {
        var errors = InputErrorCollector(file: file)
        func text(_ field: CSVField) -> String { CSVScanner.string(bytes, field).trimmingSpaces() }

        // The header (after any blank lines).
        var header: [String] = []
        var headerLine = 0
        let stop: CSVScanner.Stop
        do {
            stop = try CSVScanner.scan(bytes) { line, fields in
                if fields.count == 1 && fields[0].isEmpty { return true }
                header = fields.map(text)
                headerLine = line
                return false
            }
        } catch {
            errors.add(line: error.line, column: nil, position: error.position, value: nil, expected: error.expected)
            try errors.throwIfAny()
            return Pairs()
        }
        if header.isEmpty {
            errors.add(line: nil, column: nil, value: nil, expected: "a header row area_id,site_id,minutes (the file is empty)")
            try errors.throwIfAny()
        }
        let columns = Columns(count: header.count, area: header.firstIndex(of: "area_id") ?? -1,
                              site: header.firstIndex(of: "site_id") ?? -1, minutes: header.firstIndex(of: "minutes") ?? -1,
                              names: header)
        if columns.area < 0 || columns.site < 0 || columns.minutes < 0 {
            if header.count == 1, let only = header.first, only.contains(";") || only.contains("\t") {
                errors.add(line: headerLine, column: nil, position: 1, value: only,
                           expected: "comma-separated columns area_id,site_id,minutes (this header is not separated by commas)")
            }
            for (name, index) in [("area_id", columns.area), ("site_id", columns.site), ("minutes", columns.minutes)] where index < 0 {
                errors.add(line: headerLine, column: name, value: nil,
                           expected: "a column named '\(name)' (the header has: \(CSVTable.headerExcerpt(header)))")
            }
            try errors.throwIfAny()
        }

        // Pieces start right after a line feed. A quote could hide a line break inside a field, so
        // a piece that holds one stops the pieces, and the file is read again as one piece (travel
        // files rarely have any). Each piece looks for quotes itself: a search of the whole file
        // first would page all of it in at once.
        let bodyStart = stop.index, count = bytes.count
        var bounds = [bodyStart]
        if parallel, count - bodyStart > pieceBytes {
            var next = bodyStart + pieceBytes
            while next < count {
                guard let feed = memchr(bytes.baseAddress! + next, Int32(CSVScanner.newline), count - next) else { break }
                next = bytes.baseAddress!.distance(to: feed.assumingMemoryBound(to: UInt8.self)) + 1
                if next < count { bounds.append(next) }
                next += pieceBytes
            }
        }
        bounds.append(count)

        let areaIndex = ByteKeyIndex(keys: areaIDs), siteIndex = ByteKeyIndex(keys: siteIDs)
        var pieceCount = bounds.count - 1
        var pieces = UnsafeMutableBufferPointer<Piece>.allocate(capacity: pieceCount)
        defer { pieces.deinitialize(); pieces.deallocate() }
        /// Parses the pieces between `bounds`; false when one of several holds a quote.
        func parseAll(_ bounds: [Int]) -> Bool {
            pieces.initialize(repeating: Piece())
            let several = bounds.count > 2
            // Each piece writes only its own slot of `pieces`, and the bytes are only read.
            let shared = UncheckedSendable(value: (bytes, pieces))
            let parse = { @Sendable (index: Int) in
                let (bytes, pieces) = shared.value
                let range = bounds[index]..<bounds[index + 1]
                if several, memchr(bytes.baseAddress! + range.lowerBound, Int32(CSVScanner.quote), range.count) != nil {
                    pieces[index].quoted = true
                    return
                }
                pieces[index] = parsePiece(bytes, range: range, file: file, columns: columns, areaIndex: areaIndex,
                                           siteIndex: siteIndex, horizonMinutes: horizonMinutes, recordLines: recordLines)
                release(range)
            }
            if several { DispatchQueue.concurrentPerform(iterations: bounds.count - 1, execute: parse) } else { parse(0) }
            return !pieces.contains { $0.quoted }
        }
        if !parseAll(bounds) {
            pieces.deinitialize()
            pieces.deallocate()
            pieceCount = 1
            pieces = UnsafeMutableBufferPointer<Piece>.allocate(capacity: 1)
            _ = parseAll([bodyStart, count])
        }

        // Number each piece's lines from where the previous one ended, then join the columns,
        // freeing each piece's as it is copied.
        var firstLine = stop.line
        var total = 0
        for index in 0..<pieceCount {
            for var error in pieces[index].errors {
                error.line = error.line.map { $0 + firstLine - 1 }
                errors.add(error)
            }
            errors.countOmitted(pieces[index].omitted)
            if recordLines { for position in pieces[index].pairs.lines.indices { pieces[index].pairs.lines[position] += Int32(firstLine - 1) } }
            firstLine += pieces[index].lineCount
            total += pieces[index].pairs.areas.count
        }
        try errors.throwIfAny()
        var pairs = Pairs(siteColumn: columns.site)
        pairs.areas = join(pieces, total, \.areas)
        pairs.sites = join(pieces, total, \.sites)
        pairs.minutes = join(pieces, total, \.minutes)
        if recordLines { pairs.lines = join(pieces, total, \.lines) }
        return pairs
    }

    /// One column of every piece, in order; each piece's copy is freed once taken.
    private static func join<Element>(_ pieces: UnsafeMutableBufferPointer<Piece>, _ total: Int,
                                      _ column: WritableKeyPath<Pairs, [Element]>) -> [Element] {
        if pieces.count == 1 {
            defer { pieces[0].pairs[keyPath: column] = [] }
            return pieces[0].pairs[keyPath: column]
        }
        var joined: [Element] = []
        joined.reserveCapacity(total)
        for index in pieces.indices {
            joined.append(contentsOf: pieces[index].pairs[keyPath: column])
            pieces[index].pairs[keyPath: column] = []
        }
        return joined
    }

    /// Parses the data rows in `range` (lines numbered from 1 within it).
    static func parsePiece(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, file: String, columns: Columns,
                           areaIndex: ByteKeyIndex, siteIndex: ByteKeyIndex, horizonMinutes: Double?,
                           recordLines: Bool) -> Piece {
        var errors = InputErrorCollector(file: file)
        var pairs = Pairs(siteColumn: columns.site)
        // Without a horizon nearly every row is kept: reserve for all of them (one allocation).
        if horizonMinutes == nil {
            let estimate = max(16, range.count / 24)
            pairs.areas.reserveCapacity(estimate)
            pairs.sites.reserveCapacity(estimate)
            pairs.minutes.reserveCapacity(estimate)
        }
        let horizon = horizonMinutes ?? .infinity
        var lastAreaStart = 0, lastAreaEnd = 0, lastArea = -1
        func text(_ field: CSVField) -> String { CSVScanner.string(bytes, field).trimmingSpaces() }
        /// Looks an id up from its bytes; quoted cells are trimmed, and only cells with `""`
        /// escapes (never seen in practice) need a String.
        func lookup(_ index: ByteKeyIndex, _ field: CSVField) -> Int? {
            if field.escaped {
                var value = text(field)
                return value.withUTF8 { index.lookup($0, 0, $0.count) }
            }
            var start = field.start, end = field.end
            if field.quoted {
                while start < end && (bytes[start] == 32 || bytes[start] == 9) { start += 1 }
                while end > start && (bytes[end - 1] == 32 || bytes[end - 1] == 9) { end -= 1 }
            }
            return index.lookup(bytes, start, end)
        }

        var lineCount = 0
        do {
            let stop = try CSVScanner.scan(bytes, range: range) { line, fields in
                if fields.count == 1 && fields[0].isEmpty { return true }
                if fields.count < columns.count {
                    if fields.allSatisfy(\.isEmpty) { return true }
                    errors.add(line: line, column: columns.names[fields.count], position: fields.count + 1, value: nil,
                               expected: "\(columns.count) cells as in the header, found \(fields.count)")
                    return true
                }
                let areaField = fields[columns.area], siteField = fields[columns.site], minutesField = fields[columns.minutes]
                if areaField.isEmpty && siteField.isEmpty && minutesField.isEmpty && fields.allSatisfy(\.isEmpty) { return true }
                var area = -1
                let length = areaField.end - areaField.start
                if lastArea >= 0 && !areaField.quoted && length == lastAreaEnd - lastAreaStart
                    && memcmp(bytes.baseAddress! + areaField.start, bytes.baseAddress! + lastAreaStart, length) == 0 {
                    area = lastArea
                } else if let found = lookup(areaIndex, areaField) {
                    area = found
                    lastArea = found
                    lastAreaStart = areaField.start
                    lastAreaEnd = areaField.end
                } else {
                    errors.add(line: line, column: "area_id", position: columns.area + 1, value: text(areaField),
                               expected: "an area_id of areas.csv")
                }
                let site = lookup(siteIndex, siteField) ?? -1
                if site < 0 {
                    errors.add(line: line, column: "site_id", position: columns.site + 1, value: text(siteField),
                               expected: "a site_id of sites.csv")
                }
                var minutes = minutesField.quoted ? NumberParsing.parse(text(minutesField))
                    : NumberParsing.parse(bytes, minutesField.start, minutesField.end)
                if let value = minutes, !Plausible.minutes.contains(value) {
                    minutes = nil
                }
                if minutes == nil {
                    errors.add(line: line, column: "minutes", position: columns.minutes + 1, value: text(minutesField),
                               expected: "travel minutes \(Plausible.describe(Plausible.minutes))")
                }
                if area >= 0, site >= 0, let minutes, minutes <= horizon, errors.isEmpty {
                    pairs.areas.append(Int32(area))
                    pairs.sites.append(Int32(site))
                    pairs.minutes.append(minutes)
                    if recordLines { pairs.lines.append(Int32(truncatingIfNeeded: line)) }
                }
                return true
            }
            lineCount = stop.line - 1
        } catch {
            errors.add(line: error.line, column: nil, position: error.position, value: nil, expected: error.expected)
            // The piece stops here; its lines are still counted so that later pieces number theirs right.
            lineCount = 0
            var i = range.lowerBound
            while let feed = memchr(bytes.baseAddress! + i, Int32(CSVScanner.newline), range.upperBound - i) {
                lineCount += 1
                i = bytes.baseAddress!.distance(to: feed.assumingMemoryBound(to: UInt8.self)) + 1
            }
        }
        return Piece(pairs: pairs, errors: errors.errors, omitted: errors.omitted, lineCount: lineCount)
    }
}

/// Hands memory that threads touch in disjoint parts (or only read) to `concurrentPerform`.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
}
