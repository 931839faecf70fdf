import Batch
import Estate
import EstateIO
import Foundation
import Planning

/// What one scenario of a batch plans on: the dataset and its derived planning inputs
/// (need scores, dense instance, deprivation), all shared with every other scenario that
/// reads the same inputs.
public struct PreparedScenario: Sendable {
    /// The dataset, read once per batch.
    public var dataset: Dataset
    /// Need scores, the dense instance and deprivation scores, derived once per instance key.
    public var inputs: PlanningInputs
    /// Identifies the instance (dataset, needs, travel, visits per child) among the
    /// batch's instances, for caches keyed by instance.
    public var instanceKey: String
    /// SHA-256 (hex) of every input file, keyed by path as the scenario names it
    /// (`scenario.yaml`, `datasets/kent/areas.csv`).
    public var inputHashes: [String: String]
}

/// The inputs of one batch, read and derived once and shared by all its scenarios.
///
/// Why: a 1,000-scenario batch varies budgets and coverage times far more often than
/// data. Reading and validating the CSVs, scoring need and estimating travel times
/// cost more than a small solve, so each is done once per distinct key: the dataset
/// per (folder, named indicator columns), the scores per needs framework, travel per
/// (speed, circuity, horizon), the dense instance per (scores, travel, visits per
/// child). Safe to use from many threads at once; the first thread to need a value
/// computes it while others asking for the same value wait.
public final class SharedInputs: Sendable {
    /// The batch's scenario file; relative paths in expanded scenarios (`dataset:`,
    /// `needs:`) are resolved against its folder.
    public let scenarioFile: URL
    /// Where the datasets' travel times are cached between runs (`--travel-cache`), if anywhere.
    public let travelCache: TravelCache?
    private let digests = InputDigests()
    private let needsFiles = OnceCache<String, ScenarioNode?>()
    private let datasets = OnceCache<DatasetKey, Dataset>()
    private let scores = OnceCache<ScoresKey, NeedScores>()
    private let travel = OnceCache<TravelKey, TravelTimes>()
    private let instances = OnceCache<InstanceKey, PlanningInputs>()
    private let hashes = OnceCache<HashKey, [String: String]>()

    /// Inputs for the scenarios expanded from `scenarioFile`.
    public init(scenarioFile: URL, travelCache: TravelCache? = nil) {
        self.scenarioFile = scenarioFile.standardizedFileURL
        self.travelCache = travelCache
    }

    /// Decodes an expanded scenario with the ordinary scenario decoder, so a batch scenario
    /// means exactly what the same settings mean to `estate plan`; an error names the axis or
    /// variant at fault. `needs: file.yaml` is read (once) relative to the scenario file.
    public func scenario(_ expanded: ExpandedScenario) throws -> Scenario {
        let file = scenarioFile.lastPathComponent
        let tree = expanded.document
        do {
            let needs = try needsFiles.value(for: tree["needs"]?.text ?? "") {
                try ScenarioReader.needsFile(of: tree, file: file, folder: scenarioFile.deletingLastPathComponent())
            }
            return try ScenarioReader.decode(tree, file: file, needs: needs)
        } catch let errors as InputErrors {
            throw attribute(errors, to: expanded.overrides)
        }
    }

    /// Errors in an expanded scenario, traced back to the batch file: an error in a setting an
    /// override made names that override (`batch.constraints.budget`, `variants.tight.carbon`)
    /// at the line of its value; any other lies in the base scenario, at its own line (the
    /// expanded tree keeps the file's lines). Errors in other files (the dataset's CSVs, a
    /// needs file) are left as they are.
    public func attribute(_ errors: InputErrors, to overrides: [ScenarioOverride]) -> InputErrors {
        InputErrors(errors.errors.map { error in
            guard error.file == scenarioFile.lastPathComponent, let keyPath = error.column,
                  let override = overrides.last(where: { $0.covers(keyPath) }) else { return error }
            var traced = error
            traced.column = override.origin + "." + keyPath
            (traced.line, traced.position) = (override.line, override.column)
            return traced
        }, omitted: errors.omitted)
    }

    /// The shared dataset, scores and instance for `scenario`, computing each at most
    /// once per batch.
    public func prepare(_ scenario: Scenario) throws -> PreparedScenario {
        let folder = ScenarioReader.datasetURL(for: scenario, scenarioURL: scenarioFile)
        let datasetKey = DatasetKey(
            folder: folder.path, indicators: scenario.namedAreaColumns.sorted(),
            allowBlank: scenario.needs?.missing == .districtMedian)
        let dataset = try datasets.value(for: datasetKey) { try readDataset(datasetKey, scenario: scenario) }
        let missing = scenario.missingColumnErrors(available: dataset.indicators.names)
        if !missing.isEmpty { throw InputErrors(missing) }

        let scoresKey = ScoresKey(dataset: datasetKey, needs: scenario.needs)
        let travelKey = dataset.travel != nil
            ? TravelKey(dataset: datasetKey, model: nil, horizon: scenario.travelFileHorizonMinutes)
            : TravelKey(dataset: datasetKey, model: scenario.travel.model, horizon: scenario.effectiveHorizonMinutes)
        let instanceKey = InstanceKey(scores: scoresKey, travel: travelKey,
                                      visitsPerChild: scenario.constraints.visitsPerChild,
                                      services: scenario.services.map { "\($0.code):\($0.population)" })
        let shared = try instances.value(for: instanceKey) {
            let areaScores = try scores.value(for: scoresKey) { try NeedScores(dataset: dataset, needs: scenario.needs) }
            let times = try travel.value(for: travelKey) { scenario.travelTimes(for: dataset) }
            return try PlanningInputs(scenario: scenario, dataset: dataset, scores: areaScores, travel: times)
        }
        let needsFile = scenario.document["needs"]?.text
        let inputHashes = try hashes.value(for: HashKey(dataset: datasetKey, datasetPath: scenario.dataset,
                                                        needsFile: needsFile)) {
            try hashInputs(folder: folder, datasetPath: scenario.dataset, needsFile: needsFile)
        }
        return PreparedScenario(dataset: dataset, inputs: shared, instanceKey: String(describing: instanceKey),
                                inputHashes: inputHashes)
    }

    /// Reads a dataset as `InputLoader` does, pointing at `dataset:` when the folder is missing.
    private func readDataset(_ key: DatasetKey, scenario: Scenario) throws -> Dataset {
        let folder = URL(fileURLWithPath: key.folder)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            let node = scenario.document["dataset"]
            throw InputErrors([InputError(
                file: scenario.file, line: node?.line, column: "dataset", position: node?.column, value: scenario.dataset,
                expected: "a dataset folder, relative to the scenario file (\(folder.path) does not exist)")])
        }
        var dataset = try DatasetReader.read(folder: folder, indicators: key.indicators, allowBlankIndicators: key.allowBlank,
                                             travelCache: travelCache)
        dataset.source = folder.path
        return dataset
    }

    /// Hashes the scenario file, its needs file and every dataset file that exists: FORMAT.md's
    /// files, or, for a folder whose `dataset.yaml` names its files, that manifest and its files.
    private func hashInputs(folder: URL, datasetPath: String, needsFile: String?) throws -> [String: String] {
        var files = [scenarioFile.lastPathComponent: scenarioFile]
        if let needsFile {
            files[needsFile] = URL(fileURLWithPath: needsFile, relativeTo: scenarioFile.deletingLastPathComponent())
        }
        let prefix = datasetPath == "." || datasetPath.isEmpty ? "" : datasetPath.hasSuffix("/") ? datasetPath : datasetPath + "/"
        var names = ["areas.csv", "sites.csv", "usage.csv", "travel.csv"]
        let manifestURL = folder.appendingPathComponent(DatasetReader.provenanceFile)
        if FileManager.default.fileExists(atPath: manifestURL.path), let manifest = try DatasetManifest.read(url: manifestURL) {
            names = [DatasetReader.provenanceFile] + manifest.areas.map(\.file) + [manifest.sites.file]
                + [manifest.usage, manifest.travel, manifest.boundaries?.file].compactMap { $0 }
        }
        for name in names {
            let url = folder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path) { files[prefix + name] = url }
        }
        return try digests.hashes(of: files)
    }
}

private struct DatasetKey: Hashable, Sendable {
    var folder: String
    var indicators: [String]
    var allowBlank: Bool
}

private struct ScoresKey: Hashable, Sendable {
    var dataset: DatasetKey
    var needs: NeedsFramework?
}

private struct TravelKey: Hashable, Sendable {
    var dataset: DatasetKey
    var model: TravelModel?
    var horizon: Double?
}

private struct InstanceKey: Hashable, Sendable {
    var scores: ScoresKey
    var travel: TravelKey
    var visitsPerChild: Double
    /// Each service's code and population column (its weights and demand come from them).
    var services: [String]
}

private struct HashKey: Hashable, Sendable {
    var dataset: DatasetKey
    var datasetPath: String
    var needsFile: String?
}
