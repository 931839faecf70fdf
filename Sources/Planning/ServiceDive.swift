import Foundation
import Optimisation

/// A feasible v2 plan found by diving on the LP relaxation, for when GLPK stops at its time limit
/// with no plan or a worse one: the plan a limited run reports, with the relaxation's bound when
/// GLPK proved none.
///
/// `PlanHeuristic`'s greedy decides sites for one undifferentiated demand; a v2 plan also decides
/// which services each site offers, Family Hubs, outreach and their shared budget, so the dive
/// works on the model itself rather than on a second copy of its rules: solve the relaxation,
/// fix to 1 every binary at 1 or above one half (at least the largest fractional one), solve
/// again, until every binary is whole. Rounding keep and offer decisions up never breaks a
/// covering, Family Hub or `max_minutes` row; the rows it can break (budget, carbon, site
/// maximum) are re-balanced by the next relaxation, and a relaxation that becomes infeasible ends
/// the dive without a plan.
enum ServiceDive {
    struct Result {
        /// A point of the MILP with every binary whole, or nil.
        var solution: Solution?
        /// The first relaxation's objective: a bound on the MILP.
        var relaxationBound: Double?
    }

    static func run(_ model: LinearModel, options: SolveOptions, deadline: ContinuousClock.Instant) throws -> Result {
        var lp = model.relaxed()
        let binaries = (0 ..< model.variableCount).filter { model.kind(of: $0) != .continuous }
        var lpOptions = options
        lpOptions.incumbent = nil
        var result = Result()
        while ContinuousClock.now < deadline {
            lpOptions.timeLimit = max(0.01, seconds(until: deadline))
            let relaxation = try GLPKSolver.solve(lp, options: lpOptions)
            guard relaxation.status == .optimal else { return result }
            if result.relaxationBound == nil { result.relaxationBound = relaxation.objective }
            var fractional: [(column: Int, value: Double)] = []
            for column in binaries where lp.bounds(of: column).lower != lp.bounds(of: column).upper {
                let value = relaxation[column]
                if value > 1 - 1e-6 || value < 1e-6 { continue }
                fractional.append((column, value))
            }
            if fractional.isEmpty {
                var point = relaxation
                for column in binaries { point.values[column] = point.values[column].rounded() }
                guard model.infeasibility(of: point.values) == nil else { return result }
                point.objective = model.objectiveValue(of: point.values)
                point.status = .feasible
                result.solution = point
                return result
            }
            var fixes = fractional.filter { $0.value >= 0.5 }
            if fixes.isEmpty { fixes = [fractional.max { $0.value < $1.value }!] }
            for column in binaries where relaxation[column] > 1 - 1e-6 { lp.setBounds(column, lower: 1, upper: 1) }
            for fix in fixes { lp.setBounds(fix.column, lower: 1, upper: 1) }
        }
        return result
    }

    private static func seconds(until deadline: ContinuousClock.Instant) -> Double {
        let left = deadline - ContinuousClock.now
        return Double(left.components.seconds) + Double(left.components.attoseconds) * 1e-18
    }
}
