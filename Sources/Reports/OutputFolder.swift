import Foundation

/// Writes a folder of outputs whole or not at all (FORMAT.md): files go into a hidden sibling
/// folder first, which then replaces the target by rename. A failure part-way leaves the previous
/// folder (if any) untouched and removes the partial one.
public enum OutputFolder {
    /// Writes `files` (name -> contents) as the folder `url`.
    public static func write(_ files: [(name: String, contents: Data)], to url: URL) throws {
        let fm = FileManager.default
        let parent = url.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let suffix = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0 ... .max))"
        let staging = parent.appendingPathComponent(".\(url.lastPathComponent).partial-\(suffix)")
        let previous = parent.appendingPathComponent(".\(url.lastPathComponent).previous-\(suffix)")
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in files {
                try file.contents.write(to: staging.appendingPathComponent(file.name), options: .atomic)
            }
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: url.path, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else {
                    throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: url.path])
                }
                try fm.moveItem(at: url, to: previous)
                do { try fm.moveItem(at: staging, to: url) } catch {
                    try? fm.moveItem(at: previous, to: url)
                    throw error
                }
                try? fm.removeItem(at: previous)
            } else {
                try fm.moveItem(at: staging, to: url)
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
    }
}
