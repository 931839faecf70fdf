import Estate
import EstateIO
import Foundation
import Planning

/// Turns a command-line argument into a comparison option: a plan folder is read back as it
/// is; a scenario file (YAML or JSON) is loaded and planned first, and nothing is written for it.
public enum ComparisonOption {
    /// The option's name: a folder's last path component ("out" for `runs/out/`), or a scenario
    /// file's name without its extension ("tight" for `kent/tight.yaml`).
    public static func name(for path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            return url.deletingPathExtension().lastPathComponent
        }
        return url.lastPathComponent
    }

    /// Loads the option at `path`. Throws `InputErrors` for a bad folder or scenario,
    /// `PlanningError` for contradictory settings, and `ComparisonError.noPlan` when the plan has
    /// no decisions (e.g. the scenario is infeasible). A scenario reads its travel times through
    /// `travelCache` when given, as `estate plan --travel-cache` does; its explanations' re-solves
    /// are `explainResolves` at most (the default allowance when nil).
    public static func load(_ path: String, engineVersion: String, travelCache: TravelCache? = nil,
                            explainResolves: Int? = nil) throws -> PlanRecord {
        let name = name(for: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputErrors([InputError(file: path, expected: "a plan folder written by `estate plan`, or a scenario file, that exists")])
        }
        if isDirectory.boolValue { return try PlanFolderReader.read(folder: path, name: name) }
        let inputs = try InputLoader.load(path: path, travelCache: travelCache)
        var context = try PlanPipeline.run(scenario: inputs.scenario, dataset: inputs.dataset)
        // Explained as `estate plan` explains it (limits stepped and dropped within the same
        // allowance of re-solves; no per-site re-solves), so a scenario option compares as its plan folder would.
        context.explanation = try PlanExplainer.explain(context, resolves: explainResolves ?? PlanExplainer.defaultResolves)
        return try PlanRecord(context: context, name: name, source: path, engineVersion: engineVersion)
    }
}
