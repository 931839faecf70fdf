import CGLPKGuard

/// A row handed to GLPK only once a solution of branch and cut violates it (a lazy constraint).
public struct LazyRow: Sendable, Equatable {
    public var columns: [Int]
    public var coefficients: [Double]
    public var lower: Double
    public var upper: Double

    public init(columns: [Int], coefficients: [Double], lower: Double = -.infinity, upper: Double = .infinity) {
        self.columns = columns
        self.coefficients = coefficients
        self.lower = lower
        self.upper = upper
    }
}

/// Row generation inside GLPK's branch and cut: a family of rows too large to write out (Benders
/// optimality cuts, one per client and cost level) is given only where an LP solution violates it.
/// GLPK re-solves the node's LP after new rows and checks integrality only once none is violated,
/// so every solution it accepts satisfies the whole family.
public protocol LazyRowGenerator: Sendable {
    /// The rows of the family that `values` (one per model variable) violates; empty accepts it.
    func violatedRows(at values: [Double]) -> [LazyRow]
}

/// The state behind one solve's row generator: the generator, and the C arrays of the rows it
/// produced last (they must outlive the call, until GLPK has copied them).
final class RowGeneration {
    let generator: any LazyRowGenerator
    let variableCount: Int
    let point: UnsafeMutablePointer<Double>
    private var starts: [Int32] = []
    private var columns: [Int32] = []
    private var values: [Double] = []
    private var lower: [Double] = []
    private var upper: [Double] = []
    private var buffers: [UnsafeMutableRawPointer] = []
    /// Rows the generator produced that GLPK could not take (a column out of range or repeated, a
    /// coefficient or bound not a number); the solve then ends as an error, never a wrong optimum.
    private(set) var invalidRow: String?

    init(generator: any LazyRowGenerator, variableCount: Int) {
        self.generator = generator
        self.variableCount = variableCount
        point = .allocate(capacity: variableCount + 1)
        point.initialize(repeating: 0, count: variableCount + 1)
    }

    deinit {
        point.deallocate()
        for buffer in buffers { buffer.deallocate() }
    }

    /// Asks the generator about `x` (1-based, `n` columns) and lays its valid rows out in `rows`.
    func generate(x: UnsafePointer<Double>, n: Int, into rows: inout estate_rows) {
        for buffer in buffers { buffer.deallocate() }
        buffers.removeAll()
        let count = min(n, variableCount)
        let point = (0 ..< count).map { x[$0 + 1] }
        starts = [0]; columns = [0]; values = [0]; lower = []; upper = []
        for row in generator.violatedRows(at: point) {
            if let problem = Self.problem(with: row, variableCount: variableCount) {
                invalidRow = invalidRow ?? problem
                continue
            }
            for (column, coefficient) in zip(row.columns, row.coefficients) where coefficient != 0 {
                columns.append(Int32(column + 1))
                values.append(coefficient)
            }
            starts.append(Int32(columns.count - 1))
            lower.append(row.lower)
            upper.append(row.upper)
        }
        rows.count = Int32(lower.count)
        guard rows.count > 0 else { return }
        rows.starts = UnsafePointer(copy(starts))
        rows.columns = UnsafePointer(copy(columns))
        rows.values = UnsafePointer(copy(values))
        rows.lower = UnsafePointer(copy(lower))
        rows.upper = UnsafePointer(copy(upper))
    }

    private func copy<T>(_ array: [T]) -> UnsafeMutablePointer<T> {
        let buffer = UnsafeMutablePointer<T>.allocate(capacity: array.count)
        buffer.initialize(from: array, count: array.count)
        buffers.append(UnsafeMutableRawPointer(buffer))
        return buffer
    }

    static func problem(with row: LazyRow, variableCount: Int) -> String? {
        guard row.columns.count == row.coefficients.count else { return "a lazy row has \(row.columns.count) columns and \(row.coefficients.count) coefficients" }
        guard row.columns.allSatisfy({ (0 ..< variableCount).contains($0) }) else { return "a lazy row names a column out of range" }
        guard Set(row.columns).count == row.columns.count else { return "a lazy row repeats a column" }
        guard row.coefficients.allSatisfy(\.isFinite), !row.lower.isNaN, !row.upper.isNaN,
              row.lower < .infinity, row.upper > -.infinity, row.lower <= row.upper else { return "a lazy row has a coefficient or bound that is not usable" }
        return nil
    }

    /// The C entry point GLPK's callback calls; `context` is an unretained `RowGeneration`.
    static let entry: estate_row_generator = { context, x, n, rows in
        guard let context, let x, let rows else { return }
        Unmanaged<RowGeneration>.fromOpaque(context).takeUnretainedValue().generate(x: x, n: Int(n), into: &rows.pointee)
    }
}
