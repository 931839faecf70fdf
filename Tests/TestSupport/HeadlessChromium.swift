import Foundation

/// Runs Debian's Chromium headless on a local file, to see a page as a person would (shared by
/// the map tests and the CLI's report tests).
public struct HeadlessChromium: Sendable {
    public let executable: URL

    /// The first Chromium on PATH (or $CHROMIUM); nil when none is installed.
    public static func find() -> HeadlessChromium? {
        let env = ProcessInfo.processInfo.environment
        if let explicit = env["CHROMIUM"], FileManager.default.isExecutableFile(atPath: explicit) {
            return HeadlessChromium(executable: URL(fileURLWithPath: explicit))
        }
        for dir in (env["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
                let path = String(dir) + "/" + name
                if FileManager.default.isExecutableFile(atPath: path) { return HeadlessChromium(executable: URL(fileURLWithPath: path)) }
            }
        }
        return nil
    }

    public struct Run: Sendable {
        public var stdout: String
        public var stderr: String
        public var status: Int32
        /// Console messages the page emitted (Chromium logs them as INFO:CONSOLE lines).
        public var consoleLines: [String] { stderr.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") } }
    }

    /// Runs Chromium with the common headless flags plus `arguments`, killing it after `timeout` seconds.
    public func run(_ arguments: [String], profile: URL, timeout: TimeInterval = 90) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                             "--disable-background-networking", "--user-data-dir=" + profile.path,
                             "--enable-logging=stderr", "--v=0"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes on their own threads, so a chatty stderr cannot block the browser and a
        // hung browser cannot block the test past its deadline.
        nonisolated(unsafe) var outData = Data(), errData = Data()
        let readers = [Thread { outData = out.fileHandleForReading.readDataToEndOfFile() },
                       Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }]
        readers.forEach { $0.start() }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        while readers.contains(where: { !$0.isFinished }) && Date() < deadline.addingTimeInterval(5) {
            Thread.sleep(forTimeInterval: 0.01)
        }
        return Run(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                   status: process.terminationStatus)
    }
}

/// Where tests keep what a person may want to look at afterwards (screenshots, pages):
/// `.build/test-artifacts/` of this package, ignored by git.
public enum TestArtifacts {
    public static func directory() throws -> URL {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let dir = packageRoot.appendingPathComponent(".build/test-artifacts", isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
