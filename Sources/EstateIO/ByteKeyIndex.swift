/// Maps ids to dense indices by looking them up straight from bytes in a read buffer, so that a
/// large file's id cells need no `String` each (an open-addressing table with FNV-1a hashes).
struct ByteKeyIndex {
    private var keyBytes: [UInt8] = []
    private var keyStarts: [Int] = [0]
    private var slots: [Int32]
    private let mask: Int

    /// Indexes `keys`; `keys[i]` maps to `i`. Keys must be unique.
    init(keys: [String]) {
        var size = 16
        while size < keys.count * 2 { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for (index, key) in keys.enumerated() {
            keyBytes.append(contentsOf: key.utf8)
            keyStarts.append(keyBytes.count)
            var slot = ByteKeyIndex.hash(keyBytes, keyStarts[index], keyStarts[index + 1]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    private static func hash<C: RandomAccessCollection>(_ bytes: C, _ start: Int, _ end: Int) -> Int
        where C.Element == UInt8, C.Index == Int {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        var i = start
        while i < end {
            value = (value ^ UInt64(bytes[i])) &* 0x100_0000_01b3
            i += 1
        }
        return Int(truncatingIfNeeded: value ^ (value >> 29))
    }

    /// The index of the key spelled by `bytes[start..<end]`, or `nil`.
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var slot = ByteKeyIndex.hash(bytes, start, end) & mask
        let length = end - start
        while true {
            let candidate = Int(slots[slot])
            if candidate < 0 { return nil }
            let keyStart = keyStarts[candidate]
            if keyStarts[candidate + 1] - keyStart == length {
                var equal = true
                var k = 0
                while k < length {
                    if keyBytes[keyStart + k] != bytes[start + k] { equal = false; break }
                    k += 1
                }
                if equal { return candidate }
            }
            slot = (slot + 1) & mask
        }
    }
}
