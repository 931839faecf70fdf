/// A p-median instance in Beasley's OR-Library format (pmed1..pmed40): a header line
/// `n m p`, then m lines `i j c` (1-based vertices, integer cost).
///
/// The distance matrix follows OR-Library's own instruction (2 May 1995): the graph is
/// undirected, a repeated pair is overwritten by its **last** line (keyed by the unordered
/// pair, so `19 20 22` then `20 19 30` gives 30), and Floyd-Warshall gives all shortest
/// paths. Every vertex is both a client (weight 1) and a candidate site.
public struct ORLibraryPMedian: Sendable {
    /// Number of vertices.
    public let vertexCount: Int
    /// Number of medians to open.
    public let medians: Int
    /// Row-major all-pairs shortest-path distances, `distances[i * n + j]`.
    public let distances: [Double]

    /// Parses `text`; `source` names the file in errors.
    public init(text: String, source: String = "input") throws {
        var tokens = ORLibraryTokens(text: text, source: source)
        let n = try tokens.nextInt("vertex count", minimum: 1)
        let m = try tokens.nextInt("edge count", minimum: 0)
        let p = try tokens.nextInt("median count", minimum: 1)
        guard p <= n else { throw tokens.error(value: "\(p)", expected: "a median count <= \(n)") }
        var d = [Double](repeating: .infinity, count: n * n)
        for i in 0 ..< n { d[i * n + i] = 0 }
        for _ in 0 ..< m {
            let i = try tokens.nextInt("vertex", minimum: 1, maximum: n) - 1
            let j = try tokens.nextInt("vertex", minimum: 1, maximum: n) - 1
            let c = Double(try tokens.nextInt("edge cost", minimum: 0))
            if i != j {
                d[i * n + j] = c // the last line for a pair wins, in both directions
                d[j * n + i] = c
            }
        }
        try tokens.expectEnd()
        Self.floydWarshall(&d, n)
        for k in d.indices where d[k] == .infinity {
            throw ORLibraryFormatError(source: source, line: 0, column: 0, value: "vertices \(k / n + 1) and \(k % n + 1)",
                                       expected: "a connected graph (no path found)")
        }
        vertexCount = n
        medians = p
        distances = d
    }

    /// The p-median problem of this instance (every vertex a client of weight 1 and a site).
    public func problem() throws -> PMedianProblem {
        PMedianProblem(costs: try ServiceCosts(clientCount: vertexCount, siteCount: vertexCount, costs: distances),
                       medians: medians)
    }

    static func floydWarshall(_ d: inout [Double], _ n: Int) {
        d.withUnsafeMutableBufferPointer { d in
            for k in 0 ..< n {
                let rowK = k * n
                for i in 0 ..< n {
                    let rowI = i * n
                    let dik = d[rowI + k]
                    if dik == .infinity { continue }
                    for j in 0 ..< n {
                        let through = dik + d[rowK + j]
                        if through < d[rowI + j] { d[rowI + j] = through }
                    }
                }
            }
        }
    }
}

/// A malformed OR-Library file: where, what was found and what was expected.
public struct ORLibraryFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    public var source: String
    /// 1-based line and column of the offending token (0 when the problem is not one token).
    public var line: Int
    public var column: Int
    public var value: String
    public var expected: String

    public init(source: String, line: Int, column: Int, value: String, expected: String) {
        self.source = source
        self.line = line
        self.column = column
        self.value = value
        self.expected = expected
    }

    public var description: String {
        "\(source):\(line):\(column): found \(value); expected \(expected)"
    }
}

/// Whitespace-separated tokens with their line and column.
struct ORLibraryTokens {
    let source: String
    private var scalars: [UInt8]
    private var position = 0
    private var line = 1
    private var lineStart = 0
    private var tokenLine = 1
    private var tokenColumn = 1

    init(text: String, source: String) {
        self.source = source
        scalars = Array(text.utf8)
    }

    mutating func next() -> String? {
        while position < scalars.count, scalars[position] == 32 || (9 ... 13).contains(scalars[position]) {
            if scalars[position] == 10 { line += 1; lineStart = position + 1 }
            position += 1
        }
        guard position < scalars.count else { return nil }
        tokenLine = line
        tokenColumn = position - lineStart + 1
        let begin = position
        while position < scalars.count, !(scalars[position] == 32 || (9 ... 13).contains(scalars[position])) { position += 1 }
        return String(decoding: scalars[begin ..< position], as: UTF8.self)
    }

    mutating func nextInt(_ what: String, minimum: Int, maximum: Int = .max) throws -> Int {
        guard let token = next() else {
            throw ORLibraryFormatError(source: source, line: line, column: position - lineStart + 1,
                                       value: "end of file", expected: "a \(what)")
        }
        guard let value = Int(token), value >= minimum, value <= maximum else {
            throw error(value: token, expected: "a \(what), an integer in \(minimum)...\(maximum == .max ? "" : "\(maximum)")")
        }
        return value
    }

    mutating func expectEnd() throws {
        if let token = next() { throw error(value: token, expected: "end of file") }
    }

    func error(value: String, expected: String) -> ORLibraryFormatError {
        ORLibraryFormatError(source: source, line: tokenLine, column: tokenColumn, value: value, expected: expected)
    }
}
