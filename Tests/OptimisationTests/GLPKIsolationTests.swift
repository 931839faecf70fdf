import CGLPKGuard
import Dispatch
import Optimisation
import XCTest

final class GLPKIsolationTests: XCTestCase {
    func testSolvingPrintsNothingUnlessVerbose() throws {
        let programs = (UInt64(1) ... 20).map { EnumeratedProgram.random(seed: $0) }
        let large = LargeModels.assignmentPMedian(size: 60, medians: 4, seed: 3)
        let quiet = try capturingStandardOutput {
            for program in programs {
                _ = try GLPKSolver.solve(program.model)
                _ = try GLPKSolver.solve(program.model, options: SolveOptions(presolve: false, heuristics: true))
            }
            _ = try GLPKSolver.solve(large, options: SolveOptions(timeLimit: 0.001))
            _ = try GLPKSolver.solve(large)
        }
        XCTAssertEqual(quiet, "")
        // The capture itself works: verbose output is seen.
        let loud = try capturingStandardOutput {
            _ = try GLPKSolver.solve(programs[0].model, options: SolveOptions(verbose: true))
        }
        XCTAssertFalse(loud.isEmpty)
    }

    /// GLPK aborts the process on a duplicate matrix entry; the C guard turns that into an
    /// error code and frees the thread's environment, and GLPK stays usable afterwards.
    func testGuardTurnsGLPKFatalErrorIntoAnErrorCode() throws {
        let output = try capturingStandardOutput {
            estate_glpk_begin(0)
            let problem = glp_create_prob()
            let ia: [Int32] = [0, 1, 1], ja: [Int32] = [0, 1, 1], ar: [Double] = [0, 1, 2]
            let code = estate_glpk_load(problem, 1, 1, 1, [GLP_CV], [0], [1], [1], [0], [1], 2, ia, ja, ar)
            XCTAssertEqual(code, ESTATE_GLPK_FATAL)
            XCTAssertTrue(String(cString: estate_glpk_message()).contains("duplicate"))
            estate_glpk_end()
            // The problem was freed with the environment; a new solve works.
            let after = try GLPKSolver.solve(EnumeratedProgram.random(seed: 5).model)
            XCTAssertNotEqual(after.status, .error)
        }
        XCTAssertEqual(output, "")
    }

    func testIndependentSolvesOnConcurrentThreadsAreAllCorrect() throws {
        let programs = (UInt64(1000) ..< 1064).map { EnumeratedProgram.random(seed: $0, count: 7, range: 1) }
        let rounds = 6
        let results = ResultBox(count: programs.count * rounds)
        let output = capturingStandardOutput {
            DispatchQueue.concurrentPerform(iterations: programs.count * rounds) { k in
                let program = programs[k % programs.count]
                let options = SolveOptions(presolve: k % 2 == 0)
                results.set(k, (try? GLPKSolver.solve(program.model, options: options)).map { ($0.status, $0.objective) })
            }
        }
        XCTAssertEqual(output, "")
        var wrong = 0
        for k in 0 ..< programs.count * rounds {
            let expected = programs[k % programs.count].optimum
            guard let (status, objective) = results.get(k) else { wrong += 1; continue }
            if let expected {
                if status != .optimal || abs((objective ?? .nan) - expected) > 1e-6 { wrong += 1 }
            } else if status != .infeasible {
                wrong += 1
            }
        }
        XCTAssertEqual(wrong, 0)
        XCTAssertGreaterThan(results.threadCount, 1, "the solves should have run on more than one thread")
    }
}

/// Results written by concurrent solves, one slot each, plus the distinct threads seen.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [(TerminationStatus, Double?)?]
    private var threads = Set<UInt>()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ k: Int, _ value: (TerminationStatus, Double?)?) {
        let thread = UInt(pthread_self())
        lock.lock()
        slots[k] = value
        threads.insert(thread)
        lock.unlock()
    }

    func get(_ k: Int) -> (TerminationStatus, Double?)? {
        lock.lock()
        defer { lock.unlock() }
        return slots[k]
    }

    var threadCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return threads.count
    }
}
