extension LinearModel {
    /// Checks everything GLPK would abort or misbehave on, so that it never sees it:
    /// recorded misuse, variable indices and duplicates within a row, NaN or infinite
    /// coefficients, bounds (NaN, lower > upper, fractional integer bounds), name
    /// lengths and GLPK's 32-bit index range. Throws the first ``ModelError`` found.
    public func validate() throws {
        if let deferredError { throw deferredError }
        let n = variableCount
        if n >= Int(Int32.max) { throw ModelError.tooLarge(what: "variables", count: n) }
        if rowCount >= Int(Int32.max) { throw ModelError.tooLarge(what: "rows", count: rowCount) }
        if coefficientCount >= Int(Int32.max) { throw ModelError.tooLarge(what: "coefficients", count: coefficientCount) }
        if !objectiveConstant.isFinite { throw ModelError.nonFiniteObjective(variable: -1, value: objectiveConstant) }
        for j in 0 ..< n {
            let lo = lower[j], up = upper[j]
            if lo.isNaN || up.isNaN || lo > up || lo == .infinity || up == -.infinity {
                throw ModelError.invalidVariableBounds(variable: j, lower: lo, upper: up)
            }
            if kinds[j] != .continuous,
               (lo.isFinite && lo != lo.rounded()) || (up.isFinite && up != up.rounded()) {
                throw ModelError.fractionalIntegerBounds(variable: j, lower: lo, upper: up)
            }
            if !objective[j].isFinite { throw ModelError.nonFiniteObjective(variable: j, value: objective[j]) }
        }
        // A stamp per variable: the last row it was seen in, to find duplicates in O(nonzeros).
        var lastRow = [Int](repeating: -1, count: n)
        for r in 0 ..< rowCount {
            let lo = rowLower[r], up = rowUpper[r]
            if lo.isNaN || up.isNaN || lo > up || lo == .infinity || up == -.infinity {
                throw ModelError.invalidRowBounds(row: r, lower: lo, upper: up)
            }
            for k in rowStart[r] ..< rowStart[r + 1] {
                let j = rowColumns[k]
                guard j >= 0, j < n else {
                    throw ModelError.variableIndexOutOfRange(variable: j, variableCount: n, context: "row \(r)")
                }
                if lastRow[j] == r { throw ModelError.duplicateVariableInRow(row: r, variable: j) }
                lastRow[j] = r
                if !rowCoefficients[k].isFinite {
                    throw ModelError.nonFiniteCoefficient(row: r, variable: j, value: rowCoefficients[k])
                }
            }
        }
        for name in variableNames.values.sorted() + rowNames.values.sorted() { try Self.checkName(name) }
    }

    /// GLPK aborts on names over 255 bytes or with control characters (a NUL would also truncate).
    static func checkName(_ name: String) throws {
        if name.utf8.count > 255 { throw ModelError.invalidName(name: name, reason: "has \(name.utf8.count) bytes") }
        if name.unicodeScalars.contains(where: { $0.value < 32 || $0.value == 127 }) {
            throw ModelError.invalidName(name: name, reason: "contains a control character")
        }
    }
}
