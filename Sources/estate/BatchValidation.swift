import Batch
import BatchPlanning
import Estate
import EstateIO
import Foundation

/// What `estate batch` checks before its first scenario runs and before anything is written.
///
/// Why: what is the same for every scenario — the scenario file's shape, the axis names and
/// value types, the dataset and shared files — would otherwise fail in every row of
/// `results.csv` while the command exits 0. Each expanded scenario is decoded (cheap), and the
/// shared inputs of this shard's scenarios are read and derived once (work the run reuses).
/// Only solver outcomes are left to the rows.
enum BatchValidation {
    /// Expands and decodes the batch and prepares this shard's shared inputs; returns the
    /// dataset folders read, which the output folder must stay clear of. Throws `BatchError`
    /// or `InputErrors` for the first problem found.
    static func check(scenarioFile: URL, shard: Shard, inputs: SharedInputs) throws -> [URL] {
        if let problem = SystemErrorText.problemReading(scenarioFile.path) {
            throw InputErrors([InputError(file: scenarioFile.lastPathComponent,
                                          expected: "a readable scenario file at \(scenarioFile.path) (it \(problem))")])
        }
        let all = try BatchExpansion.expand(contentsOf: scenarioFile)
        let mine = Set(shard.select(all).map(\.id))
        var datasets = Set<String>()
        for expanded in all {
            do {
                let scenario = try inputs.scenario(expanded)
                if mine.contains(expanded.id) { datasets.insert(try inputs.prepare(scenario).dataset.source) }
            } catch let errors as InputErrors {
                // The axis or variant at fault is named at its own line; add the batch scenario.
                let traced = inputs.attribute(errors, to: expanded.overrides)
                throw InputErrors(traced.errors.map { error in
                    var error = error
                    error.expected += " (in batch scenario \(expanded.name))"
                    return error
                }, omitted: errors.omitted)
            }
        }
        return datasets.sorted().map { URL(fileURLWithPath: $0) }
    }
}
