import Optimisation
import XCTest

final class ModelValidationTests: XCTestCase {
    private func expect(_ expected: ModelError, _ model: LinearModel, options: SolveOptions = SolveOptions(),
                        file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try GLPKSolver.solve(model, options: options), file: file, line: line) { error in
            XCTAssertEqual(error as? ModelError, expected, file: file, line: line)
            XCTAssertFalse(String(describing: error).isEmpty, file: file, line: line)
        }
    }

    private func twoVariables() -> LinearModel {
        var model = LinearModel()
        model.addVariable(.continuous, upper: 4, objective: 1)
        model.addVariable(.integer, upper: 4, objective: 1)
        return model
    }

    func testRowNamingAnUnknownVariableIsRejected() {
        var model = twoVariables()
        model.addRow(columns: [0, 2], coefficients: [1, 1], upper: 3)
        expect(.variableIndexOutOfRange(variable: 2, variableCount: 2, context: "row 0"), model)
        var negative = twoVariables()
        negative.addRow(columns: [-1], coefficients: [1], upper: 3)
        expect(.variableIndexOutOfRange(variable: -1, variableCount: 2, context: "row 0"), negative)
    }

    func testSettersNamingAnUnknownVariableAreRecordedNotTrapped() {
        var model = twoVariables()
        model.setBounds(7, lower: 0, upper: 1)
        model.setObjectiveCoefficient(9, 1)
        expect(.variableIndexOutOfRange(variable: 7, variableCount: 2, context: "setBounds"), model)
    }

    func testDuplicateVariableInRowIsRejected() {
        var model = twoVariables()
        model.addRow(columns: [1, 0, 1], coefficients: [1, 1, 2], upper: 3)
        expect(.duplicateVariableInRow(row: 0, variable: 1), model)
    }

    func testMismatchedRowLengthsAreRejected() {
        var model = twoVariables()
        model.addRow(columns: [0, 1], coefficients: [1], upper: 3)
        expect(.rowLengthMismatch(row: 0, columns: 2, coefficients: 1), model)
    }

    func testNonFiniteNumbersAreRejected() {
        var coefficient = twoVariables()
        coefficient.addRow(columns: [0], coefficients: [.nan], upper: 3)
        XCTAssertThrowsError(try coefficient.validate()) { error in
            guard case let .nonFiniteCoefficient(row, variable, _)? = error as? ModelError else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual([row, variable], [0, 0])
        }
        var objective = twoVariables()
        objective.setObjectiveCoefficient(1, .infinity)
        expect(.nonFiniteObjective(variable: 1, value: .infinity), objective)
        var constant = twoVariables()
        constant.objectiveConstant = -.infinity
        expect(.nonFiniteObjective(variable: -1, value: -.infinity), constant)
    }

    func testInvalidBoundsAreRejected() {
        var empty = twoVariables()
        empty.setBounds(0, lower: 3, upper: 2)
        expect(.invalidVariableBounds(variable: 0, lower: 3, upper: 2), empty)
        var infinite = twoVariables()
        infinite.setBounds(0, lower: .infinity, upper: .infinity)
        expect(.invalidVariableBounds(variable: 0, lower: .infinity, upper: .infinity), infinite)
        var fractional = twoVariables()
        fractional.setBounds(1, lower: 0.5, upper: 2)
        expect(.fractionalIntegerBounds(variable: 1, lower: 0.5, upper: 2), fractional)
        var row = twoVariables()
        row.addRow(columns: [0], coefficients: [1], lower: 2, upper: 1)
        expect(.invalidRowBounds(row: 0, lower: 2, upper: 1), row)
    }

    func testBinaryBoundsAreIntersectedWithZeroOne() throws {
        var model = LinearModel(sense: .maximise)
        let b = model.addVariable(.binary, lower: -3, upper: 7, objective: 1)
        XCTAssertEqual(model.bounds(of: b).lower, 0)
        XCTAssertEqual(model.bounds(of: b).upper, 1)
        XCTAssertEqual(try GLPKSolver.solve(model).objective, 1)
        model.setBounds(b, lower: 0, upper: 0)
        XCTAssertEqual(try GLPKSolver.solve(model).objective, 0)
    }

    func testBadNamesAreRejected() {
        var long = LinearModel()
        long.addVariable(.continuous, name: String(repeating: "x", count: 256))
        XCTAssertThrowsError(try long.validate())
        var control = LinearModel()
        control.addVariable(.continuous)
        control.addRow(columns: [0], coefficients: [1], upper: 1, name: "a\u{0}b")
        XCTAssertThrowsError(try control.validate())
        var fine = LinearModel()
        fine.addVariable(.continuous, objective: 1, name: "x")
        fine.addRow(columns: [0], coefficients: [1], lower: 1, name: "at least one")
        XCTAssertEqual(try GLPKSolver.solve(fine).objective, 1)
    }

    func testInvalidOptionsAreRejected() {
        let model = twoVariables()
        expect(.invalidOption(name: "timeLimit", value: -1), model, options: SolveOptions(timeLimit: -1))
        expect(.invalidOption(name: "relativeGap", value: 1.5), model, options: SolveOptions(relativeGap: 1.5))
        expect(.incumbentLengthMismatch(expected: 2, actual: 1), model, options: SolveOptions(incumbent: [0]))
    }

    func testInfeasibleIncumbentIsRejectedBecauseGLPKWouldNotCheckRows() {
        var model = twoVariables()
        model.addRow(columns: [0, 1], coefficients: [1, 1], upper: 3)
        XCTAssertThrowsError(try GLPKSolver.solve(model, options: SolveOptions(incumbent: [2, 2]))) { error in
            guard case .incumbentInfeasible? = error as? ModelError else { return XCTFail("\(error)") }
        }
        XCTAssertNoThrow(try GLPKSolver.solve(model, options: SolveOptions(incumbent: [1, 2])))
    }
}
