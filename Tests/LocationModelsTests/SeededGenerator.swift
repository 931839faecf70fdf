import TestSupport

/// This target's name for the seeded generator all test targets share (TestSupport's SplitMix64).
typealias SeededGenerator = SplitMix64
