/// What the Kent generator starts from: public facts (district names and Census 2021
/// populations) and approximate geography (centres, extents, main towns). See
/// `datasets/kent/README.md` for sources and for which numbers are illustrative.
struct KentDistrict {
    /// Local authority district name.
    var name: String
    /// Census 2021 usual residents, rounded to the nearest hundred (ONS, first results, June 2022).
    var population: Double
    /// Approximate centre of the district, degrees.
    var latitude: Double, longitude: Double
    /// Approximate half-extent east-west and north-south, km (an ellipse for rural areas).
    var radiusEastKm: Double, radiusNorthKm: Double
    /// Main towns: name, centre (degrees), share of the district's population living there.
    var towns: [(name: String, latitude: Double, longitude: Double, share: Double)]
    /// Illustrative district mean IMD-style score, ordered as the IMD 2019 district ranking
    /// (rank of average score) orders Kent's districts; not the published values.
    var meanDeprivation: Double
}

enum KentGeography {
    /// Number of LSOAs in the Kent County Council area in the IoD 2019 (KCC Strategic Commissioning bulletin, January 2020).
    static let lsoaCount = 901
    /// Children's Centre buildings in Kent before the 2023 Community Services consultation (79, as reported from KCC's proposal).
    static let childrensCentres = 79
    /// Youth hubs in this illustrative estate (so the estate has 100 buildings; not a published count).
    static let youthHubs = 21
    /// Share of residents aged 0-19 (Census 2021 for Kent is close to 24%).
    static let childShare = 0.238

    static let districts: [KentDistrict] = [
        KentDistrict(name: "Ashford", population: 132_700, latitude: 51.12, longitude: 0.82, radiusEastKm: 14, radiusNorthKm: 12,
                     towns: [("Ashford", 51.146, 0.875, 0.62), ("Tenterden", 51.069, 0.687, 0.06)], meanDeprivation: 18.5),
        KentDistrict(name: "Canterbury", population: 157_400, latitude: 51.29, longitude: 1.10, radiusEastKm: 12, radiusNorthKm: 9,
                     towns: [("Canterbury", 51.280, 1.080, 0.38), ("Whitstable", 51.361, 1.026, 0.20), ("Herne Bay", 51.372, 1.127, 0.24)],
                     meanDeprivation: 19.5),
        KentDistrict(name: "Dartford", population: 116_800, latitude: 51.43, longitude: 0.24, radiusEastKm: 6, radiusNorthKm: 5,
                     towns: [("Dartford", 51.446, 0.218, 0.55), ("Swanscombe", 51.447, 0.310, 0.25)], meanDeprivation: 17.5),
        KentDistrict(name: "Dover", population: 116_400, latitude: 51.20, longitude: 1.27, radiusEastKm: 11, radiusNorthKm: 11,
                     towns: [("Dover", 51.127, 1.313, 0.34), ("Deal", 51.223, 1.401, 0.28), ("Sandwich", 51.274, 1.339, 0.06),
                             ("Aylesham", 51.226, 1.198, 0.05)], meanDeprivation: 23.0),
        KentDistrict(name: "Folkestone and Hythe", population: 109_800, latitude: 51.05, longitude: 0.99, radiusEastKm: 14, radiusNorthKm: 10,
                     towns: [("Folkestone", 51.081, 1.166, 0.48), ("Hythe", 51.071, 1.084, 0.12), ("New Romney", 50.985, 0.941, 0.07),
                             ("Lydd", 50.951, 0.907, 0.04)], meanDeprivation: 24.0),
        KentDistrict(name: "Gravesham", population: 106_900, latitude: 51.41, longitude: 0.39, radiusEastKm: 7, radiusNorthKm: 5,
                     towns: [("Gravesend", 51.441, 0.368, 0.68), ("Northfleet", 51.444, 0.330, 0.15)], meanDeprivation: 22.0),
        KentDistrict(name: "Maidstone", population: 175_800, latitude: 51.24, longitude: 0.60, radiusEastKm: 13, radiusNorthKm: 9,
                     towns: [("Maidstone", 51.272, 0.529, 0.68), ("Headcorn", 51.168, 0.626, 0.03), ("Marden", 51.174, 0.494, 0.03)],
                     meanDeprivation: 17.0),
        KentDistrict(name: "Sevenoaks", population: 120_500, latitude: 51.28, longitude: 0.15, radiusEastKm: 8, radiusNorthKm: 15,
                     towns: [("Sevenoaks", 51.272, 0.190, 0.25), ("Swanley", 51.397, 0.173, 0.18), ("Edenbridge", 51.197, 0.065, 0.07),
                             ("Westerham", 51.266, 0.070, 0.03)], meanDeprivation: 11.5),
        KentDistrict(name: "Swale", population: 151_700, latitude: 51.34, longitude: 0.82, radiusEastKm: 14, radiusNorthKm: 8,
                     towns: [("Sittingbourne", 51.340, 0.735, 0.40), ("Sheerness", 51.440, 0.760, 0.15), ("Minster", 51.421, 0.810, 0.10),
                             ("Faversham", 51.316, 0.890, 0.14)], meanDeprivation: 26.5),
        KentDistrict(name: "Thanet", population: 140_600, latitude: 51.36, longitude: 1.36, radiusEastKm: 9, radiusNorthKm: 4,
                     towns: [("Margate", 51.385, 1.384, 0.35), ("Ramsgate", 51.336, 1.416, 0.30), ("Broadstairs", 51.359, 1.440, 0.20)],
                     meanDeprivation: 31.0),
        KentDistrict(name: "Tonbridge and Malling", population: 132_200, latitude: 51.26, longitude: 0.38, radiusEastKm: 8, radiusNorthKm: 11,
                     towns: [("Tonbridge", 51.195, 0.274, 0.34), ("Kings Hill", 51.280, 0.400, 0.12), ("Snodland", 51.330, 0.443, 0.10),
                             ("Larkfield", 51.300, 0.450, 0.12)], meanDeprivation: 12.5),
        KentDistrict(name: "Tunbridge Wells", population: 115_300, latitude: 51.12, longitude: 0.40, radiusEastKm: 14, radiusNorthKm: 8,
                     towns: [("Royal Tunbridge Wells", 51.132, 0.263, 0.52), ("Southborough", 51.159, 0.262, 0.10),
                             ("Paddock Wood", 51.182, 0.389, 0.07), ("Cranbrook", 51.097, 0.535, 0.05)], meanDeprivation: 11.0),
    ]
}

extension KentGeography {
    /// A coarse outline of the KCC area (latitude, longitude), clockwise from Dartford: the
    /// Thames and the coast to Dungeness, then the borders with East Sussex, Surrey and London.
    /// About 1 km accurate; only used to keep generated points on land.
    static let outline: [(Double, Double)] = [
        (51.470, 0.150), (51.468, 0.230), (51.462, 0.300), (51.455, 0.380), (51.460, 0.450), (51.470, 0.550),
        (51.460, 0.700), (51.445, 0.740), (51.440, 0.800), (51.420, 0.900), (51.390, 0.950), (51.355, 0.980),
        (51.365, 1.030), (51.378, 1.130), (51.380, 1.200), (51.392, 1.330), (51.392, 1.385), (51.378, 1.445),
        (51.355, 1.450), (51.330, 1.425), (51.310, 1.380), (51.270, 1.370), (51.240, 1.405), (51.220, 1.410),
        (51.180, 1.405), (51.140, 1.375), (51.120, 1.330), (51.078, 1.200), (51.070, 1.150), (51.068, 1.080),
        (51.025, 1.000), (51.005, 0.980), (50.915, 0.975), (50.925, 0.900), (50.950, 0.780), (51.000, 0.720),
        (51.030, 0.620), (51.060, 0.520), (51.090, 0.420), (51.120, 0.300), (51.130, 0.180), (51.140, 0.050),
        (51.200, 0.030), (51.260, 0.050), (51.300, 0.060), (51.350, 0.100), (51.400, 0.130), (51.440, 0.150),
    ]

    /// Medway, a unitary authority inside the outline but outside the KCC area.
    static let medway: [(Double, Double)] = [
        (51.500, 0.440), (51.500, 0.750), (51.420, 0.720), (51.370, 0.670), (51.340, 0.600), (51.340, 0.500),
        (51.370, 0.440),
    ]

    /// Whether a point lies in the KCC area (inside the outline, outside Medway).
    static func isInKent(latitude: Double, longitude: Double) -> Bool {
        contains(outline, latitude, longitude) && !contains(medway, latitude, longitude)
    }

    /// Even-odd ray casting.
    static func contains(_ polygon: [(Double, Double)], _ latitude: Double, _ longitude: Double) -> Bool {
        var inside = false
        var j = polygon.count - 1
        for i in polygon.indices {
            let (yi, xi) = polygon[i], (yj, xj) = polygon[j]
            if (yi > latitude) != (yj > latitude) && longitude < (xj - xi) * (latitude - yi) / (yj - yi) + xi {
                inside.toggle()
            }
            j = i
        }
        return inside
    }
}
