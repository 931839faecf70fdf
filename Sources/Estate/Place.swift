/// A named place drawn on maps for orientation (a town), from the dataset's optional
/// `places.csv`: it plays no part in any plan, it only tells the reader where they are.
public struct Place: Sendable, Hashable {
    public var name: String
    /// WGS84 degrees.
    public var latitude: Double, longitude: Double

    public init(name: String, latitude: Double, longitude: Double) {
        self.name = name
        self.latitude = latitude
        self.longitude = longitude
    }
}
