import Estate
import Foundation

/// The parts of the Kent dataset that the services (v2) model reads: age-band populations per
/// area and partners' venues. Drawn from their own generator (`random`), after everything the
/// buildings-only dataset draws, so adding them changed none of its values.
extension KentGenerator {
    /// Shares of residents aged 0-19 in each band, from Census 2021 single years of age for
    /// England (0-4: 5.4% of residents, 5-10: about 7.1%, 11-19: about 10.5%, of 23% aged 0-19).
    static let bandShares = (children0to4: 0.235, children5to10: 0.31)
    /// Share of children and young people with special educational needs (SEN support or an EHC
    /// plan): England's schools report about 18% of pupils; 0-25 counted against the 0-19 population.
    static let sendShare = 0.17
    /// Partners' venues per district (community halls, voluntary-sector centres): generated.
    static let partnersPerDistrict = 3

    /// `children_0_4`, `children_5_10`, `young_people_11_19` (adding up to `children`) and
    /// `send_0_25` per area. Needier areas have more young children and more SEND; each share
    /// also varies by area (log-normal).
    static func ageBands(areas: [Area], latent: [Double], random: inout SeededRandom) -> [(String, [Double])] {
        var young: [Double] = [], middle: [Double] = [], older: [Double] = [], send: [Double] = []
        for (index, area) in areas.enumerated() {
            let deprivation = latent[index] - 20
            let c04 = (area.children * bandShares.children0to4 * (1 + 0.008 * deprivation) * exp(0.07 * random.normal())).rounded()
            let c510 = (area.children * bandShares.children5to10 * exp(0.05 * random.normal())).rounded()
            young.append(c04)
            middle.append(c510)
            older.append(max(0, area.children - c04 - c510))
            send.append((area.children * sendShare * max(0.5, 1 + 0.01 * deprivation) * exp(0.15 * random.normal())).rounded())
        }
        return [("children_0_4", young), ("children_5_10", middle), ("young_people_11_19", older), ("send_0_25", send)]
    }

    /// `partnersPerDistrict` partners' venues in every district (`PV001`...), each at a populous,
    /// needy area like the council's buildings, hosting the four partner services. `annual_cost`
    /// is what the council pays to use the room (GBP 2,000-8,000 a year); carbon is the partner's,
    /// so 0 on the council's account.
    static func partners(districts: [KentDistrict], areas: [Area], areasByDistrict: [[Int]], latent: [Double],
                         nearestTown: [String], random: inout SeededRandom) -> [Site] {
        var venues: [Site] = []
        var serial = 0
        for d in districts.indices {
            let candidates = areasByDistrict[d]
            let cumulative = cumulativeSums(candidates.map { areas[$0].children * latent[$0] })
            for _ in 0..<partnersPerDistrict {
                let area = candidates[random.pick(cumulative: cumulative)]
                let cosLatitude = cos(areas[area].latitude * Double.pi / 180)
                var latitude = 0.0, longitude = 0.0
                repeat {
                    latitude = areas[area].latitude + random.normal() * 0.3 / kmPerDegree
                    longitude = areas[area].longitude + random.normal() * 0.3 / (kmPerDegree * cosLatitude)
                } while !KentGeography.isInKent(latitude: latitude, longitude: longitude)
                serial += 1
                venues.append(Site(id: String(format: "PV%03d", serial), name: "\(nearestTown[area]) Community Partner",
                                   kind: KentServices.partnerKind, district: d, latitude: latitude, longitude: longitude,
                                   annualCost: (random.uniform(2_000, 8_000) / 100).rounded() * 100, carbon: 0,
                                   capacity: (random.uniform(2_000, 6_000) / 100).rounded() * 100, status: .candidate,
                                   services: KentServices.partner))
            }
        }
        var counts: [String: Int] = [:]
        for venue in venues { counts[venue.name, default: 0] += 1 }
        var seen: [String: Int] = [:]
        for index in venues.indices where counts[venues[index].name, default: 0] > 1 {
            seen[venues[index].name, default: 0] += 1
            venues[index].name += " \(seen[venues[index].name]!)"
        }
        return venues
    }
}
