import Foundation

/// A value made on another thread while the caller goes on: `estate plan` makes its files while
/// the explanation re-solves (none of them but `summary.json` reports it). `value()` waits for it.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?

    init(_ make: @escaping @Sendable () throws -> Value) {
        Thread.detachNewThread { [self] in
            result = Result { try make() }
            done.signal()
        }
    }

    /// The value, or the error making it threw; waits until it is made.
    func value() throws -> Value {
        done.wait()
        defer { done.signal() }
        return try result!.get()
    }
}
