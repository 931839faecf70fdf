/// A mixed-integer linear program built in bulk, independent of any solver.
///
/// Variables and rows are stored column-by-column and row-by-row in contiguous arrays
/// (rows in compressed sparse row form), so building a model with millions of
/// coefficients costs a few array appends per coefficient and the solver receives the
/// whole matrix in one call. Indices are 0-based. Mistakes (an unknown variable, a row
/// whose column and coefficient counts differ) are recorded, not trapped, and reported
/// by ``validate()`` and by ``GLPKSolver/solve(_:options:)`` as a ``ModelError``.
public struct LinearModel: Sendable {
    /// Whether the objective is minimised or maximised.
    public var sense: ObjectiveSense
    /// A constant added to the objective value (and bound) reported in a ``Solution``.
    public var objectiveConstant: Double = 0

    var kinds: [VariableKind] = []
    var lower: [Double] = []
    var upper: [Double] = []
    var objective: [Double] = []
    var variableNames: [Int: String] = [:]

    /// Row `r` occupies `rowColumns[rowStart[r] ..< rowStart[r + 1]]`.
    var rowStart: [Int] = [0]
    var rowColumns: [Int] = []
    var rowCoefficients: [Double] = []
    var rowLower: [Double] = []
    var rowUpper: [Double] = []
    var rowNames: [Int: String] = [:]

    /// The first misuse seen while building (reported by `validate`).
    var deferredError: ModelError?

    /// An empty model.
    public init(sense: ObjectiveSense = .minimise) {
        self.sense = sense
    }

    /// Number of variables (columns).
    public var variableCount: Int { kinds.count }
    /// Number of constraints (rows).
    public var rowCount: Int { rowLower.count }
    /// Number of stored constraint coefficients (nonzeros and explicit zeros).
    public var coefficientCount: Int { rowColumns.count }

    /// Adds one variable and returns its index. A binary variable's bounds are
    /// intersected with [0, 1].
    @discardableResult
    public mutating func addVariable(_ kind: VariableKind, lower: Double = 0, upper: Double = .infinity,
                                     objective: Double = 0, name: String? = nil) -> Int {
        let index = kinds.count
        kinds.append(kind)
        let (lo, up) = Self.effectiveBounds(kind, lower, upper)
        self.lower.append(lo)
        self.upper.append(up)
        self.objective.append(objective)
        if let name { variableNames[index] = name }
        return index
    }

    /// Adds `count` variables at once and returns their index range.
    public mutating func addVariables(_ count: Int, kind: VariableKind, lower: Double = 0,
                                      upper: Double = .infinity, objective: Double = 0) -> Range<Int> {
        let start = kinds.count
        let n = max(0, count)
        let (lo, up) = Self.effectiveBounds(kind, lower, upper)
        kinds.append(contentsOf: repeatElement(kind, count: n))
        self.lower.append(contentsOf: repeatElement(lo, count: n))
        self.upper.append(contentsOf: repeatElement(up, count: n))
        self.objective.append(contentsOf: repeatElement(objective, count: n))
        return start ..< start + n
    }

    /// Sets the objective coefficient of `variable` (per unit of the variable).
    public mutating func setObjectiveCoefficient(_ variable: Int, _ value: Double) {
        guard checkVariable(variable, context: "setObjectiveCoefficient") else { return }
        objective[variable] = value
    }

    /// Replaces the bounds of `variable` (±infinity for none; binary stays within [0, 1]).
    public mutating func setBounds(_ variable: Int, lower: Double, upper: Double) {
        guard checkVariable(variable, context: "setBounds") else { return }
        let (lo, up) = Self.effectiveBounds(kinds[variable], lower, upper)
        self.lower[variable] = lo
        self.upper[variable] = up
    }

    /// Adds the row lower <= sum_k coefficients[k] * x[columns[k]] <= upper (±infinity for one side)
    /// and returns its index.
    @discardableResult
    public mutating func addRow(columns: [Int], coefficients: [Double], lower: Double = -.infinity,
                                upper: Double = .infinity, name: String? = nil) -> Int {
        let index = rowLower.count
        if columns.count != coefficients.count, deferredError == nil {
            deferredError = .rowLengthMismatch(row: index, columns: columns.count, coefficients: coefficients.count)
        }
        let n = min(columns.count, coefficients.count)
        rowColumns.append(contentsOf: columns[0 ..< n])
        rowCoefficients.append(contentsOf: coefficients[0 ..< n])
        rowStart.append(rowColumns.count)
        rowLower.append(lower)
        rowUpper.append(upper)
        if let name { rowNames[index] = name }
        return index
    }

    /// The LP relaxation: the same model with every variable continuous (binary bounds stay [0, 1]).
    public func relaxed() -> LinearModel {
        var copy = self
        copy.kinds = Array(repeating: .continuous, count: kinds.count)
        return copy
    }

    // MARK: Reading the model back

    /// The kind of `variable`.
    public func kind(of variable: Int) -> VariableKind { kinds[variable] }
    /// The bounds of `variable` as stored (binary already intersected with [0, 1]).
    public func bounds(of variable: Int) -> (lower: Double, upper: Double) { (lower[variable], upper[variable]) }
    /// The objective coefficient of `variable`.
    public func objectiveCoefficient(of variable: Int) -> Double { objective[variable] }
    /// The name given to `variable`, if any.
    public func name(ofVariable variable: Int) -> String? { variableNames[variable] }
    /// Row `row`: its variables, coefficients and bounds.
    public func row(_ row: Int) -> (columns: ArraySlice<Int>, coefficients: ArraySlice<Double>,
                                    lower: Double, upper: Double) {
        let range = rowStart[row] ..< rowStart[row + 1]
        return (rowColumns[range], rowCoefficients[range], rowLower[row], rowUpper[row])
    }

    /// The objective value of `values` (one per variable), including ``objectiveConstant``.
    public func objectiveValue(of values: [Double]) -> Double {
        var total = objectiveConstant
        for j in 0 ..< min(values.count, objective.count) where objective[j] != 0 {
            total += objective[j] * values[j]
        }
        return total
    }

    /// The spacing of the objective's values over integer points: 1 when every nonzero objective
    /// coefficient is a whole number on an integer or binary variable (so any two solutions'
    /// objectives differ by a whole number), else nil. Why: a bound within less than one step of a
    /// solution then proves it optimal, and a branch whose bound is that close holds no better one.
    public var objectiveStep: Double? {
        for j in 0 ..< objective.count where objective[j] != 0 {
            guard kinds[j] != .continuous, objective[j] == objective[j].rounded(), abs(objective[j]) < 1e15 else { return nil }
        }
        return 1
    }

    /// The largest |objective| (without ``objectiveConstant``) any point within the variables'
    /// bounds can have; nil when unbounded.
    func objectiveMagnitudeLimit() -> Double? {
        var total = 0.0
        for j in 0 ..< objective.count where objective[j] != 0 {
            total += max(abs(objective[j] * lower[j]), abs(objective[j] * upper[j]))
        }
        return total.isFinite ? total : nil
    }

    /// Whether the objective (without ``objectiveConstant``) is at least 0 at every point within
    /// the variables' bounds.
    var objectiveIsNonnegative: Bool {
        (0 ..< objective.count).allSatisfy { j in
            objective[j] == 0 || (objective[j] > 0 ? lower[j] >= 0 : upper[j] <= 0)
        }
    }

    /// Why `values` (one per variable) is not feasible, or nil when it is: bounds,
    /// integrality and every row, each within `tolerance` (absolute, scaled by 1 + |bound|).
    public func infeasibility(of values: [Double], tolerance: Double = 1e-6) -> String? {
        guard values.count == variableCount else {
            return "\(values.count) values for \(variableCount) variables"
        }
        for j in 0 ..< variableCount {
            let v = values[j]
            if !v.isFinite { return "variable \(j) is \(v)" }
            if v < lower[j] - tolerance * (1 + abs(lower[j])) { return "variable \(j) = \(v) below its lower bound \(lower[j])" }
            if v > upper[j] + tolerance * (1 + abs(upper[j])) { return "variable \(j) = \(v) above its upper bound \(upper[j])" }
            if kinds[j] != .continuous, abs(v - v.rounded()) > tolerance { return "integer variable \(j) = \(v)" }
        }
        for r in 0 ..< rowCount {
            var activity = 0.0
            for k in rowStart[r] ..< rowStart[r + 1] { activity += rowCoefficients[k] * values[rowColumns[k]] }
            if activity < rowLower[r] - tolerance * (1 + abs(rowLower[r])) {
                return "row \(r) activity \(activity) below its lower bound \(rowLower[r])"
            }
            if activity > rowUpper[r] + tolerance * (1 + abs(rowUpper[r])) {
                return "row \(r) activity \(activity) above its upper bound \(rowUpper[r])"
            }
        }
        return nil
    }

    // MARK: Helpers

    static func effectiveBounds(_ kind: VariableKind, _ lower: Double, _ upper: Double) -> (Double, Double) {
        guard kind == .binary else { return (lower, upper) }
        return (lower.isNaN ? lower : max(lower, 0), upper.isNaN ? upper : min(upper, 1))
    }

    mutating func checkVariable(_ variable: Int, context: String) -> Bool {
        if variable >= 0, variable < kinds.count { return true }
        if deferredError == nil {
            deferredError = .variableIndexOutOfRange(variable: variable, variableCount: kinds.count, context: context)
        }
        return false
    }
}
