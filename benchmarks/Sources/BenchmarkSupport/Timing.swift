import Foundation
/// Seconds taken by `body`, with its result.
public func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = ContinuousClock.now
    let result = try body()
    let elapsed = ContinuousClock.now - start
    return (result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
}

/// Prints a line and flushes at once, so progress shows when output goes to a file.
public func say(_ items: String..., separator: String = " ") {
    print(items.joined(separator: separator))
    fflush(nil)
}

/// Wall-clock and CPU seconds (user + system, this process) taken by `body`, with its result: on
/// a shared machine the CPU time is the steadier measure of single-threaded work.
public func timedCPU<T>(_ body: () throws -> T) rethrows -> (result: T, seconds: Double, cpu: Double) {
    func cpuNow() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6
    }
    let cpu = cpuNow()
    let (result, seconds) = try timed(body)
    return (result, seconds, cpuNow() - cpu)
}
