/// Solver limits (`solver: {time_limit_s, mip_gap}`).
public struct SolverSettings: Sendable, Hashable {
    /// Wall-clock limit, seconds; `nil` for none. Default 60.
    public var timeLimitSeconds: Double?
    /// Relative MIP gap at which to stop; 0 proves optimality (the default).
    public var mipGap: Double
    /// Solver limits; defaults 60 s and a gap of 0 (prove optimality).
    public init(timeLimitSeconds: Double? = 60, mipGap: Double = 0) {
        self.timeLimitSeconds = timeLimitSeconds
        self.mipGap = mipGap
    }
}
