/// What to do with a blank indicator cell.
public enum MissingValueRule: String, Sendable, Hashable, CaseIterable {
    /// A blank cell is an input error naming the file, line and column (the default).
    case error
    /// A blank cell takes the median of the same column over the other areas of its district
    /// (or of the county when the whole district is blank).
    case districtMedian = "district_median"
}
