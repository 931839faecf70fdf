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

    /// Runs Chromium with the common headless flags plus `arguments`, stopping it after `timeout` seconds.
    public func run(_ arguments: [String], profile: URL, timeout: TimeInterval = 90) throws -> CommandRun {
        try CommandRun.run(executable, ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                        "--disable-extensions", "--disable-background-networking",
                                        "--user-data-dir=" + profile.path, "--enable-logging=stderr", "--v=0"] + arguments,
                           timeout: timeout)
    }
}

extension CommandRun {
    /// Console messages a page emitted (Chromium logs them as INFO:CONSOLE lines on standard error).
    public var consoleLines: [String] { stderr.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") } }
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
