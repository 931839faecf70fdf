import Foundation

/// A command run to its end or stopped at a deadline, for the tests that drive outside
/// programs (Slurm's clients, a schema validator) which could otherwise hang a test run.
struct BoundedCommand {
    var status: Int32
    var stdout: String
    var stderr: String

    /// Coreutils' `timeout` exits with 124 when it had to stop the command.
    var timedOut: Bool { status == 124 || status == 137 }

    /// Runs `executable` under `timeout`: TERM after `seconds`, KILL 5 s later.
    /// Output goes through files, not pipes, so a chatty command cannot block on a full pipe.
    static func run(_ executable: String, _ arguments: [String], seconds: Int,
                    environment: [String: String]? = nil, in directory: URL? = nil) throws -> BoundedCommand {
        let outputs = FileManager.default.temporaryDirectory.appendingPathComponent("bounded-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outputs) }
        let out = outputs.appendingPathComponent("out"), err = outputs.appendingPathComponent("err")
        try Data().write(to: out)
        try Data().write(to: err)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["--kill-after=5", String(seconds), executable] + arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return BoundedCommand(status: process.terminationStatus,
                              stdout: try String(contentsOf: out, encoding: .utf8),
                              stderr: try String(contentsOf: err, encoding: .utf8))
    }

    /// The full path of a program on `PATH` or in the system folders (`/usr/sbin` holds
    /// Slurm's and munge's daemons and is not on every user's `PATH`); nil when absent.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/local/sbin", "/usr/sbin", "/sbin"]
        return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
