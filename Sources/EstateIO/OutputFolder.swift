import Estate
import Foundation

/// The one rule every writing command applies to its `--out` folder, so that Estate can only
/// ever replace or write into a folder it wrote itself.
///
/// Why: replacing a folder deletes what was in it. Each folder Estate writes carries a small
/// manifest (`estate-output.json`: tool, version, kind, files); a folder may be replaced only
/// when it carries that manifest, holds nothing the manifest does not list, and is not (or does
/// not contain) one of the command's inputs. Anything else — the dataset's own folder, a parent
/// of an input, an existing file, a folder with someone's files in it — is refused before
/// anything is written, and the refusal says why.
public struct OutputFolder: Sendable {
    /// What an Estate folder holds; decides what a command may do with an existing one.
    public enum Kind: String, Sendable, CaseIterable {
        /// `estate plan`'s folder (also each `plans/<id>` folder of a batch).
        case plan
        /// `estate score`'s need tables.
        case score
        /// `estate compare`'s tables and maps.
        case compare
        /// `estate frontier`'s frontier.csv and chart.
        case frontier
        /// `estate batch`'s results database, its CSV export and plans.
        case batch
        /// A dataset written by `estate generate`.
        case dataset

        /// Folders of these kinds are reports that one command run rewrites whole, so one may
        /// replace another. A batch folder (hours of results) and a dataset are never replaced.
        public var isReplaceable: Bool {
            switch self {
            case .plan, .score, .compare, .frontier: return true
            case .batch, .dataset: return false
            }
        }
    }

    /// The manifest's file name, present in every folder Estate writes.
    public static let manifestName = "estate-output.json"

    /// Why an output folder was refused; nothing was written.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        /// The output path as the user gave it.
        public var path: String
        /// What is wrong with it, in plain words.
        public var reason: String
        /// `--out PATH: reason`.
        public var description: String { "--out \(path): \(reason); nothing was written" }
    }

    /// What is at the target now.
    public enum Existing: Sendable, Equatable {
        /// Nothing: the folder will be created.
        case absent
        /// An empty folder.
        case empty
        /// A folder Estate wrote, of this kind.
        case estate(Kind)
    }

    /// The output folder.
    public var url: URL
    /// The path as the user gave it, for messages.
    public var displayPath: String
    /// What this command writes there.
    public var kind: Kind
    /// The command's input files and folders: the output may be none of them and contain none.
    public var inputs: [URL]
    /// Recorded in the manifest (`estate 0.1.0`'s version).
    public var version: String

    /// An output folder for a command writing `kind`, which reads `inputs`.
    public init(url: URL, kind: Kind, inputs: [URL] = [], version: String) {
        self.url = url
        self.displayPath = url.path
        self.kind = kind
        self.inputs = inputs
        self.version = version
    }

    /// An output folder at a command-line path.
    public init(path: String, kind: Kind, inputs: [URL] = [], version: String) {
        self.init(url: URL(fileURLWithPath: path), kind: kind, inputs: inputs, version: version)
        displayPath = path
    }

    /// Checks the rule without writing anything; commands call it before the long work, and
    /// every write calls it again.
    @discardableResult
    public func check() throws(Refusal) -> Existing {
        let path = url.path
        let target = Self.canonical(url)
        for input in inputs {
            let input = Self.canonical(input)
            if input == target {
                throw refusal("is one of the command's inputs")
            }
            if input.hasPrefix(target == "/" ? "/" : target + "/") {
                throw refusal("contains the input \(input); choose a folder outside the inputs")
            }
        }
        let manager = FileManager.default
        if let type = (try? manager.attributesOfItem(atPath: path))?[.type] as? FileAttributeType {
            switch type {
            case .typeDirectory: break
            case .typeSymbolicLink: throw refusal("is a symbolic link; give the folder itself")
            case .typeRegular: throw refusal("is an existing file, not a folder")
            default: throw refusal("exists and is not a folder")
            }
        } else {
            return .absent
        }
        let entries: [String]
        do { entries = try manager.contentsOfDirectory(atPath: path) } catch {
            throw refusal("is a folder that cannot be read (\(SystemErrorText.describe(error)))")
        }
        if entries.isEmpty { return .empty }
        guard entries.contains(Self.manifestName),
              let manifest = Manifest.read(url.appendingPathComponent(Self.manifestName)) else {
            throw refusal("is a folder Estate did not write (it holds \(Self.sample(entries))); "
                + "choose a new or empty folder")
        }
        if kind.isReplaceable {
            guard manifest.kind.isReplaceable else {
                throw refusal("is an Estate \(manifest.kind.rawValue) folder, which estate \(kind.rawValue) never replaces")
            }
            let unexpected = entries.filter { $0 != Self.manifestName && !manifest.files.contains($0) }.sorted()
            if !unexpected.isEmpty {
                throw refusal("is an Estate \(manifest.kind.rawValue) folder, but also holds files Estate did not write "
                    + "(\(Self.sample(unexpected))); move them or choose another folder")
            }
        } else if manifest.kind != kind {
            throw refusal("is an Estate \(manifest.kind.rawValue) folder, not a \(kind.rawValue) folder")
        }
        return .estate(manifest.kind)
    }

    /// Writes `files` as the whole folder (plan, score, compare, frontier), replacing an earlier
    /// Estate folder only as `check()` allows. The manifest is added to the files.
    /// Throws `Refusal` or `AtomicFolder.WriteError`.
    public func replace(with files: [(name: String, contents: [UInt8])]) throws {
        try check()
        try AtomicFolder.write(files + [(Self.manifestName, manifest(files: files.map(\.name)))], to: url)
    }

    /// Prepares a folder that is written into rather than replaced (a batch, a dataset):
    /// creates it when absent and writes the manifest listing `files`, leaving other files alone.
    /// Returns whether the folder was created here, so a command that then fails can remove it.
    @discardableResult
    /// Throws `Refusal` or `AtomicFolder.WriteError`.
    public func prepare(files: [String]) throws -> Bool {
        let existing = try check()
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Data(manifest(files: files)).write(to: url.appendingPathComponent(Self.manifestName), options: .atomic)
        } catch {
            throw AtomicFolder.WriteError(path: url.path, reason: SystemErrorText.describe(error))
        }
        return existing == .absent
    }

    /// Removes a folder that `prepare` created, when a command fails before writing anything
    /// else into it (no empty folders left behind).
    public func removeIfOnlyManifest() {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: url.path),
              entries.allSatisfy({ $0 == Self.manifestName }) else { return }
        try? FileManager.default.removeItem(at: url)
    }

    /// Adds `names` to the manifest of the Estate folder `folder` (a report written into a plan
    /// folder), so the folder stays replaceable. Does nothing to a folder without a manifest.
    public static func register(_ names: [String], in folder: URL) throws {
        let url = folder.appendingPathComponent(manifestName)
        guard let manifest = Manifest.read(url) else { return }
        let files = Array(Set(manifest.files + names))
        let rewritten = OutputFolder(url: folder, kind: manifest.kind, version: manifest.version ?? "")
        try Data(rewritten.manifest(files: files)).write(to: url, options: .atomic)
    }

    /// The manifest's bytes: which tool and version wrote the folder, what kind it is and its files.
    public func manifest(files: [String]) -> [UInt8] {
        let names = files.sorted().map(JSONText.string).joined(separator: ", ")
        return Array("""
            {
              "tool": "estate",
              "version": \(JSONText.string(version)),
              "kind": "\(kind.rawValue)",
              "files": [\(names)]
            }

            """.utf8)
    }

    private func refusal(_ reason: String) -> Refusal { Refusal(path: displayPath, reason: reason) }

    /// An absolute path with `.`/`..` and symbolic links resolved, for comparing folders.
    static func canonical(_ url: URL) -> String {
        let path = url.standardizedFileURL.resolvingSymlinksInPath().path
        return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// At most a few names, for a message that stays short whatever the folder holds.
    static func sample(_ names: [String]) -> String {
        let sorted = names.sorted()
        let shown = sorted.prefix(3).joined(separator: ", ")
        return sorted.count > 3 ? "\(shown) and \(sorted.count - 3) more" : shown
    }

    /// The manifest as read back: only what the rule needs.
    struct Manifest: Decodable {
        var tool: String
        var version: String?
        var kind: Kind
        var files: [String]

        static func read(_ url: URL) -> Manifest? {
            guard let data = FileManager.default.contents(atPath: url.path), data.count < 1 << 20,
                  let manifest = try? JSONDecoder().decode(Manifest.self, from: data),
                  manifest.tool == "estate" else { return nil }
            return manifest
        }
    }
}

extension OutputFolder.Kind: Decodable {}
