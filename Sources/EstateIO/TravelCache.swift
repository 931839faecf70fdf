import Estate
import Foundation

/// A folder of travel times already read, in binary, for runs that read the same `travel.csv`
/// again (`--travel-cache DIR`): loading a cached England file takes a fraction of parsing it.
///
/// Never stale: an entry is used only when its key matches exactly. The key holds the file's
/// size, modification and status-change times (nanoseconds; the change time cannot be set back
/// by any tool) and inode, a hash of 64 KB samples at 17 places in the file, the horizon, and a
/// hash of the area and site ids in order (the cached pairs are indices into them). The whole
/// file is not hashed: `sha256sum` of the 544 MB England benchmark file took 1.1 s of CPU (1.0 s
/// user, 0.1 s system, the file in the page cache; `/usr/bin/time sha256sum`, twice), against
/// 0.23 s to load its cached pairs and about 0.8 s (1.6 s CPU on two cores) to parse it with a
/// 15-minute horizon, so a full hash would cost more than the cache saves. The hashes are FNV-1a
/// (two 64-bit seeds): a collision can only ever cost a miss of the file-name hash, since the key
/// itself is stored and compared whole.
/// A damaged or foreign entry is ignored (and rewritten), never trusted: the arrays are checked
/// like any input before use.
public struct TravelCache: Sendable {
    /// The cache folder (created when first written).
    public var folder: URL

    public init(folder: URL) { self.folder = folder }

    static let magic = Array("estate travel cache 1\n".utf8)

    /// The cache key of `url` read for `areaIDs`/`siteIDs` within `horizonMinutes`, or `nil` when
    /// the file cannot be examined (then it is simply read).
    static func key(url: URL, areaIDs: [String], siteIDs: [String], horizonMinutes: Double?) -> String? {
        var status = stat()
        guard stat(url.path, &status) == 0 else { return nil }
        let size = Int(status.st_size)
        var samples = FNV()
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return nil }
        defer { try? handle.close() }
        let sampleBytes = 1 << 16
        for index in 0...16 {
            let offset = size <= sampleBytes ? 0 : UInt64((size - sampleBytes) / 16 * index)
            do {
                try handle.seek(toOffset: offset)
                guard let data = try handle.read(upToCount: sampleBytes) else { return nil }
                samples.add(data)
            } catch { return nil }
            if size <= sampleBytes { break }
        }
        var ids = FNV()
        for id in areaIDs { ids.add(Data(id.utf8)); ids.add(Data([0])) }
        ids.add(Data([1]))
        for id in siteIDs { ids.add(Data(id.utf8)); ids.add(Data([0])) }
        return "size \(size); modified \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec); changed \(status.st_ctim.tv_sec)."
            + "\(status.st_ctim.tv_nsec); inode \(status.st_dev):\(status.st_ino); samples \(samples.hex); "
            + "horizon \(horizonMinutes.map { "\($0)" } ?? "none"); areas \(areaIDs.count); sites \(siteIDs.count); ids \(ids.hex)"
    }

    /// The entry's file for `key`.
    func entryURL(_ key: String) -> URL {
        var name = FNV()
        name.add(Data(key.utf8))
        return folder.appendingPathComponent("travel-\(name.hex).bin")
    }

    /// The cached travel times for `key`, or `nil` on a miss (absent, another key, damaged).
    func load(key: String, areaCount: Int, siteCount: Int) -> TravelTimes? {
        guard let data = try? Data(contentsOf: entryURL(key), options: .alwaysMapped) else { return nil }
        return data.withUnsafeBytes { raw -> TravelTimes? in
            var reader = Reader(raw: raw)
            guard reader.bytes(Self.magic.count) == Self.magic,
                  let keyLength = reader.int(), keyLength >= 0, keyLength < 1 << 16,
                  let stored = reader.bytes(keyLength), stored == Array(key.utf8),
                  reader.int() == areaCount, reader.int() == siteCount,
                  let pairCount = reader.int(), pairCount >= 0, let horizon = reader.double(),
                  let offsets: [Int] = reader.array(areaCount + 1),
                  let sites: [Int32] = reader.array(pairCount),
                  let minutes: [Double] = reader.array(pairCount), reader.atEnd else { return nil }
            // Checked like an input: offsets rising to the pair count, sites ascending in range.
            guard offsets.first == 0, offsets.last == pairCount else { return nil }
            for area in 0..<areaCount {
                let start = offsets[area], end = offsets[area + 1]
                guard start <= end else { return nil }
                var previous: Int32 = -1
                for position in start..<end {
                    let site = sites[position]
                    guard site > previous, site < Int32(siteCount), minutes[position] >= 0, minutes[position].isFinite else { return nil }
                    previous = site
                }
            }
            return TravelTimes(areaCount: areaCount, siteCount: siteCount, areaOffsets: offsets, areaSites: sites,
                               areaMinutes: minutes, horizonMinutes: horizon.isNaN ? nil : horizon)
        }
    }

    /// Stores `travel` under `key` (written whole, then renamed into place). A cache that cannot
    /// be written is no error: the next run reads the file again.
    func store(_ travel: TravelTimes, key: String) {
        var bytes = Self.magic
        func append<T>(_ values: [T]) { values.withUnsafeBytes { bytes.append(contentsOf: $0) } }
        let keyBytes = Array(key.utf8)
        append([keyBytes.count])
        bytes.append(contentsOf: keyBytes)
        append([travel.areaCount, travel.siteCount, travel.pairCount])
        append([travel.horizonMinutes ?? .nan])
        append(travel.areaOffsets)
        append(travel.areaSites)
        append(travel.areaMinutes)
        let target = entryURL(key)
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: temporary)
            _ = rename(temporary.path, target.path)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    /// Reads little-endian native values from a cache entry, refusing to run past its end.
    private struct Reader {
        let raw: UnsafeRawBufferPointer
        var offset = 0
        var atEnd: Bool { offset == raw.count }

        mutating func bytes(_ count: Int) -> [UInt8]? {
            guard count >= 0, offset + count <= raw.count else { return nil }
            defer { offset += count }
            return Array(raw[offset..<offset + count])
        }
        mutating func array<T>(_ count: Int) -> [T]? {
            let size = MemoryLayout<T>.stride * count
            guard count >= 0, offset + size <= raw.count else { return nil }
            defer { offset += size }
            return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[offset..<offset + size]))
                initialized = count
            }
        }
        mutating func int() -> Int? { (array(1) as [Int]?)?.first }
        mutating func double() -> Double? { (array(1) as [Double]?)?.first }
    }

    /// FNV-1a over two 64-bit seeds (a 128-bit fingerprint; see the type's note on hashing).
    private struct FNV {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325, second: UInt64 = 0x6c62_272e_07bb_0142

        mutating func add(_ data: Data) {
            for byte in data {
                first = (first ^ UInt64(byte)) &* 0x100_0000_01b3
                second = (second ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        var hex: String { String(format: "%016llx%016llx", first, second) }
    }
}
