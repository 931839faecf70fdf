import Estate

/// The rows and columns of `capacity: single`: each area's whole demand goes to one kept site
/// within reach, and no site takes more than its capacity (single sourcing, as in the
/// capacitated p-median of Osman and Christofides and of Lorena and Senne).
///
/// Formulation, one binary `x_ij` per area and site within reach (areas are never merged: two
/// areas with the same reach may still go to different hubs):
/// - `x_ij <= y_j` for every pair (the strong linking: its LP bound is far tighter than the
///   aggregated `sum_i x_ij <= n y_j`, and it is what makes the references solvable);
/// - `sum_j x_ij <= 1`, and `= 1` when every area must be served (`min_travel`, `max_minutes`),
///   exactly as the split assignment does;
/// - `sum_i d_i x_ij <= Q_j y_j` for every site with a capacity.
/// Exact reductions: pairs beyond the reach (`max_minutes`, else the coverage time, or the whole
/// horizon for `min_travel`) have no column; a pair whose area alone needs more than the site's
/// capacity has none either (with single sourcing the area can never go there); an area that
/// must be served and has no pair left is a data fact that makes the scenario infeasible; and
/// `excluded` pairs, which reduced-cost fixing proved absent from every plan at least as good as
/// a known one, have no column.
struct SingleSourcedAssignment {
    /// For each area: the (site, column, minutes) of its assignment columns.
    var assignment: [[(site: Int, column: Int, minutes: Double)]]
    /// Facts found in the data that make the model infeasible whatever the solve.
    var dataConflicts: [ConstraintGroup: [String]] = [:]
    /// Pairs within reach dropped because the area's demand exceeds the site's capacity.
    var pairsOverCapacity = 0
    /// Pairs within reach dropped by reduced-cost fixing.
    var pairsFixedOut = 0
    /// The instance pair (index into `pairSite`) of each assignment column, for reduced-cost fixing.
    var columnPairs: [(column: Int, pair: Int)] = []

    /// Adds the columns and rows to `formulation`; coverage columns (assignments within the
    /// coverage time) are appended to `coverage`.
    init(instance: PlanningInstance, specification spec: PlanSpecification, siteColumn: [Int?],
         siteFixedClosed: [Bool], deprived: [Bool], excludedPairs: Set<Int>, areaIDs: [String],
         formulation: inout Formulation, coverage: inout PlanningModel.LinearTerms) {
        let c = spec.constraints
        let mustServe = spec.objective == .minTravel || c.maxMinutes != nil
        let reach = c.maxMinutes ?? (spec.objective == .minTravel ? .infinity : spec.coverageMinutes)
        let serveGroup: ConstraintGroup = c.maxMinutes == nil ? .serveEveryArea : .maxMinutes
        let splitByDistrict = c.minDistrictCoverage != nil
        assignment = Array(repeating: [], count: instance.areaCount)
        var load: [[(column: Int, demand: Double)]] = Array(repeating: [], count: instance.siteCount)
        for i in 0 ..< instance.areaCount {
            let demand = instance.areaDemand[i]
            var columns: [Int] = []
            var reachable = false, open = false, tooLarge = false, largestCapacity = 0.0
            for p in instance.pairs(of: i) where instance.pairMinutes[p] <= reach {
                reachable = true
                let j = instance.pairSite[p], t = instance.pairMinutes[p]
                if siteFixedClosed[j] { continue }
                open = true
                if let capacity = instance.siteCapacity[j], demand > capacity {
                    pairsOverCapacity += 1
                    tooLarge = true
                    largestCapacity = max(largestCapacity, capacity)
                    continue
                }
                if excludedPairs.contains(p) { pairsFixedOut += 1; continue }
                let travelCost = spec.objective == .minTravel ? instance.areaWeight[i] * t : 0
                let x = formulation.addVariable(.binary, lower: 0, upper: 1, objective: travelCost)
                columns.append(x)
                if let y = siteColumn[j] { formulation.addRow([x, y], [1, -1], upper: 0, group: nil) }
                if instance.siteCapacity[j] != nil { load[j].append((x, demand)) }
                if t <= spec.coverageMinutes {
                    coverage.columns.append(x)
                    coverage.coefficients.append(instance.areaWeight[i])
                    coverage.districts.append(splitByDistrict ? instance.areaDistrict[i] : -1)
                    coverage.deprived.append(deprived[i])
                }
                assignment[i].append((j, x, t))
                columnPairs.append((x, p))
            }
            if columns.isEmpty {
                if tooLarge && mustServe {
                    dataConflicts[.capacity, default: []].append(
                        "area \(areaIDs[i]) needs \(format(demand)) visits a year, more than any site within reach "
                            + "can take (at most \(format(largestCapacity)))")
                } else if reachable && mustServe && !open {
                    dataConflicts[serveGroup, default: []].append("area \(areaIDs[i]) can reach only sites marked close")
                } else if !reachable && c.maxMinutes != nil {
                    dataConflicts[.maxMinutes, default: []].append(
                        "area \(areaIDs[i]) has no site within \(format(reach)) minutes")
                }
                // Else no site at all is within the horizon: out of the travel sum
                // (`PlanningInstance.areasLeftOutOfTravel`, the one rule the report counts by).
                continue
            }
            // Structural "at most one site", and, tagged separately so that dropping it while
            // explaining infeasibility never lets an area go to two sites, "exactly one".
            let ones = Array(repeating: 1.0, count: columns.count)
            formulation.addRow(columns, ones, upper: 1, group: nil)
            if mustServe { formulation.addRow(columns, ones, lower: 1, group: serveGroup) }
        }
        formulation.addCapacityRows(load: load, capacities: instance.siteCapacity, siteColumn: siteColumn)
    }
}
