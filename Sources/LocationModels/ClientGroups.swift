/// Clients with identical rows of costs, merged into one group with their summed weight:
/// they are served alike in every solution, so the MILP needs them once.
struct ClientGroups {
    /// One representative client per group, in order of first appearance.
    var representatives: [Int] = []
    /// The summed weight of each group.
    var weights: [Double] = []
    /// The group of each client.
    var groupOfClient: [Int] = []

    init(costs: ServiceCosts, weights clientWeights: [Double]) {
        var index: [RowKey: Int] = [:]
        groupOfClient.reserveCapacity(costs.clientCount)
        for i in 0 ..< costs.clientCount {
            let range = costs.start[i] ..< costs.start[i + 1]
            let key = RowKey(sites: costs.sites[range], costs: costs.costs[range])
            if let g = index[key] {
                weights[g] += clientWeights[i]
                groupOfClient.append(g)
            } else {
                index[key] = representatives.count
                groupOfClient.append(representatives.count)
                representatives.append(i)
                weights.append(clientWeights[i])
            }
        }
    }

    var count: Int { representatives.count }

    private struct RowKey: Hashable {
        var sites: ArraySlice<Int>
        var costs: ArraySlice<Double>
    }
}
