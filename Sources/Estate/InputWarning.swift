/// Something in valid inputs that is probably a mistake: the data read, but a plan made from it
/// would likely be a silent wrong answer (a site placed in the Indian Ocean by swapped
/// coordinates is simply closed). Warnings never stop a run; they are printed before it.
public struct InputWarning: Sendable, Hashable, CustomStringConvertible {
    /// What was noticed; each kind has its own check in `InputWarnings`.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A site or area far from every other point: swapped or projected coordinates.
        case isolatedLocation = "isolated_location"
        /// The areas as a whole lie outside Great Britain (every coordinate swapped, for example).
        case outsideGreatBritain = "outside_great_britain"
        /// Areas that no site (other than `close` ones) reaches within the coverage standard.
        case unreachableAreas = "unreachable_areas"
        /// A district of `areas.csv` with no site that could be kept.
        case districtWithoutSite = "district_without_site"
        /// A column whose values look like another unit than the one the format defines.
        case suspectUnit = "suspect_unit"
        /// Areas the boundary file has no outline for (another census's codes?).
        case missingBoundary = "missing_boundary"
    }

    /// Which check raised it.
    public var kind: Kind
    /// The file concerned (`areas.csv`, `sites.csv`, `travel.csv`).
    public var file: String
    /// The column concerned, when there is one.
    public var column: String?
    /// The row's id (`area_id` or `site_id`), when the warning is about one row.
    public var id: String?
    /// What was found, in plain words.
    public var message: String
    /// The most likely fix, when one can be named.
    public var fix: String?

    /// Creates a warning; see the properties.
    public init(kind: Kind, file: String, column: String? = nil, id: String? = nil, message: String, fix: String? = nil) {
        self.kind = kind
        self.file = file
        self.column = column
        self.id = id
        self.message = message
        self.fix = fix
    }

    /// `warning: sites.csv: site_id 'S9': column 'lat': ... (likely fix: ...)`.
    public var description: String {
        var text = "warning: \(file):"
        if let id { text += " \(file == "sites.csv" ? "site_id" : "area_id") '\(id)':" }
        if let column { text += " column '\(column)':" }
        text += " \(message)"
        if let fix { text += "; likely fix: \(fix)" }
        return text
    }
}
