extension Scenario {
    /// Errors for indicator columns the needs framework names but `available` (the numeric
    /// columns of areas.csv) lacks, each pointing at the `column:` entry in the scenario file.
    /// The same for the population columns that `services:` names (`children` is always there).
    public func missingColumnErrors(available: [String], areasFile: String = "areas.csv") -> [InputError] {
        var named: [(path: String, column: String)] = []
        for (index, indicator) in (needs?.indicators ?? []).enumerated() {
            named.append(("needs.indicators.\(index).column", indicator.column))
        }
        for service in services where service.population != ServiceDefinition.defaultPopulation {
            let index = document["services"].flatMap { node -> Int? in
                guard case .list(let items) = node.kind else { return nil }
                return items.firstIndex { $0["code"]?.text == service.code }
            }
            named.append((index.map { "services.\($0).population" } ?? "services", service.population))
        }
        var errors: [InputError] = []
        for (path, column) in named where !available.contains(column) {
            let node = document.node(at: path)
            let list = available.isEmpty ? "none" : available.joined(separator: ", ")
            errors.append(InputError(file: file, line: node?.line, column: path, position: node?.column,
                                     value: column,
                                     expected: "a numeric column of \(areasFile) (it has: \(list))"))
        }
        return errors
    }

    /// The `areas.csv` columns this scenario reads beyond the required ones: the needs
    /// framework's indicators and the services' populations (each cell must be a number).
    public var namedAreaColumns: [String] {
        var columns = needs?.indicators.map(\.column) ?? []
        for service in services where service.population != ServiceDefinition.defaultPopulation
            && !columns.contains(service.population) {
            columns.append(service.population)
        }
        return columns
    }

    /// Travel times for this scenario: the dataset's own (from `travel.csv`, within
    /// `travelFileHorizonMinutes` if read without it) when present, otherwise estimated within
    /// `effectiveHorizonMinutes`.
    public func travelTimes(for dataset: Dataset) -> TravelTimes {
        if let travel = dataset.travel {
            guard let horizon = travelFileHorizonMinutes, travel.horizonMinutes != horizon else { return travel }
            return travel.restricted(toMinutes: horizon)
        }
        return TravelTimes.estimated(for: dataset, model: travel.model, horizonMinutes: effectiveHorizonMinutes)
    }

    /// Scores the dataset with this scenario's needs framework and aggregates it.
    public func needReport(for dataset: Dataset, travel: TravelTimes? = nil) throws(InputErrors) -> NeedReport {
        let scores = try NeedScores(dataset: dataset, needs: needs)
        return NeedReport(dataset: dataset, scores: scores, travel: travel ?? travelTimes(for: dataset),
                          coverageMinutes: coverageMinutes)
    }
}
