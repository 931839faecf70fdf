extension Scenario {
    /// Errors for indicator columns the needs framework names but `available` (the numeric
    /// columns of areas.csv) lacks, each pointing at the `column:` entry in the scenario file.
    public func missingColumnErrors(available: [String], areasFile: String = "areas.csv") -> [InputError] {
        guard let needs else { return [] }
        var errors: [InputError] = []
        for (index, indicator) in needs.indicators.enumerated() where !available.contains(indicator.column) {
            let path = "needs.indicators.\(index).column"
            let node = document.node(at: path)
            let list = available.isEmpty ? "none" : available.joined(separator: ", ")
            errors.append(InputError(file: file, line: node?.line, column: path, position: node?.column,
                                     value: indicator.column,
                                     expected: "a numeric column of \(areasFile) (it has: \(list))"))
        }
        return errors
    }

    /// Travel times for this scenario: the dataset's own (from `travel.csv`) when present,
    /// otherwise estimated within `effectiveHorizonMinutes`.
    public func travelTimes(for dataset: Dataset) -> TravelTimes {
        if let travel = dataset.travel { return travel }
        return TravelTimes.estimated(for: dataset, model: travel.model, horizonMinutes: effectiveHorizonMinutes)
    }

    /// Scores the dataset with this scenario's needs framework and aggregates it.
    public func needReport(for dataset: Dataset, travel: TravelTimes? = nil) throws(InputErrors) -> NeedReport {
        let scores = try NeedScores(dataset: dataset, needs: needs)
        return NeedReport(dataset: dataset, scores: scores, travel: travel ?? travelTimes(for: dataset),
                          coverageMinutes: coverageMinutes)
    }
}
