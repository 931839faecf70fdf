import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a batch reports progress on standard error.
public enum ProgressStyle: Sendable, Equatable {
    /// A bar redrawn in place (`\r`), for a terminal.
    case bar
    /// One plain line per finished scenario, for logs (Slurm, Kubernetes, CI).
    case lines
    /// Nothing.
    case silent

    /// `bar` when standard error is a terminal, `lines` otherwise.
    public static var automatic: ProgressStyle {
        isatty(STDERR_FILENO) != 0 ? .bar : .lines
    }
}

/// Formats and emits progress: done/total, rate per second and estimated time left.
///
/// Owned by the runner's single writer thread; not thread-safe by itself.
final class ProgressReporter {
    private let total: Int
    private let style: ProgressStyle
    private let emit: (String) -> Void
    private let start: UInt64
    private var done = 0
    private var lastDraw: UInt64 = 0
    private var drawn = false

    /// `emit` receives finished text (with `\r` or `\n` as the style needs).
    init(total: Int, style: ProgressStyle, emit: @escaping (String) -> Void) {
        self.total = total
        self.style = style
        self.emit = emit
        self.start = DispatchTime.now().uptimeNanoseconds
    }

    /// Records finished scenarios and redraws (the bar at most 10 times a second).
    func advance(by records: [BatchRecord]) {
        let now = DispatchTime.now().uptimeNanoseconds
        for record in records {
            done += 1
            if style == .lines {
                let elapsed = Double(now - start) / 1e9
                emit(Self.line(done: done, total: total, elapsed: elapsed)
                    + " | \(record.id) \(record.name): \(record.result.status.rawValue)\n")
            }
        }
        if style == .bar, now - lastDraw >= 100_000_000 || done == total {
            lastDraw = now
            drawn = true
            emit("\r" + Self.bar(done: done, total: total, elapsed: Double(now - start) / 1e9) + "\u{1B}[K")
        }
    }

    /// Ends the bar's line so later output starts on a fresh one.
    func finish() {
        if style == .bar {
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            emit("\r" + Self.bar(done: done, total: total, elapsed: elapsed) + "\u{1B}[K\n")
        } else if style == .lines, total == 0 {
            emit("batch: nothing to run\n")
        }
    }

    /// `[#####-----] 5/10  2.5/s  ETA 0:02`, 30 cells wide.
    static func bar(done: Int, total: Int, elapsed: Double, width: Int = 30) -> String {
        let filled = total == 0 ? width : min(width, done * width / total)
        let cells = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        return "[\(cells)] " + line(done: done, total: total, elapsed: elapsed)
    }

    /// `5/10  2.5/s  ETA 0:02`: rate over the whole run so far; ETA `--:--` before
    /// the first result.
    static func line(done: Int, total: Int, elapsed: Double) -> String {
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? duration(Double(total - done) / rate) : "--:--"
        return "\(done)/\(total)  \(String(format: "%.1f", rate))/s  ETA \(eta)"
    }

    /// `m:ss` under an hour, `h:mm:ss` above, seconds rounded up.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        let (hours, minutes, secs) = (whole / 3600, whole / 60 % 60, whole % 60)
        return hours > 0
            ? String(format: "%d:%02d:%02d", hours, minutes, secs)
            : String(format: "%d:%02d", minutes, secs)
    }
}
