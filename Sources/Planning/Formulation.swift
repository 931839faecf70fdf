import LocationModels
import Optimisation

/// A planning MILP whose rows remember which scenario constraint they come from.
///
/// The planner needs three views of one model: the model itself, a version with some
/// constraint groups dropped (to find which groups conflict), and an elastic version in which
/// one group may be violated at a price (to say by how much it must be relaxed). Keeping rows
/// here, tagged, and materialising a `LinearModel` per view avoids building the model three ways.
struct Formulation {
    struct Row {
        var columns: [Int]
        var coefficients: [Double]
        var lower: Double
        var upper: Double
        var group: ConstraintGroup?
        /// Which of its group's floors the row is, when the group has one per district or service
        /// (a district's index; for services a key the model chooses), so one floor can be made
        /// elastic alone to find the most it can reach (`elasticModel(elastic:member:dropping:)`).
        var member: Int?
        /// A coverage link (z_g <= sum of its covering sites) that a Benders master leaves out and
        /// generates where violated (``CoverageCuts``); every other view keeps it.
        var isCoverageLink = false
    }

    private(set) var model = LinearModel(sense: .minimise)
    private(set) var rows: [Row] = []

    init(sense: ObjectiveSense) {
        model = LinearModel(sense: sense)
    }

    var variableCount: Int { model.variableCount }
    var rowCount: Int { rows.count }

    mutating func addVariable(_ kind: VariableKind, lower: Double = 0, upper: Double = .infinity, objective: Double = 0) -> Int {
        model.addVariable(kind, lower: lower, upper: upper, objective: objective)
    }

    mutating func setObjectiveConstant(_ value: Double) { model.objectiveConstant = value }

    mutating func setObjective(_ column: Int, _ coefficient: Double) { model.setObjectiveCoefficient(column, coefficient) }

    /// Adds `lower <= sum coefficients * x[columns] <= upper`, tagged with `group` (nil: structural).
    mutating func addRow(_ columns: [Int], _ coefficients: [Double], lower: Double = -.infinity, upper: Double = .infinity,
                         group: ConstraintGroup?, member: Int? = nil) {
        rows.append(Row(columns: columns, coefficients: coefficients, lower: lower, upper: upper, group: group, member: member))
    }

    /// Adds the coverage link `z <= sum y[sites]` (structural; see ``Row/isCoverageLink``).
    mutating func addCoverageLink(share z: Int, sites: [Int]) {
        rows.append(Row(columns: [z] + sites, coefficients: [1] + sites.map { _ in -1 }, lower: -.infinity, upper: 0,
                        group: nil, isCoverageLink: true))
    }

    /// The coverage links as Benders cuts, in row order; nil when there are none.
    var coverageCuts: CoverageCuts? {
        let links = rows.filter(\.isCoverageLink)
        guard !links.isEmpty else { return nil }
        return CoverageCuts(share: links.map { $0.columns[0] }, covering: links.map { Array($0.columns.dropFirst()) })
    }

    /// The Benders master: the model without its coverage links.
    func bendersMaster() -> LinearModel {
        var result = model
        for row in rows where !row.columns.isEmpty && !row.isCoverageLink {
            result.addRow(columns: row.columns, coefficients: row.coefficients, lower: row.lower, upper: row.upper)
        }
        return result
    }

    /// What identifies a row of ``linearModel(dropping:feasibilityOnly:)`` from one model to a
    /// neighbour's (a limit moved or dropped): its group, member and terms, not its bounds.
    struct RowKey: Hashable, Sendable {
        var group: ConstraintGroup?
        var member: Int?
        var columns: [Int]
        var coefficients: [Double]
    }

    /// The keys of the rows of ``linearModel(dropping:feasibilityOnly:)`` with nothing dropped, in order.
    var rowKeys: [RowKey] {
        rows.filter { !$0.columns.isEmpty }.map { RowKey(group: $0.group, member: $0.member, columns: $0.columns, coefficients: $0.coefficients) }
    }

    /// The groups that have at least one row.
    var groups: Set<ConstraintGroup> { Set(rows.compactMap(\.group)) }

    /// Whether a row with no columns (a constraint no decision can influence, such as a coverage
    /// share above what the reachable areas hold) is violated among the rows that are not dropped.
    func hasViolatedEmptyRow(dropping dropped: Set<ConstraintGroup> = []) -> Bool {
        rows.contains { row in
            row.columns.isEmpty && !(row.group.map(dropped.contains) ?? false)
                && (row.lower > Self.tolerance || row.upper < -Self.tolerance)
        }
    }

    /// Feasibility tolerance for rows with no columns, matching GLPK's primal tolerance scale.
    static let tolerance = 1e-7

    /// The model with the rows of `dropped` left out; with `feasibilityOnly` the objective is zero,
    /// so a solve answers "is there any plan?" as fast as GLPK can. Rows with no columns are left to
    /// `hasViolatedEmptyRow`, since GLPK has nothing to decide about them.
    func linearModel(dropping dropped: Set<ConstraintGroup> = [], feasibilityOnly: Bool = false) -> LinearModel {
        var result = model
        if feasibilityOnly {
            for j in 0 ..< result.variableCount { result.setObjectiveCoefficient(j, 0) }
            result.objectiveConstant = 0
            result.sense = .minimise
        }
        for row in rows where !row.columns.isEmpty && (row.group.map({ !dropped.contains($0) }) ?? true) {
            result.addRow(columns: row.columns, coefficients: row.coefficients, lower: row.lower, upper: row.upper)
        }
        return result
    }

    /// The model in which the rows of `elastic` may be violated: each gets a slack column, and the
    /// objective is the group's total violation, in the group's own unit (one group is elastic at a
    /// time, so units never mix). Rows of `dropped` are left out. With `member`, only that floor
    /// of the group is elastic and the group's other floors are left out: the least violation is
    /// then how far that one floor is beyond reach with every other constraint held.
    func elasticModel(elastic: ConstraintGroup, member: Int? = nil, dropping dropped: Set<ConstraintGroup>)
        -> (model: LinearModel, slacks: [Int]) {
        var result = model
        for j in 0 ..< result.variableCount { result.setObjectiveCoefficient(j, 0) }
        result.objectiveConstant = 0
        result.sense = .minimise
        var slacks: [Int] = []
        for row in rows {
            guard let group = row.group else {
                result.addRow(columns: row.columns, coefficients: row.coefficients, lower: row.lower, upper: row.upper)
                continue
            }
            if dropped.contains(group) { continue }
            guard group == elastic else {
                result.addRow(columns: row.columns, coefficients: row.coefficients, lower: row.lower, upper: row.upper)
                continue
            }
            if let member, row.member != member { continue }
            var columns = row.columns, coefficients = row.coefficients
            if row.upper.isFinite {
                let s = result.addVariable(.continuous, objective: 1)
                columns.append(s); coefficients.append(-1); slacks.append(s)
            }
            if row.lower.isFinite {
                let s = result.addVariable(.continuous, objective: 1)
                columns.append(s); coefficients.append(1); slacks.append(s)
            }
            result.addRow(columns: columns, coefficients: coefficients, lower: row.lower, upper: row.upper)
        }
        return (result, slacks)
    }
}

extension Formulation {
    /// Each capacitated site's assigned demand within its capacity, and none at a closed one
    /// (`load <= capacity * y`). Split and single-sourced assignment share this row; only how
    /// the load's columns are made differs.
    mutating func addCapacityRows(load: [[(column: Int, demand: Double)]], capacities: [Double?], siteColumn: [Int?]) {
        for j in capacities.indices {
            guard let capacity = capacities[j], !load[j].isEmpty else { continue }
            var columns = load[j].map(\.column), coefficients = load[j].map(\.demand)
            if let y = siteColumn[j] {
                columns.append(y); coefficients.append(-capacity)
                addRow(columns, coefficients, upper: 0, group: .capacity)
            } else {
                addRow(columns, coefficients, upper: capacity, group: .capacity)
            }
        }
    }
}
