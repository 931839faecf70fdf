extension Array where Element == Double {
    /// The median of values already sorted ascending: the middle one, or the mean of the middle
    /// two for an even count; nil when empty. The one definition behind every median Estate
    /// reports (district minutes, equality tables) or uses (district-median imputation, the
    /// typical value a unit warning tests).
    public var medianOfSorted: Double? {
        guard !isEmpty else { return nil }
        let middle = count / 2
        return count % 2 == 1 ? self[middle] : (self[middle - 1] + self[middle]) / 2
    }

    /// The median of the values in any order (see `medianOfSorted`).
    public var median: Double? { sorted().medianOfSorted }
}
