import Foundation

/// Re-solves that an explanation is sure to ask for, started ahead on other cores, so that two
/// (or more) run at once. The explanation still asks its questions one at a time, in its own
/// order, and counts them against its allowance as before; an answer started ahead is only
/// waited for. Since each answer depends on its question alone (never on the thread, or on
/// which finished first), the explanation is the same, byte for byte, with helpers or without.
///
/// The first question is left to the asker, who needs it first; helpers take the others in
/// order, and the asker, rather than wait for an answer still running, takes the next question
/// no one has started. ``finish()`` lets no helper start another, and waits for those running:
/// nothing runs on after the explanation.
final class ResolveAhead<Question: Equatable & Sendable>: @unchecked Sendable {
    typealias Work = @Sendable (Question) throws -> Plan

    private enum State {
        case waiting, running, done(Result<Plan, any Error>)
    }

    private let condition = NSCondition()
    private let questions: [Question]
    private var states: [State]
    private var finished = false
    private var helpersRunning = 0
    private let work: Work

    /// Starts `helpers` threads on `questions` (none when `helpers` is 0 or there is at most one
    /// question: then every answer is found when asked).
    init(_ questions: [Question], helpers: Int, work: @escaping Work) {
        self.questions = questions
        self.work = work
        states = questions.map { _ in .waiting }
        let count = questions.count > 1 ? min(helpers, questions.count - 1) : 0
        helpersRunning = count
        for _ in 0 ..< count {
            Thread.detachNewThread { [self] in help() }
        }
    }

    /// The answer to `question`: taken from a helper (waiting while it runs), else found here.
    func answer(_ question: Question) throws -> Plan {
        condition.lock()
        guard let index = questions.firstIndex(of: question) else {
            condition.unlock()
            return try work(question)
        }
        while true {
            switch states[index] {
            case .waiting:
                states[index] = .running
                condition.unlock()
                let result = Result { try work(question) }
                record(result, at: index)
                return try result.get()
            case .running:
                // Rather than wait, answer another question the explanation is sure to ask.
                if let next = states.indices.first(where: { isWaiting($0) }) {
                    states[next] = .running
                    condition.unlock()
                    record(Result { try work(questions[next]) }, at: next)
                    condition.lock()
                } else {
                    condition.wait()
                }
            case .done(let result):
                condition.unlock()
                return try result.get()
            }
        }
    }

    /// Lets no helper start another question and waits for those running.
    func finish() {
        condition.lock()
        finished = true
        while helpersRunning > 0 { condition.wait() }
        condition.unlock()
    }

    /// A helper's loop: the next waiting question after the first, until none is left.
    private func help() {
        while let index = claim() {
            record(Result { try work(questions[index]) }, at: index)
        }
        condition.lock()
        helpersRunning -= 1
        condition.broadcast()
        condition.unlock()
    }

    private func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        guard !finished, let index = states.indices.dropFirst().first(where: isWaiting) else { return nil }
        states[index] = .running
        return index
    }

    /// Whether question `index` is yet to start (call under the lock).
    private func isWaiting(_ index: Int) -> Bool {
        if case .waiting = states[index] { true } else { false }
    }

    private func record(_ result: Result<Plan, any Error>, at index: Int) {
        condition.lock()
        states[index] = .done(result)
        condition.broadcast()
        condition.unlock()
    }
}
