import Foundation

/// A read-only memory map of a whole file whose parts can be handed back to the kernel once read.
///
/// Why not `Data(contentsOf:options: .alwaysMapped)`: every page of a mapped file that has been
/// read counts towards the process's resident memory until the map goes, so reading a 665 MB
/// `travel.csv` that way peaks above 665 MB even when only a few percent of its rows are kept.
/// `release(_:)` drops pages already parsed (`MADV_DONTNEED`; they stay in the page cache, so a
/// second run still reads from memory), which keeps the reader's peak to the pairs it keeps.
/// Sendable: the map never changes after `init`, and `release` may run on any thread.
final class MappedFile: @unchecked Sendable {
    /// The file's bytes.
    let bytes: UnsafeBufferPointer<UInt8>
    private let base: UnsafeMutableRawPointer?
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Maps the regular file at `url`, refusing anything larger than `limit` bytes. Throws a
    /// plain-words reason.
    init(_ url: URL, limit: Int) throws(SystemErrorText.Reason) {
        if let problem = SystemErrorText.problemReading(url.path) { throw SystemErrorText.Reason(text: problem) }
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemErrorText.Reason(text: SystemErrorText.describe(errno: errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw SystemErrorText.Reason(text: SystemErrorText.describe(errno: errno)) }
        let size = Int(status.st_size)
        if size > limit {
            throw SystemErrorText.Reason(text: "is \(SystemErrorText.byteCount(size)), more than the "
                                         + "\(SystemErrorText.byteCount(limit)) an input file may have")
        }
        guard size > 0 else {
            base = nil
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else {
            throw SystemErrorText.Reason(text: SystemErrorText.describe(errno: errno))
        }
        _ = madvise(mapped, size, MADV_SEQUENTIAL)
        base = mapped
        bytes = UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: size)
    }

    /// Hands the whole pages inside `range` back to the kernel: they are read again from the page
    /// cache (or the disk) only if touched again.
    func release(_ range: Range<Int>) {
        guard let base else { return }
        let start = (range.lowerBound + Self.pageSize - 1) / Self.pageSize * Self.pageSize
        let end = range.upperBound / Self.pageSize * Self.pageSize
        if end > start { _ = madvise(base + start, end - start, MADV_DONTNEED) }
    }

    deinit {
        if let base { munmap(base, bytes.count) }
    }
}
