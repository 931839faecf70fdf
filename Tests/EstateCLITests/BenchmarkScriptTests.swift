import Foundation
import TestSupport
import XCTest

/// The benchmark scripts on a fresh machine: without their Python packages or the release
/// binary they stop at once and say what to install, instead of failing with a traceback after
/// generating and planning an England-size instance.
final class BenchmarkScriptTests: XCTestCase {
    func testEnglandBenchmarkSaysWhatToInstallWhenPandasAndHighsAreMissing() throws {
        // `-S`: without site-packages, as on a machine where pandas, numpy and highspy were never installed.
        let run = try Python.run(["-S", "benchmarks/planning/england.py", "--estate", "/nonexistent/estate",
                                  "--folder", FileManager.default.temporaryDirectory.appendingPathComponent("never-written").path])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("cannot import pandas, numpy, highspy"), run.stderr)
        XCTAssertTrue(run.stderr.contains("pip install pandas numpy highspy"), run.stderr)
        XCTAssertTrue(run.stderr.contains("python3 -m venv"), run.stderr)
        XCTAssertTrue(run.stderr.contains("no Estate binary at /nonexistent/estate"), run.stderr)
        XCTAssertFalse(run.stderr.contains("Traceback"), run.stderr)
    }
}
