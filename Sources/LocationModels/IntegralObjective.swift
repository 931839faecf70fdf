import Optimisation

/// When every objective coefficient is an integer (integer distances and weights, as in
/// OR-Library; covering weights that are head counts), any solution better than the
/// incumbent is better by at least 1. So the search may stop once the absolute gap is
/// below 1: that proves optimality, and saves GLPK closing the last fraction of the gap.
enum IntegralObjective {
    /// `options` with a relative gap that keeps the absolute gap below 0.9 for objectives
    /// up to `largest` (GLPK's gap is relative to the incumbent).
    static func options(_ options: SolveOptions, largest: Double) -> SolveOptions {
        var adjusted = options
        adjusted.relativeGap = max(options.relativeGap, 0.9 / (abs(largest) + 1))
        return adjusted
    }

    /// Whether `objective` is proven optimal by `bound` for an integral objective.
    static func proves(objective: Double, bound: Double?) -> Bool {
        guard let bound else { return false }
        return abs(objective - bound) < 1 - 1e-9
    }

    static func isIntegral<S: Sequence>(_ values: S) -> Bool where S.Element == Double {
        values.allSatisfy { $0 == $0.rounded() }
    }
}
