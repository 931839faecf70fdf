import Seeding

/// The seeded generator every test target draws its random instances from (`Seeding`'s, which
/// the benchmarks and `EstateSynth` use too), so an instance is reproduced by its seed alone.
public typealias SplitMix64 = Seeding.SplitMix64
