import Estate
import Foundation

/// Writes an output folder whole or not at all: the files are written into a fresh folder
/// beside the target, which then replaces the target by renaming (FORMAT.md's rule).
public enum AtomicFolder {
    /// Problems writing outputs (disk full, permissions): the target is left as it was.
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        /// The folder that could not be written.
        public var path: String
        /// What went wrong.
        public var reason: String
        /// `path: could not write the output folder (reason)`.
        public var description: String { "\(path): could not write the output folder (\(reason))" }
    }

    /// Writes `files` (name -> contents) as the folder `target`, replacing any previous one.
    /// Commands go through `OutputFolder.replace`, which first checks that the previous
    /// folder is one Estate wrote and may replace.
    static func write(_ files: [(name: String, contents: [UInt8])], to target: URL) throws(WriteError) {
        let manager = FileManager.default
        let parent = target.deletingLastPathComponent()
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt64(Date().timeIntervalSince1970 * 1e6))"
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(token)")
        let retired = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(token)")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in files {
                try Data(file.contents).write(to: staging.appendingPathComponent(file.name))
            }
            var isDirectory: ObjCBool = false
            let existed = manager.fileExists(atPath: target.path, isDirectory: &isDirectory)
            if existed { try manager.moveItem(at: target, to: retired) }
            do {
                try manager.moveItem(at: staging, to: target)
            } catch {
                if existed { try? manager.moveItem(at: retired, to: target) }
                throw error
            }
            if existed { try? manager.removeItem(at: retired) }
        } catch {
            try? manager.removeItem(at: staging)
            throw WriteError(path: target.path, reason: SystemErrorText.describe(error))
        }
    }
}
