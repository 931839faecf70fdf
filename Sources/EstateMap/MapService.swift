/// One service of a v2 plan as the map shows it: per area (in `EstateMapData.areas` order) the
/// share of the service's population a kept building offering it covers and the share outreach
/// reaches, and that population, which weighs areas merged into one grid cell.
public struct MapService: Sendable, Equatable {
    /// Service code, e.g. "youth"; identifies the layer in the markup.
    public var code: String
    /// What the selector and the legend call it, e.g. "Youth activities".
    public var name: String
    /// Share (0...1) of each area's service population covered by a building within the
    /// service's coverage time.
    public var covered: [Double]
    /// Share (0...1) of each area's service population reached by outreach instead.
    public var outreach: [Double]
    /// Each area's population for the service (persons).
    public var population: [Double]

    public init(code: String, name: String, covered: [Double], outreach: [Double], population: [Double]) {
        self.code = code
        self.name = name
        self.covered = covered
        self.outreach = outreach
        self.population = population
    }

    /// How a service reaches an area (or a merged cell): by a building, by outreach, or not at
    /// all, by where most of its population stands; colours the service's coverage layer.
    enum Reach: Int, CaseIterable {
        case building = 0, outreach, none
    }

    /// The reach of a group of areas: a building when buildings cover at least half of the
    /// group's population, else outreach when buildings and outreach together reach half,
    /// else none. (Without capacity or outreach each area's shares are 0 or 1.)
    func reach<C: Collection>(of members: C) -> Reach where C.Element == Int {
        var total = 0.0, building = 0.0, reached = 0.0
        for i in members {
            let weight = max(population[i], 0)
            total += weight
            building += weight * covered[i]
            reached += weight * outreach[i]
        }
        if total <= 0 {
            // No population: judge by the plain mean, so an empty area is still drawn.
            let count = Double(members.count)
            guard count > 0 else { return .none }
            building = members.reduce(0) { $0 + covered[$1] } / count
            reached = members.reduce(0) { $0 + outreach[$1] } / count
            total = 1
        }
        if building >= total / 2 - 1e-9 { return .building }
        if building + reached >= total / 2 - 1e-9 { return .outreach }
        return .none
    }
}

extension MapValidation {
    /// Each service has a share in 0...1 and a finite population for every area (of both maps).
    static func services(_ services: [MapService], areas: [String]) throws(MapDataError) {
        for service in services {
            guard service.covered.count == areas.count, service.outreach.count == areas.count,
                  service.population.count == areas.count else {
                throw MapDataError(record: "service", id: service.code, field: "areas",
                                   value: "\(service.covered.count), \(service.outreach.count), \(service.population.count) values",
                                   expected: "one value per area (\(areas.count))")
            }
            for i in areas.indices {
                for (field, value) in [("covered", service.covered[i]), ("outreach", service.outreach[i])]
                    where !(value.isFinite && (0 ... 1).contains(value)) {
                    throw MapDataError(record: "service", id: service.code, field: "\(field) of area \(areas[i])",
                                       value: "\(value)", expected: "a share in 0...1")
                }
                guard service.population[i].isFinite else {
                    throw MapDataError(record: "service", id: service.code, field: "population of area \(areas[i])",
                                       value: "\(service.population[i])", expected: "a finite number")
                }
            }
        }
    }
}
