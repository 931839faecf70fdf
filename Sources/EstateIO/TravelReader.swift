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
    public static func read(url: URL, file: String = "travel.csv", areaIDs: [String], siteIDs: [String]) throws(InputErrors) -> TravelTimes {
        // The file's bytes are released before the sparse structure is built, to keep the peak low.
        let pairs = try readPairs(url: url, file: file, areaIDs: areaIDs, siteIDs: siteIDs)
        return try pairs.build(file: file, areaIDs: areaIDs, siteIDs: siteIDs)
    }

    static func readPairs(url: URL, file: String, areaIDs: [String], siteIDs: [String]) throws(InputErrors) -> Pairs {
        let data: Data
        do {
            // Mapped, not copied: the kernel pages the file in as the scanner walks it.
            data = try SystemErrorText.readFile(url, limit: 1 << 36)
        } catch {
            throw InputErrors([InputError(file: file, expected: "a readable file at \(url.path) (it \(error.text))")])
        }
        let result = data.withUnsafeBytes { raw -> Result<Pairs, InputErrors> in
            let bytes = raw.bindMemory(to: UInt8.self)
            do throws(InputErrors) { return .success(try parsePairs(bytes, file: file, areaIDs: areaIDs, siteIDs: siteIDs)) }
            catch { return .failure(error) }
        }
        return try result.get()
    }

    /// The rows of a travel file as columns, with each row's line for error messages.
    struct Pairs {
        var areas: [Int32] = [], sites: [Int32] = [], minutes: [Double] = [], lines: [Int32] = []
        var siteColumn = 0

        func build(file: String, areaIDs: [String], siteIDs: [String]) throws(InputErrors) -> TravelTimes {
            do {
                return try TravelTimes(areaCount: areaIDs.count, siteCount: siteIDs.count, pairAreas: areas,
                                       pairSites: sites, pairMinutes: minutes)
            } catch {
                let first = Int(lines[error.firstRow]), second = Int(lines[error.secondRow])
                throw InputErrors([InputError(file: file, line: second, column: "site_id", position: siteColumn + 1,
                                              value: "\(areaIDs[Int(areas[error.secondRow])]),\(siteIDs[Int(sites[error.secondRow])])",
                                              expected: "one row per area and site (this pair is also on line \(first))")])
            }
        }
    }

    /// Parses travel rows from bytes (see `read`). Collects up to `InputErrors.limitPerFile` errors.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String, areaIDs: [String],
                             siteIDs: [String]) throws(InputErrors) -> TravelTimes {
        try parsePairs(bytes, file: file, areaIDs: areaIDs, siteIDs: siteIDs).build(file: file, areaIDs: areaIDs, siteIDs: siteIDs)
    }

    static func parsePairs(_ bytes: UnsafeBufferPointer<UInt8>, file: String, areaIDs: [String],
                           siteIDs: [String]) throws(InputErrors) -> Pairs {
        var errors = InputErrorCollector(file: file)
        let areaIndex = ByteKeyIndex(keys: areaIDs)
        let siteIndex = ByteKeyIndex(keys: siteIDs)
        var header: [String] = []
        var areaColumn = -1, siteColumn = -1, minutesColumn = -1
        var pairAreas: [Int32] = [], pairSites: [Int32] = []
        var pairMinutes: [Double] = []
        var rowLines: [Int32] = []
        let estimate = max(16, bytes.count / 28)
        pairAreas.reserveCapacity(estimate)
        pairSites.reserveCapacity(estimate)
        pairMinutes.reserveCapacity(estimate)
        rowLines.reserveCapacity(estimate)
        var lastAreaStart = 0, lastAreaEnd = 0, lastArea = -1
        var fatal = false

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

        do {
            try CSVScanner.scan(bytes) { line, fields in
                if fields.count == 1 && fields[0].isEmpty { return true }
                if header.isEmpty {
                    header = fields.map(text)
                    areaColumn = header.firstIndex(of: "area_id") ?? -1
                    siteColumn = header.firstIndex(of: "site_id") ?? -1
                    minutesColumn = header.firstIndex(of: "minutes") ?? -1
                    if areaColumn < 0 || siteColumn < 0 || minutesColumn < 0 {
                        if header.count == 1, let only = header.first, only.contains(";") || only.contains("\t") {
                            errors.add(line: line, column: nil, position: 1, value: only,
                                       expected: "comma-separated columns area_id,site_id,minutes (this header is not separated by commas)")
                        }
                        for (name, index) in [("area_id", areaColumn), ("site_id", siteColumn), ("minutes", minutesColumn)] where index < 0 {
                            errors.add(line: line, column: name, value: nil,
                                       expected: "a column named '\(name)' (the header has: \(CSVTable.headerExcerpt(header)))")
                        }
                        fatal = true
                        return false
                    }
                    return true
                }
                if fields.count < header.count {
                    if fields.allSatisfy(\.isEmpty) { return true }
                    errors.add(line: line, column: header[fields.count], position: fields.count + 1, value: nil,
                               expected: "\(header.count) cells as in the header, found \(fields.count)")
                    return true
                }
                let areaField = fields[areaColumn], siteField = fields[siteColumn], minutesField = fields[minutesColumn]
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
                    errors.add(line: line, column: "area_id", position: areaColumn + 1, value: text(areaField),
                               expected: "an area_id of areas.csv")
                }
                let site = lookup(siteIndex, siteField) ?? -1
                if site < 0 {
                    errors.add(line: line, column: "site_id", position: siteColumn + 1, value: text(siteField),
                               expected: "a site_id of sites.csv")
                }
                var minutes = minutesField.quoted ? NumberParsing.parse(text(minutesField))
                    : NumberParsing.parse(bytes, minutesField.start, minutesField.end)
                if let value = minutes, !Plausible.minutes.contains(value) {
                    minutes = nil
                }
                if minutes == nil {
                    errors.add(line: line, column: "minutes", position: minutesColumn + 1, value: text(minutesField),
                               expected: "travel minutes \(Plausible.describe(Plausible.minutes))")
                }
                if area >= 0, site >= 0, let minutes, errors.isEmpty {
                    pairAreas.append(Int32(area))
                    pairSites.append(Int32(site))
                    pairMinutes.append(minutes)
                    rowLines.append(Int32(truncatingIfNeeded: line))
                }
                return true
            }
        } catch {
            errors.add(line: error.line, column: nil, position: error.position, value: nil, expected: error.expected)
        }
        if header.isEmpty && !fatal {
            errors.add(line: nil, column: nil, value: nil, expected: "a header row area_id,site_id,minutes (the file is empty)")
        }
        try errors.throwIfAny()
        return Pairs(areas: pairAreas, sites: pairSites, minutes: pairMinutes, lines: rowLines, siteColumn: siteColumn)
    }
}
