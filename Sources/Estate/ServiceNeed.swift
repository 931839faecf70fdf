/// One service's share of the needs framework (FORMAT.md v2: `w_ik`): the people it serves, its
/// own usage figures and the weight the optimiser gives each area for it. The planner's service
/// weights and `estate score`'s per-service tables both come from here.
public struct ServiceNeed: Sendable, Hashable {
    /// The service's code.
    public let code: String
    /// `pop_ik`: the service's population column per area (persons).
    public let population: [Double]
    /// The area's `usage.csv` visits for this service (rows whose `service` is its code).
    public let visits: [Double]
    /// `w_ik`: need-weighted population, with the framework's usage weight taken from this
    /// service's own visits (`NeedScores.weights`).
    public let weight: [Double]
    /// Whether each site can host the service (a blank `services` cell hosts every service).
    public let hostedBy: [Bool]

    /// The service `service` on `dataset`, weighted by `scores`. A blank or negative cell of its
    /// population column is an error naming the area and the service; a column `areas.csv` does
    /// not have is reported by `Scenario.missingColumnErrors` (counted as 0 here).
    public init(service: ServiceDefinition, dataset: Dataset, scores: NeedScores) throws(InputErrors) {
        let n = dataset.areas.count
        var population: [Double]
        if service.population == ServiceDefinition.defaultPopulation {
            population = dataset.children
        } else {
            population = dataset.indicators[service.population] ?? Array(repeating: 0, count: n)
        }
        var errors: [InputError] = []
        for i in 0 ..< n where !(population[i] >= 0) {
            errors.append(InputError(file: "areas.csv", line: nil, column: service.population,
                                     value: population[i].isNaN ? "" : String(population[i]),
                                     expected: "a population >= 0 for area \(dataset.areas[i].id) (service \(service.code))"))
            population[i] = 0
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        var visits = Array(repeating: 0.0, count: n)
        for record in dataset.usage where record.service == service.code { visits[record.area] += record.visits }
        code = service.code
        self.population = population
        self.visits = visits
        weight = NeedScores.weights(population: population, visits: visits, multiplier: scores.multiplier,
                                    usageWeight: scores.usageWeight)
        hostedBy = dataset.sites.map { $0.services.isEmpty || $0.services.contains(service.code) }
    }

    /// Every service of `services`, collecting the errors of all of them.
    public static func all(_ services: [ServiceDefinition], dataset: Dataset, scores: NeedScores) throws(InputErrors) -> [ServiceNeed] {
        var needs: [ServiceNeed] = []
        var errors: [InputError] = []
        for service in services {
            do { needs.append(try ServiceNeed(service: service, dataset: dataset, scores: scores)) } catch { errors += error.errors }
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return needs
    }
}
