/// What a dataset says about itself (`dataset.yaml` beside `areas.csv`): whether its figures are
/// illustrative, and caveats every result made from it must carry. A map or report of made-up
/// buildings that does not say so can be screenshotted and passed off as a real proposal, so the
/// declaration travels from the dataset into `summary.json`, every map, report and workbook.
public struct DatasetProvenance: Sendable, Hashable, Codable {
    /// `illustrative: true`: the data is not a council's real estate (generated or anonymised).
    public var illustrative: Bool
    /// Sentences a reader of any result must see (`caveats:`), in file order.
    public var caveats: [String]

    /// The keys `dataset.yaml` may hold.
    public static let keys = ["illustrative", "caveats"]

    /// The sentence maps and reports show for an illustrative dataset.
    public static let illustrativeWarning = "Illustrative data: not a real estate or a real proposal."

    /// A provenance; the default (real data, no caveats) is what a folder without `dataset.yaml` has.
    public init(illustrative: Bool = false, caveats: [String] = []) {
        self.illustrative = illustrative
        self.caveats = caveats
    }

    /// Every line a result must show: the illustrative warning first, then the caveats.
    public var notices: [String] {
        (illustrative ? [Self.illustrativeWarning] : []) + caveats
    }

    /// Decodes `dataset.yaml`, reporting every wrong key or value with its line and column.
    /// `otherKeys` are the file's keys another reader owns (the manifest's `areas`, `sites`, ...).
    public init(document: ScenarioNode, file: String, otherKeys: [String] = []) throws(InputErrors) {
        var decoder = ScenarioDecoder(file: file)
        var provenance = DatasetProvenance()
        if case .null = document.kind {
            // An empty file declares nothing.
        } else if let entries = decoder.entries(document, "", allowed: Self.keys + otherKeys) {
            for entry in entries {
                switch entry.key {
                case "illustrative":
                    if let value = decoder.boolean(entry.value, "illustrative") { provenance.illustrative = value }
                case "caveats":
                    guard case .list(let items) = entry.value.kind else {
                        decoder.fail(entry.value, "caveats", "a list of sentences")
                        continue
                    }
                    for (index, item) in items.enumerated() {
                        if let text = decoder.string(item, "caveats.\(index)", "a sentence") { provenance.caveats.append(text) }
                    }
                default:
                    break
                }
            }
        }
        if !decoder.errors.isEmpty { throw InputErrors(decoder.errors.errors, omitted: decoder.errors.omitted) }
        self = provenance
    }
}
