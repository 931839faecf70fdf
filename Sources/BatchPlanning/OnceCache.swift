import Foundation

/// A thread-safe map whose values are computed at most once per key, however many
/// threads ask at the same time: the first caller computes while the others for the
/// same key wait, and callers for other keys are not held up. Failures are cached
/// too, so a broken input costs one read, not one per scenario.
final class OnceCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private final class Slot: @unchecked Sendable {
        let lock = NSLock()
        var result: Result<Value, any Error>?
    }

    private let lock = NSLock()
    private var slots: [Key: Slot] = [:]

    /// The value for `key`, computing it with `make` the first time.
    func value(for key: Key, _ make: () throws -> Value) throws -> Value {
        lock.lock()
        let slot: Slot
        if let existing = slots[key] {
            slot = existing
        } else {
            slot = Slot()
            slots[key] = slot
        }
        lock.unlock()
        slot.lock.lock()
        defer { slot.lock.unlock() }
        if let result = slot.result { return try result.get() }
        let result = Result { try make() }
        slot.result = result
        return try result.get()
    }

    /// Number of keys computed or being computed (for tests and diagnostics).
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return slots.count
    }
}
