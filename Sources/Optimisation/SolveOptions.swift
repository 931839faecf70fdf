/// How ``GLPKSolver`` should solve a ``LinearModel``.
public struct SolveOptions: Sendable {
    /// Wall-clock limit in seconds for the whole solve (LP relaxation included); nil = none.
    public var timeLimit: Double?
    /// Relative MIP gap |objective - bound| / |objective| at which the search stops and the
    /// incumbent counts as optimal; 0 (the default) means prove optimality.
    public var relativeGap: Double
    /// GLPK's presolver. Ignored (off) when an ``incumbent`` is given, because GLPK can only
    /// take a heuristic solution for the unpresolved problem.
    public var presolve: Bool
    /// GLPK's cutting planes (Gomory mixed-integer, MIR, cover and clique cuts).
    public var cuts: Bool
    /// Which cut families `cuts` turns on; every family by default.
    public var cutFamilies: CutFamilies = .all
    /// GLPK's primal heuristics beyond simple rounding (feasibility pump and proximity search).
    /// Off by default: on the location models they cost more time than they save.
    public var heuristics: Bool
    /// Let GLPK print its log to standard output; off by default (GLPK prints nothing).
    public var verbose: Bool
    /// A feasible solution (one value per variable) from our own heuristic, offered to
    /// GLPK's branch-and-cut as its first incumbent. It is checked first (GLPK does not
    /// check rows); an infeasible one is a ``ModelError/incumbentInfeasible(reason:)``.
    public var incumbent: [Double]?

    /// Options with defaults: no time limit, prove optimality, presolve and cuts on,
    /// heuristics and output off, no incumbent.
    public init(timeLimit: Double? = nil, relativeGap: Double = 0, presolve: Bool = true,
                cuts: Bool = true, heuristics: Bool = false, verbose: Bool = false,
                incumbent: [Double]? = nil) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.presolve = presolve
        self.cuts = cuts
        self.heuristics = heuristics
        self.verbose = verbose
        self.incumbent = incumbent
    }

    func validate(variableCount: Int) throws {
        if let timeLimit, !(timeLimit >= 0 && timeLimit.isFinite) {
            throw ModelError.invalidOption(name: "timeLimit", value: timeLimit)
        }
        if !(relativeGap >= 0 && relativeGap < 1) {
            throw ModelError.invalidOption(name: "relativeGap", value: relativeGap)
        }
        if let incumbent, incumbent.count != variableCount {
            throw ModelError.incumbentLengthMismatch(expected: variableCount, actual: incumbent.count)
        }
    }
}
