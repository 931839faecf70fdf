/// Reduced-cost fixing: integer columns that cannot move in any solution better than a known one.
///
/// At an optimal basis of the LP relaxation (objective z*, reduced cost d_j), every feasible point
/// x satisfies objective(x) <= z* - Σ_j |d_j| |x_j - x*_j| over the columns at a bound (maximising;
/// mirrored when minimising): the duals stay feasible, so the LP bound only falls as a column
/// leaves its bound. An integer column at a bound whose single step off it already costs more than
/// z* - incumbent is therefore at that bound in every strictly better solution, and fixing it there
/// loses none. It holds for an LP over a subset of rows whose missing rows the LP point satisfies
/// (the master of row generation once no row is violated): the missing rows' duals are 0.
public enum ReducedCostFixing {
    /// The integer columns of `model` that `relaxation` (an optimal solution of its LP relaxation,
    /// with reduced costs) proves fixed at their LP value in every solution better than
    /// `incumbent` (an objective value), each with that value. A relative margin keeps GLPK's own
    /// tolerances from fixing a column on a rounding error.
    public static func fixings(_ model: LinearModel, relaxation: Solution, incumbent: Double) -> [(column: Int, value: Double)] {
        guard relaxation.status == .optimal, let bound = relaxation.objective,
              relaxation.reducedCosts.count == model.variableCount, relaxation.values.count == model.variableCount else { return [] }
        let minimising = model.sense == .minimise
        let gap = minimising ? incumbent - bound : bound - incumbent
        let margin = 1e-6 * max(1, abs(incumbent))
        guard gap >= 0 else { return [] }
        var result: [(column: Int, value: Double)] = []
        for j in 0 ..< model.variableCount where model.kinds[j] != .continuous {
            let (lower, upper) = model.bounds(of: j)
            guard lower < upper else { continue }
            let value = relaxation.values[j], d = relaxation.reducedCosts[j]
            // The objective lost by one unit off the bound: d_j itself at a lower bound when
            // minimising, its negation at an upper bound, mirrored when maximising.
            if abs(value - lower) <= 1e-9 {
                let loss = minimising ? d : -d
                if loss > gap + margin { result.append((j, lower)) }
            } else if abs(value - upper) <= 1e-9 {
                let loss = minimising ? -d : d
                if loss > gap + margin { result.append((j, upper)) }
            }
        }
        return result
    }
}
