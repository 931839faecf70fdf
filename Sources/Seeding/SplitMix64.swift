import Foundation

/// SplitMix64 (Steele, Lea and Flood, 2014): the one small seeded generator of the package. The
/// test targets draw their random instances from it, the benchmarks their generated estates and
/// instances, and `EstateSynth` seeds its xoshiro256** with it, so an instance is reproduced by
/// its seed alone, in any target and on any machine. A module of its own, depending on nothing,
/// so the solver's benchmarks need not build the domain to use it.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A standard normal draw (Box-Muller, the second of the pair discarded), for the synthetic
    /// estates that scatter areas around district centres.
    public mutating func normal() -> Double {
        let u = Double.random(in: Double.ulpOfOne..<1, using: &self), v = Double.random(in: 0..<1, using: &self)
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}
