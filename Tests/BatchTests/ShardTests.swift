import XCTest
@testable import Batch

final class ShardTests: XCTestCase {
    /// 50 scenarios of a 2 x 5 x 5 grid.
    static func scenarios() throws -> [ExpandedScenario] {
        try BatchExpansion.expand(
            yaml: "objective: max_coverage\nvariants: {a: {}, b: {x: 1}}\nbatch:\n  p: [1, 2, 3, 4, 5]\n  q: [1, 2, 3, 4, 5]\n",
            file: "s.yaml")
    }

    func testShardsAreDisjointCoverTheBatchAndDifferInSizeByAtMostOne() throws {
        let all = try Self.scenarios()
        XCTAssertEqual(all.count, 50)
        for count in 1...8 {
            let shards = (0..<count).map { Shard(index: $0, count: count)!.select(all) }
            let ids = shards.flatMap { $0.map(\.id) }
            XCTAssertEqual(ids.count, 50, "N = \(count)")
            XCTAssertEqual(Set(ids), Set(all.map(\.id)), "N = \(count)")
            let sizes = shards.map(\.count)
            XCTAssertLessThanOrEqual(sizes.max()! - sizes.min()!, 1, "N = \(count): \(sizes)")
        }
        // Round-robin by expansion position: shard 2/4 holds positions 1, 5, 9, ...
        XCTAssertEqual(try Shard.parse("2/4").select(all).map(\.index), Array(stride(from: 1, to: 50, by: 4)))
    }

    func testParseIsOneBasedAndRejectsMalformedText() throws {
        XCTAssertEqual(try Shard.parse("1/3"), Shard(index: 0, count: 3))
        XCTAssertEqual(try Shard.parse("3/3").description, "3/3")
        for bad in ["0/3", "4/3", "3", "a/b", "1/0", "-1/2", "1/2/3", ""] {
            XCTAssertThrowsError(try Shard.parse(bad), bad) { error in
                XCTAssertEqual(error as? BatchError, .invalidShard(
                    source: "--shard", value: bad, expected: "K/N with 1 <= K <= N, e.g. 2/4 (1-based)"))
            }
        }
    }

    func testSlurmArrayVariablesGiveZeroBasedShardWhateverTheArrayStart() throws {
        // sbatch --array=1-4: task 3 is the third of four.
        XCTAssertEqual(try Shard.resolve(option: nil, environment: [
            "SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "1",
        ]), Shard(index: 2, count: 4))
        // --array=0-3 (MIN absent counts as 0).
        XCTAssertEqual(try Shard.resolve(option: nil, environment: [
            "SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "4",
        ]), Shard(index: 0, count: 4))
        // --array=10-16:2 (tasks 10, 12, 14, 16).
        XCTAssertEqual(try Shard.resolve(option: nil, environment: [
            "SLURM_ARRAY_TASK_ID": "14", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "10",
            "SLURM_ARRAY_TASK_STEP": "2",
        ]), Shard(index: 2, count: 4))
        XCTAssertThrowsError(try Shard.resolve(option: nil, environment: ["SLURM_ARRAY_TASK_ID": "1"]))
        XCTAssertThrowsError(try Shard.resolve(option: nil, environment: [
            "SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "1",
        ]))
    }

    func testKubernetesIndexNeedsTheTotalAndTheOptionWinsOverTheEnvironment() throws {
        XCTAssertEqual(try Shard.resolve(option: nil, environment: ["JOB_COMPLETION_INDEX": "4"], kubernetesCount: 5),
                       Shard(index: 4, count: 5))
        XCTAssertThrowsError(try Shard.resolve(option: nil, environment: ["JOB_COMPLETION_INDEX": "5"], kubernetesCount: 5))
        XCTAssertThrowsError(try Shard.resolve(option: nil, environment: ["JOB_COMPLETION_INDEX": "0"]))
        XCTAssertThrowsError(try Shard.resolve(option: nil, environment: [:], kubernetesCount: 3))
        XCTAssertEqual(try Shard.resolve(
            option: "2/2", environment: ["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "4"]),
            Shard(index: 1, count: 2))
        XCTAssertEqual(try Shard.resolve(option: nil, environment: [:]), .whole)
    }
}
