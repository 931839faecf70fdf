/// A small area (e.g. an LSOA): the unit of demand.
public struct Area: Sendable, Hashable {
    /// The area's code (e.g. an LSOA code), unique within the dataset.
    public var id: String
    /// Dense index into `Dataset.districts`.
    public var district: Int
    /// Latitude of the population-weighted centroid, decimal degrees (WGS84).
    public var latitude: Double
    /// Longitude of the population-weighted centroid, decimal degrees (WGS84).
    public var longitude: Double
    /// Resident children and young people aged 0-19: the demand base (persons, >= 0).
    public var children: Double

    /// Creates an area; `district` indexes `Dataset.districts`.
    public init(id: String, district: Int, latitude: Double, longitude: Double, children: Double) {
        self.id = id
        self.district = district
        self.latitude = latitude
        self.longitude = longitude
        self.children = children
    }
}
