import Foundation

/// A deterministic 1/N share of a batch, for running one batch on many machines.
///
/// Shards are numbered 1...N on the command line (`--shard 2/4` is the second of
/// four), as people count parts; `index` is the 0-based form schedulers use.
/// Scenario number `i` (0-based expansion order) belongs to shard `i mod N`: shards
/// are disjoint, their union is the whole batch, their sizes differ by at most one,
/// and neighbouring grid points (similar solve times) are dealt to different shards.
public struct Shard: Hashable, Sendable, CustomStringConvertible {
    /// 0-based shard number, `0..<count`.
    public let index: Int
    /// Number of shards, at least 1.
    public let count: Int

    /// A shard from its 0-based index; nil unless `0 <= index < count`.
    public init?(index: Int, count: Int) {
        guard count >= 1, index >= 0, index < count else { return nil }
        self.index = index
        self.count = count
    }

    /// The whole batch as a single shard.
    public static let whole = Shard(index: 0, count: 1)!

    /// `K/N`, 1-based, as written on the command line and stored in result rows.
    public var description: String { "\(index + 1)/\(count)" }

    /// Parses `K/N` with `1 <= K <= N` (1-based), e.g. `--shard 2/4`.
    public static func parse(_ text: String, source: String = "--shard") throws(BatchError) -> Shard {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]),
              let shard = Shard(index: k - 1, count: n)
        else {
            throw .invalidShard(source: source, value: text, expected: "K/N with 1 <= K <= N, e.g. 2/4 (1-based)")
        }
        return shard
    }

    /// Whether the scenario at 0-based expansion position `position` is in this shard.
    public func contains(position: Int) -> Bool {
        position % count == index
    }

    /// This shard's scenarios, in expansion order.
    public func select(_ scenarios: [ExpandedScenario]) -> [ExpandedScenario] {
        scenarios.filter { contains(position: $0.index) }
    }

    /// Resolves the shard to run, in order of precedence:
    /// 1. `option` (`--shard K/N`, 1-based);
    /// 2. a Slurm job array: `SLURM_ARRAY_TASK_ID`, `SLURM_ARRAY_TASK_COUNT`, and
    ///    `SLURM_ARRAY_TASK_MIN` (default 0) and `SLURM_ARRAY_TASK_STEP` (default 1),
    ///    so `--array=0-7`, `--array=1-8` and `--array=0-14:2` all give 8 shards;
    /// 3. a Kubernetes Indexed Job: `JOB_COMPLETION_INDEX` (0-based) with
    ///    `kubernetesCount` (the Job's `completions`, passed as `--shards N`);
    /// 4. otherwise the whole batch.
    public static func resolve(
        option: String?, environment: [String: String], kubernetesCount: Int? = nil
    ) throws(BatchError) -> Shard {
        if let option { return try parse(option) }
        if let id = environment["SLURM_ARRAY_TASK_ID"] {
            let taskID = try integer(id, "SLURM_ARRAY_TASK_ID")
            guard let countText = environment["SLURM_ARRAY_TASK_COUNT"] else {
                throw .invalidShard(
                    source: "SLURM_ARRAY_TASK_COUNT", value: "",
                    expected: "the number of array tasks (set by sbatch --array)")
            }
            let count = try integer(countText, "SLURM_ARRAY_TASK_COUNT")
            let minimum = try environment["SLURM_ARRAY_TASK_MIN"].map { v throws(BatchError) in
                try integer(v, "SLURM_ARRAY_TASK_MIN")
            } ?? 0
            let step = try environment["SLURM_ARRAY_TASK_STEP"].map { v throws(BatchError) in
                try integer(v, "SLURM_ARRAY_TASK_STEP")
            } ?? 1
            guard step >= 1, (taskID - minimum) % step == 0,
                  let shard = Shard(index: (taskID - minimum) / step, count: count)
            else {
                throw .invalidShard(
                    source: "SLURM_ARRAY_TASK_ID", value: id,
                    expected: "a task of a contiguous array (MIN + k x STEP, k < SLURM_ARRAY_TASK_COUNT = \(count))")
            }
            return shard
        }
        if let indexText = environment["JOB_COMPLETION_INDEX"] {
            let index = try integer(indexText, "JOB_COMPLETION_INDEX")
            guard let count = kubernetesCount else {
                throw .invalidShard(
                    source: "JOB_COMPLETION_INDEX", value: indexText,
                    expected: "the number of shards as well (--shards N, the Job's completions)")
            }
            guard let shard = Shard(index: index, count: count) else {
                throw .invalidShard(
                    source: "JOB_COMPLETION_INDEX", value: indexText, expected: "0 <= index < \(count)")
            }
            return shard
        }
        if let kubernetesCount, kubernetesCount != 1 {
            throw .invalidShard(
                source: "--shards", value: String(kubernetesCount),
                expected: "JOB_COMPLETION_INDEX to be set (a Kubernetes Indexed Job)")
        }
        return .whole
    }

    private static func integer(_ text: String, _ name: String) throws(BatchError) -> Int {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw .invalidShard(source: name, value: text, expected: "an integer")
        }
        return value
    }
}
