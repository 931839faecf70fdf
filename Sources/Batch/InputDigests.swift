import Foundation

/// SHA-256 of input files, each file hashed once per batch however many scenarios
/// name it (the dataset is shared by every scenario). Safe to call from any thread.
public final class InputDigests: @unchecked Sendable {
    private let lock = NSLock()
    private var cache: [String: String] = [:]

    /// An empty cache.
    public init() {}

    /// Hex SHA-256 of every file, keyed as given (`label -> file`), e.g.
    /// `["datasets/kent/areas.csv": url]`. Missing files are an error: a row
    /// must never claim inputs it did not read.
    public func hashes(of files: [String: URL]) throws(BatchError) -> [String: String] {
        var result: [String: String] = [:]
        for (label, url) in files {
            result[label] = try hash(of: url)
        }
        return result
    }

    /// Hex SHA-256 of one file, cached by its standardised path.
    public func hash(of url: URL) throws(BatchError) -> String {
        let key = url.standardizedFileURL.path
        lock.lock()
        let cached = cache[key]
        lock.unlock()
        if let cached { return cached }
        let digest = try SHA256.hex(ofFile: url)
        lock.lock()
        cache[key] = digest
        lock.unlock()
        return digest
    }
}
