import Foundation

/// One outside program run to its end (or stopped at a deadline), with its exit status and both
/// outputs: the one way the tests run the `estate` binary, Python, Chromium, Slurm's clients and
/// shell snippets.
///
/// Output goes through files, not pipes: reading two pipes one after the other blocks when the
/// program fills the second pipe's buffer while the first is still open, and a program's children
/// can hold a pipe open after it exits.
public struct CommandRun: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// True when the deadline passed and the program was stopped (TERM, then KILL 5 s later).
    public var timedOut: Bool

    /// Runs `executable` with `arguments`; `timeout` nil waits for as long as it takes.
    public static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                           environment: [String: String]? = nil, timeout: TimeInterval? = nil) throws -> CommandRun {
        let outputs = FileManager.default.temporaryDirectory.appendingPathComponent("command-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outputs) }
        let out = outputs.appendingPathComponent("out"), err = outputs.appendingPathComponent("err")
        try Data().write(to: out)
        try Data().write(to: err)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        defer { try? outHandle.close(); try? errHandle.close() }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()

        var timedOut = false
        if let timeout {
            timedOut = !waitForExit(process, until: Date().addingTimeInterval(timeout))
            if timedOut {
                process.terminate()
                if !waitForExit(process, until: Date().addingTimeInterval(5)) { kill(process.processIdentifier, SIGKILL) }
            }
        }
        process.waitUntilExit()
        return CommandRun(status: process.terminationStatus,
                          stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                          stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self),
                          timedOut: timedOut)
    }

    /// The full path of a program on `PATH` or in the system folders (`/usr/sbin` holds Slurm's
    /// and munge's daemons and is not on every user's `PATH`); nil when absent.
    public static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/local/sbin", "/usr/sbin", "/sbin"]
        return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Polls until the process has exited (true) or the deadline passes (false).
    private static func waitForExit(_ process: Process, until deadline: Date) -> Bool {
        while process.isRunning {
            if Date() >= deadline { return false }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return true
    }
}
