import Estate
import Foundation

/// A scenario with its dataset, read and validated together.
public struct LoadedInputs: Sendable {
    /// The scenario (defaults when a dataset folder was given instead of a scenario).
    public var scenario: Scenario
    /// The scenario file, or `nil` when a dataset folder was given.
    public var scenarioURL: URL?
    /// The dataset folder.
    public var datasetURL: URL
    /// The dataset.
    public var dataset: Dataset

    /// Every file and folder read: the scenario, its `needs:` file and the dataset folder. An
    /// output folder may be none of these and contain none of them (`OutputFolder`).
    public var inputURLs: [URL] {
        var urls = [datasetURL]
        if let scenarioURL {
            urls.append(scenarioURL)
            if let needs = scenario.document["needs"]?.text, !needs.isEmpty {
                urls.append(URL(fileURLWithPath: needs, relativeTo: scenarioURL.deletingLastPathComponent()))
            }
        }
        return urls
    }
}

/// Resolves a command-line argument (a scenario file or a dataset folder) and loads everything,
/// validating across files: the needs framework's columns must exist in `areas.csv`.
public enum InputLoader {
    /// The bundled default scenario, relative to the repository root.
    public static let defaultScenarioPath = "datasets/kent/scenario.yaml"

    /// Finds the default scenario: first relative to the current directory, then relative to
    /// each parent of the running executable (so `.build/release/estate` finds the repository's
    /// copy from anywhere). `nil` when neither exists.
    public static func defaultScenarioURL(currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                                          executable: URL = URL(fileURLWithPath: CommandLine.arguments.first ?? "")) -> URL? {
        let local = currentDirectory.appendingPathComponent(defaultScenarioPath)
        if FileManager.default.fileExists(atPath: local.path) { return local }
        var folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent(defaultScenarioPath)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    /// Loads `path`: a dataset folder (read with the default scenario, no needs framework) or a
    /// scenario file (YAML or JSON) whose `dataset:` is resolved relative to it. `travelCache`
    /// keeps the travel times read, for the next run on the same files (`TravelCache`).
    public static func load(path: String, travelCache: TravelCache? = nil) throws(InputErrors) -> LoadedInputs {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw InputErrors([InputError(file: path, expected: "a scenario file or a dataset folder that exists")])
        }
        if isDirectory.boolValue {
            let scenario = Scenario(file: "<defaults>", dataset: url.path)
            let dataset = try DatasetReader.read(folder: url, travelCache: travelCache)
            return LoadedInputs(scenario: scenario, scenarioURL: nil, datasetURL: url, dataset: dataset)
        }
        let scenario: Scenario
        do { scenario = try ScenarioReader.read(url: url) } catch {
            throw error.adding(datasetErrorsBehind(scenarioURL: url))
        }
        let datasetURL = ScenarioReader.datasetURL(for: scenario, scenarioURL: url)
        let named = scenario.namedAreaColumns
        var dataset: Dataset
        do {
            dataset = try DatasetReader.read(folder: datasetURL, indicators: named,
                                             allowBlankIndicators: scenario.needs?.missing == .districtMedian,
                                             travelHorizonMinutes: scenario.travelFileHorizonMinutes, travelCache: travelCache)
        } catch {
            // A dataset path that does not exist is the scenario's error: point at `dataset:`.
            var isFolder: ObjCBool = false
            if !FileManager.default.fileExists(atPath: datasetURL.path, isDirectory: &isFolder) || !isFolder.boolValue {
                let node = scenario.document["dataset"]
                throw InputErrors([InputError(file: scenario.file, line: node?.line, column: "dataset", position: node?.column,
                                              value: scenario.dataset,
                                              expected: "a dataset folder, relative to the scenario file (\(datasetURL.path) does not exist)")])
            }
            throw error
        }
        let missing = scenario.missingColumnErrors(available: dataset.indicators.names)
        if !missing.isEmpty { throw InputErrors(missing) }
        dataset.source = datasetURL.path
        return LoadedInputs(scenario: scenario, scenarioURL: url, datasetURL: datasetURL, dataset: dataset)
    }

    /// When the scenario itself is bad, the dataset it names is still checked, so that one run
    /// reports the problems of every file: the `dataset:` entry is read from the raw document.
    static func datasetErrorsBehind(scenarioURL: URL) -> InputErrors? {
        guard let text = try? String(contentsOf: scenarioURL, encoding: .utf8),
              let tree = try? ScenarioReader.parse(text: text, file: scenarioURL.lastPathComponent),
              let path = tree["dataset"]?.text, !path.isEmpty else { return nil }
        let folder = URL(fileURLWithPath: path, relativeTo: scenarioURL.deletingLastPathComponent()).standardizedFileURL
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else { return nil }
        do { _ = try DatasetReader.read(folder: folder, allowBlankIndicators: true) } catch { return error }
        return nil
    }
}

extension InputErrors {
    /// These errors followed by `other`'s (when there are any).
    func adding(_ other: InputErrors?) -> InputErrors {
        guard let other else { return self }
        return InputErrors(errors + other.errors, omitted: omitted + other.omitted)
    }
}
