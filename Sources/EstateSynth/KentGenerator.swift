import Estate
import Foundation

/// Generates the illustrative default Kent dataset: Kent's 12 districts with their Census 2021
/// populations, ~900 small areas placed around the main towns and across each district,
/// deprivation indicators whose district means follow the IMD 2019 district ordering, 100
/// buildings (Children's Centres and Youth Hubs) with plausible costs, carbon and capacity,
/// and usage figures. Seeded: the same seed gives the same dataset, byte for byte.
/// It is illustrative, not KCC's real site list.
public enum KentGenerator {
    /// The seed the committed `datasets/kent` was generated with.
    public static let defaultSeed: UInt64 = 2021

    /// The generated dataset plus the buildings-only scenario's budget (GBP/year): half the cost
    /// of keeping every council building not already closing, so that the budget binds (coverage
    /// grows with it) while at least one hub per district stays affordable.
    public struct Output: Sendable {
        /// The generated dataset.
        public var dataset: Dataset
        /// The buildings-only scenario's budget, GBP/year.
        public var budget: Double
        /// The Family Hub Network scenario's budget for buildings, services and outreach, GBP/year.
        public var networkBudget: Double
    }

    /// Generates the Kent dataset from `seed` (the committed files use `defaultSeed`).
    public static func generate(seed: UInt64 = defaultSeed) -> Output {
        var random = SeededRandom(seed: seed)
        var retry = SeededRandom(seed: seed ^ 0x5EA_5EA)
        let districts = KentGeography.districts
        let names = districts.map(\.name)
        precondition(names == names.sorted(), "district table must be in name order")

        // 1. Areas per district, proportional to population (largest remainder), 901 in all.
        let totalPopulation = districts.reduce(0) { $0 + $1.population }
        let quotas = districts.map { Double(KentGeography.lsoaCount) * $0.population / totalPopulation }
        var counts = quotas.map { Int($0) }
        let order = quotas.indices.sorted { (quotas[$0] - Double(counts[$0]), $1) > (quotas[$1] - Double(counts[$1]), $0) }
        for index in order.prefix(KentGeography.lsoaCount - counts.reduce(0, +)) { counts[index] += 1 }

        // 2. Place areas and draw a latent deprivation for each.
        var areas: [Area] = []
        var latent: [Double] = []
        var nearestTown: [String] = []
        for (d, district) in districts.enumerated() {
            let cosLatitude = cos(district.latitude * Double.pi / 180)
            let townShares = district.towns.map(\.share)
            let rural = max(0, 1 - townShares.reduce(0, +))
            let cumulative = cumulativeSums(townShares + [rural])
            var raw: [Double] = []
            var placed: [(Double, Double, Bool, String)] = []
            for _ in 0..<counts[d] {
                let choice = random.pick(cumulative: cumulative)
                let urban = choice < district.towns.count
                // A point that falls in the sea or in Medway is drawn again from the same
                // distribution with a second generator, so the main sequence (and every other
                // value of the dataset) does not depend on how often that happens.
                var (latitude, longitude) = KentGenerator.position(district, choice: choice, cosLatitude: cosLatitude, random: &random)
                var attempts = 0
                while !KentGeography.isInKent(latitude: latitude, longitude: longitude) && attempts < 200 {
                    (latitude, longitude) = KentGenerator.position(district, choice: choice, cosLatitude: cosLatitude, random: &retry)
                    attempts += 1
                }
                let town = urban ? district.towns[choice].name : district.towns.min { a, b in
                    hypot(a.latitude - latitude, (a.longitude - longitude) * cosLatitude)
                        < hypot(b.latitude - latitude, (b.longitude - longitude) * cosLatitude)
                }!.name
                placed.append((latitude, longitude, urban, town))
                // Town centres are needier than suburbs and villages (log scale).
                raw.append(0.42 * random.normal() + (urban ? 0.12 : -0.25))
            }
            // Scale so the district's mean score equals its target exactly.
            let scores = raw.map { exp($0) }
            let mean = scores.reduce(0, +) / Double(scores.count)
            let perArea = district.population / Double(counts[d])
            for (index, place) in placed.enumerated() {
                let score = scores[index] * district.meanDeprivation / mean
                let population = perArea * exp(0.18 * random.normal())
                let childShare = KentGeography.childShare * (1 + 0.004 * (score - 20)) * exp(0.08 * random.normal())
                // Ids read like "THA042": district prefix and a serial, visibly not real LSOA codes.
                let code = String(district.name.uppercased().prefix(3)) + String(format: "%03d", index + 1)
                areas.append(Area(id: code, district: d, latitude: place.0, longitude: place.1,
                                  children: (population * childShare).rounded()))
                latent.append(score)
                nearestTown.append(place.3)
            }
        }

        // 3. Indicators correlated with the deprivation score.
        var imd: [Double] = [], idaci: [Double] = [], cin: [Double] = [], fsm: [Double] = []
        for score in latent {
            imd.append((score * 1000).rounded() / 1000)
            idaci.append(min(0.65, max(0.01, 0.0075 * score * exp(0.25 * random.normal()))))
            cin.append(max(80, 120 + 11 * score * exp(0.3 * random.normal())))
            fsm.append(min(65, max(2, 0.95 * score * exp(0.2 * random.normal()))))
        }
        var indicators = IndicatorTable()
        indicators.append(name: "imd_score", values: imd)
        indicators.append(name: "idaci_score", values: idaci.map { ($0 * 1000).rounded() / 1000 })
        indicators.append(name: "cin_rate", values: cin.map { ($0 * 10).rounded() / 10 })
        indicators.append(name: "fsm_pct", values: fsm.map { ($0 * 10).rounded() / 10 })
        // Every draw from here on that the v1 dataset did not make comes from `extra`, so the
        // columns, buildings and usage the first version generated stay byte for byte the same.
        var extra = SeededRandom(seed: seed ^ 0xFA_11_1E5)
        for (name, values) in KentGenerator.ageBands(areas: areas, latent: latent, random: &extra) {
            indicators.append(name: name, values: values)
        }

        // 4. Buildings: allocated to districts by children x deprivation, at least 4 Children's
        //    Centres and 1 Youth Hub each; placed at a needy, populous area, jittered by ~300 m.
        let areasByDistrict = (0..<districts.count).map { d in areas.indices.filter { areas[$0].district == d } }
        let demand = districts.indices.map { d in
            areasByDistrict[d].reduce(0.0) { $0 + areas[$1].children } * (0.6 + 0.4 * districts[d].meanDeprivation / 19)
        }
        func allocate(_ total: Int, minimum: Int) -> [Int] {
            var result = [Int](repeating: minimum, count: districts.count)
            let remaining = total - minimum * districts.count
            let sum = demand.reduce(0, +)
            let shares = demand.map { Double(remaining) * $0 / sum }
            for d in result.indices { result[d] += Int(shares[d]) }
            let order = shares.indices.sorted { (shares[$0] - shares[$0].rounded(.down), $1) > (shares[$1] - shares[$1].rounded(.down), $0) }
            for d in order.prefix(total - result.reduce(0, +)) { result[d] += 1 }
            return result
        }
        let centres = allocate(KentGeography.childrensCentres, minimum: 4)
        let hubs = allocate(KentGeography.youthHubs, minimum: 1)
        var sites: [Site] = []
        var nameCounts: [String: Int] = [:]
        for kind in ["childrens_centre", "youth_hub"] {
            let perDistrict = kind == "childrens_centre" ? centres : hubs
            var serial = 0
            for d in districts.indices {
                let candidates = areasByDistrict[d]
                let cumulative = cumulativeSums(candidates.map { areas[$0].children * latent[$0] })
                for _ in 0..<perDistrict[d] {
                    let area = candidates[random.pick(cumulative: cumulative)]
                    let cosLatitude = cos(areas[area].latitude * Double.pi / 180)
                    var latitude = areas[area].latitude + random.normal() * 0.3 / kmPerDegree
                    var longitude = areas[area].longitude + random.normal() * 0.3 / (kmPerDegree * cosLatitude)
                    var attempts = 0
                    while !KentGeography.isInKent(latitude: latitude, longitude: longitude) && attempts < 200 {
                        latitude = areas[area].latitude + retry.normal() * 0.3 / kmPerDegree
                        longitude = areas[area].longitude + retry.normal() * 0.3 / (kmPerDegree * cosLatitude)
                        attempts += 1
                    }
                    serial += 1
                    let town = nearestTown[area]
                    let label = kind == "childrens_centre" ? "Children's Centre" : "Youth Hub"
                    let key = "\(town) \(label)"
                    nameCounts[key, default: 0] += 1
                    let size = exp(0.35 * random.normal())          // relative floor area
                    let isCentre = kind == "childrens_centre"
                    let cost = ((isCentre ? 85_000 : 120_000) * size * random.uniform(0.85, 1.15) / 500).rounded() * 500
                    let carbon = ((isCentre ? 18 : 26) * size * random.uniform(0.7, 1.3) * 10).rounded() / 10
                    let capacity = ((isCentre ? 11_000 : 8_000) * size * random.uniform(0.8, 1.2) / 100).rounded() * 100
                    sites.append(Site(id: String(format: isCentre ? "CC%03d" : "YH%03d", serial), name: key,
                                      kind: kind, district: d, latitude: latitude, longitude: longitude, annualCost: cost,
                                      carbon: carbon, capacity: capacity, status: .candidate,
                                      services: KentServices.hosted(byKind: kind, capacity: capacity)))
                }
            }
        }
        // Number repeated names ("Margate Children's Centre 2") in id order.
        var seen: [String: Int] = [:]
        for index in sites.indices where nameCounts[sites[index].name, default: 0] > 1 {
            seen[sites[index].name, default: 0] += 1
            sites[index].name += " \(seen[sites[index].name]!)"
        }
        // The largest youth building of each district is its in-house Youth Hub (KCC runs 12, one
        // a district): room for the early years offer too, so it can be a Family Hub.
        for d in districts.indices {
            if let largest = sites.indices.filter({ sites[$0].district == d && sites[$0].kind == "youth_hub" })
                .max(by: { (sites[$0].capacity ?? 0, $1) < (sites[$1].capacity ?? 0, $0) }) {
                sites[largest].services = KentServices.all.filter { KentServices.core.contains($0) || sites[largest].services.contains($0) }
            }
        }
        // A few buildings are fixed: the largest Children's Centre in each of the five most
        // deprived districts must stay (e.g. under a lease); two small ones are already closing.
        let needy = districts.indices.sorted { districts[$0].meanDeprivation > districts[$1].meanDeprivation }.prefix(5)
        for d in needy {
            if let largest = sites.indices.filter({ sites[$0].district == d && sites[$0].kind == "childrens_centre" })
                .max(by: { (sites[$0].capacity ?? 0, $1) < (sites[$1].capacity ?? 0, $0) }) {
                sites[largest].status = .keep
            }
        }
        let smallest = sites.indices.filter { sites[$0].kind == "childrens_centre" && sites[$0].status == .candidate }
            .sorted { (sites[$0].capacity ?? 0, $0) < (sites[$1].capacity ?? 0, $1) }
        for index in smallest.prefix(2) { sites[index].status = .close }

        // 5. Usage: each building draws visits from areas within 12 km, decaying with distance
        //    and rising with need, scaled to 50-90% of its capacity.
        var usage: [UsageRecord] = []
        for (s, site) in sites.enumerated() where site.status != .close {
            var pulls: [(Int, Double)] = []
            for (a, area) in areas.enumerated() {
                let km = Geodesy.distanceKm(latitude1: site.latitude, longitude1: site.longitude,
                                            latitude2: area.latitude, longitude2: area.longitude)
                if km <= 12 { pulls.append((a, area.children * exp(-km / 2.5) * (0.5 + latent[a] / 20))) }
            }
            let total = pulls.reduce(0) { $0 + $1.1 }
            guard total > 0, let capacity = site.capacity else { continue }
            let visits = capacity * random.uniform(0.5, 0.9)
            let mix = KentServices.usageMix(kind: site.kind, random: &extra)
            for (a, pull) in pulls {
                let value = (visits * pull / total).rounded()
                guard value >= 10 else { continue }
                for (service, part) in KentServices.split(value, over: mix) where part > 0 {
                    usage.append(UsageRecord(site: s, area: a, service: service, visits: part))
                }
            }
        }
        sites += KentGenerator.partners(districts: districts, areas: areas, areasByDistrict: areasByDistrict,
                                        latent: latent, nearestTown: nearestTown, random: &extra)

        var dataset = Dataset(source: "kent (generated, seed \(seed))", districts: names, areas: areas, sites: sites,
                              usage: usage, indicators: indicators)
        dataset.provenance = provenance
        dataset.boundaries = KentBoundaries.outlines(for: areas)
        // Towns a map labels: those with a fifth or more of their district's people.
        dataset.places = districts.flatMap { $0.towns.filter { $0.share >= 0.2 } }
            .map { Place(name: $0.name, latitude: $0.latitude, longitude: $0.longitude) }
        let totalCost = sites.filter { $0.status != .close && $0.kind != KentServices.partnerKind }.reduce(0) { $0 + $1.annualCost }
        return Output(dataset: dataset, budget: (totalCost * 0.5 / 100_000).rounded() * 100_000,
                      networkBudget: (totalCost * KentGenerator.networkBudgetShare / 100_000).rounded() * 100_000)
    }

    /// A position around town `choice` of `district` (normal spread), or for the last choice
    /// uniformly inside the district's rural ellipse.
    static func position(_ district: KentDistrict, choice: Int, cosLatitude: Double,
                         random: inout SeededRandom) -> (Double, Double) {
        if choice < district.towns.count {
            let centre = district.towns[choice]
            let spreadKm = 0.8 + 2.2 * centre.share.squareRoot()
            return (centre.latitude + random.normal() * spreadKm / kmPerDegree,
                    centre.longitude + random.normal() * spreadKm / (kmPerDegree * cosLatitude))
        }
        var u = 0.0, v = 0.0
        repeat {
            u = random.uniform(-1, 1)
            v = random.uniform(-1, 1)
        } while u * u + v * v > 1
        return (district.latitude + v * district.radiusNorthKm / kmPerDegree,
                district.longitude + u * district.radiusEastKm / (kmPerDegree * cosLatitude))
    }

    /// What the generated Kent dataset declares about itself, so that no map or report of it can
    /// pass for Kent County Council's real estate.
    public static let provenance = DatasetProvenance(illustrative: true, caveats: [
        "Generated from public figures (see the dataset's README): not Kent County Council's site list; areas are not real LSOAs.",
    ])
}
