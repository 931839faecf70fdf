import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs `body` with file descriptor 1 redirected to a temporary file and returns what was written.
func capturingStandardOutput(_ body: () throws -> Void) rethrows -> String {
    fflush(nil)
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("estate-stdout-\(getpid())-\(UInt64.random(in: 0 ... .max))").path
    let file = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0o600)
    let saved = dup(1)
    dup2(file, 1)
    defer {
        fflush(nil)
        dup2(saved, 1)
        close(saved)
        close(file)
        try? FileManager.default.removeItem(atPath: path)
    }
    try body()
    fflush(nil)
    return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
}
