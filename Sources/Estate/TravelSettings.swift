/// Travel settings: how minutes are estimated without `travel.csv`, and how far.
public struct TravelSettings: Sendable, Hashable {
    /// Speed and circuity (`speed_kmh`, `circuity`).
    public var model: TravelModel
    /// The estimated horizon (`horizon_minutes`, default 60): pairs beyond it are not computed.
    /// The effective horizon is never below `coverage_minutes` or `max_minutes`
    /// (`Scenario.effectiveHorizonMinutes`). Ignored when `travel.csv` is given.
    public var horizonMinutes: Double

    /// Default `horizon_minutes`: an hour, beyond which no family is expected to travel.
    public static let defaultHorizonMinutes = 60.0

    /// Travel settings; defaults 30 km/h, circuity 1.3, a 60-minute horizon.
    public init(model: TravelModel = TravelModel(), horizonMinutes: Double = TravelSettings.defaultHorizonMinutes) {
        self.model = model
        self.horizonMinutes = horizonMinutes
    }
}
