import Foundation

/// Plain words for the file system's errors, and one checked way to read an input file.
///
/// Why: Foundation's own text for these is `NSCocoaErrorDomain error 256` for a folder given
/// where a file was expected, and "You don't have permission" for a character device read by
/// root. A user needs to hear "is a folder, not a file" or "is a device, not a file".
public enum SystemErrorText {
    /// Why `path` cannot be read as an input file, in plain words, or nil when it is a readable
    /// regular file.
    public static func problemReading(_ path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return describe(errno: errno) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return "is a folder, not a file"
        case S_IFCHR, S_IFBLK: return "is a device, not a file"
        case S_IFIFO: return "is a pipe, not a file"
        case S_IFSOCK: return "is a socket, not a file"
        default: return "is not a regular file"
        }
        return access(path, R_OK) == 0 ? nil : describe(errno: errno)
    }

    /// Reads the whole regular file at `url`, refusing anything larger than `limit` bytes
    /// before reading it. Throws a plain-words reason.
    public static func readFile(_ url: URL, limit: Int) throws(Reason) -> Data {
        if let problem = problemReading(url.path) { throw Reason(text: problem) }
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int, size > limit {
            throw Reason(text: "is \(byteCount(size)), more than the \(byteCount(limit)) an input file may have")
        }
        do {
            return try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw Reason(text: describe(error))
        }
    }

    /// A plain-words reason a file could not be read.
    public struct Reason: Error, Sendable, CustomStringConvertible {
        /// e.g. "does not exist", "is a folder, not a file".
        public var text: String
        /// The reason.
        public var description: String { text }
    }

    /// The plain words for an error thrown by Foundation's file APIs.
    public static func describe(_ error: Error) -> String {
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return describe(errno: Int32(underlying.code))
        }
        if error.domain == NSPOSIXErrorDomain { return describe(errno: Int32(error.code)) }
        switch CocoaError.Code(rawValue: error.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return "does not exist"
        case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
        case .fileWriteOutOfSpace: return "the disk is full"
        case .fileWriteVolumeReadOnly: return "the disk is read-only"
        case .fileWriteFileExists: return "a file of that name already exists"
        default: return error.localizedDescription
        }
    }

    /// The plain words for a POSIX error number.
    public static func describe(errno code: Int32) -> String {
        switch code {
        case ENOENT: return "does not exist"
        case ENOTDIR: return "a part of the path is a file, not a folder"
        case EISDIR: return "is a folder, not a file"
        case EACCES, EPERM: return "permission denied"
        case ENOSPC: return "the disk is full"
        case EROFS: return "the disk is read-only"
        case EDQUOT: return "the disk quota is used up"
        case ENAMETOOLONG: return "the path is too long"
        case ELOOP: return "the path has a loop of symbolic links"
        case EIO: return "the disk reported an input/output error"
        default: return String(cString: strerror(code)).lowercased()
        }
    }

    /// `12 MB`, `512 bytes`: sizes for messages.
    static func byteCount(_ bytes: Int) -> String {
        if bytes >= 1 << 20 { return "\(bytes >> 20) MB" }
        if bytes >= 1 << 10 { return "\(bytes >> 10) KB" }
        return "\(bytes) bytes"
    }
}
