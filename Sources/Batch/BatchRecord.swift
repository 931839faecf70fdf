import Estate
import Foundation
import GRDB

/// One row of the results database: a scenario, its result, and how to reproduce it.
public struct BatchRecord: Sendable, Equatable {
    /// The scenario's stable id (`ExpandedScenario.id`), the primary key.
    public var id: String
    /// The scenario's label (`ExpandedScenario.name`).
    public var name: String
    /// The varied parameters as a JSON object with sorted keys.
    public var parameters: String
    /// The result as returned by the planner closure.
    public var result: BatchResult
    /// Wall-clock seconds the planner closure took for this scenario.
    public var seconds: Double
    /// Version of the engine that computed the row.
    public var engineVersion: String
    /// The shard that computed the row, `K/N` (1-based).
    public var shard: String
    /// When the scenario started, ISO 8601 UTC with milliseconds.
    public var startedAt: String
    /// When the scenario finished, ISO 8601 UTC with milliseconds.
    public var finishedAt: String

    /// A row; the kept sites are sorted so equal plans give equal rows.
    public init(
        id: String, name: String, parameters: String, result: BatchResult, seconds: Double,
        engineVersion: String, shard: String, startedAt: String, finishedAt: String
    ) {
        self.id = id
        self.name = name
        self.parameters = parameters
        var result = result
        result.keptSites.sort()
        self.result = result
        self.seconds = seconds
        self.engineVersion = engineVersion
        self.shard = shard
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }

    /// The input hashes as canonical JSON (sorted keys): equal text means equal inputs.
    public var inputHashesJSON: String {
        CanonicalJSON.object(result.inputHashes.map { (key: $0.key, json: JSONText.string($0.value)) })
    }

    /// The same row without what legitimately differs between two runs of the same
    /// scenario (seconds, timestamps, shard): equal for equal computations.
    public var reproducible: BatchRecord {
        var copy = self
        copy.seconds = 0
        copy.startedAt = ""
        copy.finishedAt = ""
        copy.shard = ""
        return copy
    }

    /// ISO 8601 UTC with milliseconds, the timestamp form of every row.
    public static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}

extension BatchRecord: FetchableRecord, PersistableRecord {
    /// The table holding one row per scenario.
    public static let databaseTableName = "results"

    /// Column names, in table order.
    enum Column: String, CaseIterable {
        case id, name, parameters, status, objective, bound, gap, seconds
        case sitesKept = "sites_kept", cost, saving, carbon, coverage
        case keptSites = "kept_sites", inputHashes = "input_hashes"
        case engineVersion = "engine_version", shard
        case startedAt = "started_at", finishedAt = "finished_at", message
    }

    /// Decodes a row; malformed JSON columns are a `BatchError.database`.
    public init(row: Row) throws {
        let statusText: String = row[Column.status.rawValue]
        guard let status = PlanStatus(rawValue: statusText) else {
            throw BatchError.database(path: "", reason: "unknown status `\(statusText)` in row \(row)")
        }
        var totals: BatchTotals?
        if let sitesKept: Int = row[Column.sitesKept.rawValue] {
            totals = BatchTotals(
                sitesKept: sitesKept, cost: row[Column.cost.rawValue], saving: row[Column.saving.rawValue],
                carbon: row[Column.carbon.rawValue], coverage: row[Column.coverage.rawValue])
        }
        let keptJSON: String = row[Column.keptSites.rawValue]
        let hashesJSON: String = row[Column.inputHashes.rawValue]
        let kept = (try? JSONSerialization.jsonObject(with: Data(keptJSON.utf8))) as? [String]
        let hashes = (try? JSONSerialization.jsonObject(with: Data(hashesJSON.utf8))) as? [String: String]
        guard let kept, let hashes else {
            throw BatchError.database(path: "", reason: "malformed kept_sites or input_hashes JSON in row \(row)")
        }
        self.init(
            id: row[Column.id.rawValue], name: row[Column.name.rawValue],
            parameters: row[Column.parameters.rawValue],
            result: BatchResult(
                status: status, objective: row[Column.objective.rawValue], bound: row[Column.bound.rawValue],
                gap: row[Column.gap.rawValue], totals: totals, keptSites: kept, inputHashes: hashes,
                message: row[Column.message.rawValue]),
            seconds: row[Column.seconds.rawValue], engineVersion: row[Column.engineVersion.rawValue],
            shard: row[Column.shard.rawValue], startedAt: row[Column.startedAt.rawValue],
            finishedAt: row[Column.finishedAt.rawValue])
    }

    /// Encodes the row: JSON columns in canonical form (sorted keys and sites).
    public func encode(to container: inout PersistenceContainer) throws {
        container[Column.id.rawValue] = id
        container[Column.name.rawValue] = name
        container[Column.parameters.rawValue] = parameters
        container[Column.status.rawValue] = result.status.rawValue
        container[Column.objective.rawValue] = result.objective
        container[Column.bound.rawValue] = result.bound
        container[Column.gap.rawValue] = result.gap
        container[Column.seconds.rawValue] = seconds
        container[Column.sitesKept.rawValue] = result.totals?.sitesKept
        container[Column.cost.rawValue] = result.totals?.cost
        container[Column.saving.rawValue] = result.totals?.saving
        container[Column.carbon.rawValue] = result.totals?.carbon
        container[Column.coverage.rawValue] = result.totals?.coverage
        container[Column.keptSites.rawValue] = CanonicalJSON.array(result.keptSites.sorted())
        container[Column.inputHashes.rawValue] = inputHashesJSON
        container[Column.engineVersion.rawValue] = engineVersion
        container[Column.shard.rawValue] = shard
        container[Column.startedAt.rawValue] = startedAt
        container[Column.finishedAt.rawValue] = finishedAt
        container[Column.message.rawValue] = result.message
    }
}
