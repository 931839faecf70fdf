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
