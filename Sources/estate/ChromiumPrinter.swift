import Foundation

/// Prints an HTML file to PDF with headless Chromium (`--print-to-pdf`), when Chromium is
/// installed: the browser lays out the report with its print stylesheet exactly as a person
/// printing it would get. Estate does not bundle a PDF writer of its own.
struct ChromiumPrinter {
    let executable: URL

    /// `$CHROMIUM`, else the first of chromium, chromium-browser, google-chrome on `PATH`; nil when none.
    static func find() -> ChromiumPrinter? {
        let env = ProcessInfo.processInfo.environment
        if let explicit = env["CHROMIUM"], FileManager.default.isExecutableFile(atPath: explicit) {
            return ChromiumPrinter(executable: URL(fileURLWithPath: explicit))
        }
        for dir in (env["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
                let path = String(dir) + "/" + name
                if FileManager.default.isExecutableFile(atPath: path) { return ChromiumPrinter(executable: URL(fileURLWithPath: path)) }
            }
        }
        return nil
    }

    /// Writes `pdf` from `html`; throws with Chromium's own words when no PDF appears within `timeout` seconds.
    func print(html: URL, to pdf: URL, timeout: TimeInterval = 120) throws {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("estate-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let partial = pdf.deletingLastPathComponent().appendingPathComponent("." + pdf.lastPathComponent + ".partial")
        try? FileManager.default.removeItem(at: partial)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                             "--disable-background-networking", "--user-data-dir=" + profile.path,
                             "--no-pdf-header-footer", "--print-to-pdf=" + partial.path, html.absoluteString]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        nonisolated(unsafe) var errorData = Data()
        let reader = Thread { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        while !reader.isFinished && Date() < deadline.addingTimeInterval(5) { Thread.sleep(forTimeInterval: 0.01) }
        guard let size = (try? FileManager.default.attributesOfItem(atPath: partial.path))?[.size] as? Int, size > 0 else {
            try? FileManager.default.removeItem(at: partial)
            let detail = String(decoding: errorData, as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: " / ")
            throw PrintError(reason: "Chromium wrote no PDF (exit \(process.terminationStatus)): \(detail)")
        }
        // rename(2) replaces an older PDF in one step, so a reader never sees half a file.
        guard rename(partial.path, pdf.path) == 0 else {
            try? FileManager.default.removeItem(at: partial)
            throw PrintError(reason: "cannot write \(pdf.path) (errno \(errno))")
        }
    }

    struct PrintError: Error, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }
}
