/// Which of GLPK's cutting-plane families branch-and-cut generates (when
/// ``SolveOptions/cuts`` is on).
///
/// Why a choice: each family costs time at every node where it is tried, and which
/// ones pay depends on the model. On batches of small Kent coverage models with
/// binding budget and carbon rows, MIR cuts alone proved optimality in about 30% less
/// CPU time than all four families (benchmarks/batch, docs/batches.md),
/// while turning cuts off entirely doubled it.
public struct CutFamilies: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Gomory mixed-integer cuts.
    public static let gomory = CutFamilies(rawValue: 1 << 0)
    /// Mixed-integer rounding cuts (strong on knapsack rows such as budgets and carbon caps).
    public static let mixedIntegerRounding = CutFamilies(rawValue: 1 << 1)
    /// Mixed cover cuts.
    public static let cover = CutFamilies(rawValue: 1 << 2)
    /// Clique cuts.
    public static let clique = CutFamilies(rawValue: 1 << 3)
    /// Every family (the default).
    public static let all: CutFamilies = [.gomory, .mixedIntegerRounding, .cover, .clique]
}
