/// How estimated travel times are computed where `travel.csv` is absent.
public struct TravelModel: Sendable, Hashable {
    /// Average door-to-door speed, km/h (> 0).
    public var speedKmh: Double
    /// Road distance over great-circle distance (>= 1 in practice; 1.3 is typical for English roads).
    public var circuity: Double

    /// A travel model; defaults 30 km/h and circuity 1.3.
    public init(speedKmh: Double = 30, circuity: Double = 1.3) {
        self.speedKmh = speedKmh
        self.circuity = circuity
    }

    /// Minutes for a great-circle distance in km: `km x circuity / speed x 60`.
    @inlinable
    public func minutes(forKm km: Double) -> Double { km * circuity / speedKmh * 60 }

    /// Great-circle km reachable within `minutes` (the inverse of `minutes(forKm:)`).
    @inlinable
    public func kilometres(forMinutes minutes: Double) -> Double { minutes / 60 * speedKmh / circuity }
}
