/// Why a ``LinearModel`` or ``SolveOptions`` cannot be handed to the solver.
///
/// Every case names the offending variable or row (0-based, as in the API) and the value,
/// so that a model builder can point at the input that produced it.
public enum ModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A row, objective or bound call named a variable that does not exist.
    case variableIndexOutOfRange(variable: Int, variableCount: Int, context: String)
    /// `addRow` was given different numbers of columns and coefficients.
    case rowLengthMismatch(row: Int, columns: Int, coefficients: Int)
    /// The same variable appears twice in one row (GLPK aborts on that).
    case duplicateVariableInRow(row: Int, variable: Int)
    /// A constraint coefficient is NaN or infinite.
    case nonFiniteCoefficient(row: Int, variable: Int, value: Double)
    /// An objective coefficient (or the objective constant, variable -1) is NaN or infinite.
    case nonFiniteObjective(variable: Int, value: Double)
    /// Variable bounds are NaN, empty (lower > upper) or infinite on the wrong side.
    case invalidVariableBounds(variable: Int, lower: Double, upper: Double)
    /// An integer or binary variable has a fractional finite bound.
    case fractionalIntegerBounds(variable: Int, lower: Double, upper: Double)
    /// Row bounds are NaN, empty (lower > upper) or infinite on the wrong side.
    case invalidRowBounds(row: Int, lower: Double, upper: Double)
    /// A variable or row name is longer than GLPK's 255 bytes or holds a control character.
    case invalidName(name: String, reason: String)
    /// The model exceeds GLPK's 32-bit index range.
    case tooLarge(what: String, count: Int)
    /// A solve option is out of range (a negative time limit, a gap outside [0, 1), ...).
    case invalidOption(name: String, value: Double)
    /// `SolveOptions.incumbent` does not have one value per variable.
    case incumbentLengthMismatch(expected: Int, actual: Int)
    /// `SolveOptions.incumbent` is not feasible: GLPK does not check rows, so it is checked here.
    case incumbentInfeasible(reason: String)

    public var description: String {
        switch self {
        case let .variableIndexOutOfRange(variable, count, context):
            return "\(context): variable index \(variable) out of range 0..<\(count)"
        case let .rowLengthMismatch(row, columns, coefficients):
            return "row \(row): \(columns) columns but \(coefficients) coefficients; expected equal counts"
        case let .duplicateVariableInRow(row, variable):
            return "row \(row): variable \(variable) appears more than once; expected each variable at most once"
        case let .nonFiniteCoefficient(row, variable, value):
            return "row \(row): coefficient of variable \(variable) is \(value); expected a finite number"
        case let .nonFiniteObjective(variable, value):
            if variable < 0 { return "objective constant is \(value); expected a finite number" }
            return "objective coefficient of variable \(variable) is \(value); expected a finite number"
        case let .invalidVariableBounds(variable, lower, upper):
            return "variable \(variable): bounds [\(lower), \(upper)]; expected lower <= upper, lower < +inf, upper > -inf"
        case let .fractionalIntegerBounds(variable, lower, upper):
            return "integer variable \(variable): bounds [\(lower), \(upper)]; expected integral or infinite bounds"
        case let .invalidRowBounds(row, lower, upper):
            return "row \(row): bounds [\(lower), \(upper)]; expected lower <= upper, lower < +inf, upper > -inf"
        case let .invalidName(name, reason):
            return "name \"\(name.prefix(40))\" \(reason); expected at most 255 bytes and no control characters"
        case let .tooLarge(what, count):
            return "\(count) \(what); expected at most \(Int32.max)"
        case let .invalidOption(name, value):
            return "option \(name) = \(value) is out of range"
        case let .incumbentLengthMismatch(expected, actual):
            return "incumbent has \(actual) values; expected one per variable (\(expected))"
        case let .incumbentInfeasible(reason):
            return "incumbent is not feasible: \(reason)"
        }
    }
}
