extension InputWarnings {
    /// Columns whose typical value is out of all proportion to the unit FORMAT.md defines, the
    /// way spreadsheets go wrong: costs in thousands of pounds, carbon in kilograms, children as a
    /// share, percentages as shares, travel in seconds. The thresholds are far outside what the
    /// real unit gives (a Children's Centre costs tens of thousands of pounds and emits tens of
    /// tonnes a year; a small area has hundreds of children).
    static func unitWarnings(_ dataset: Dataset) -> [InputWarning] {
        var warnings: [InputWarning] = []
        let costs = dataset.sites.map(\.annualCost).filter { $0 > 0 }
        if !costs.isEmpty, median(costs) < 1_000 {
            warnings.append(InputWarning(kind: .suspectUnit, file: "sites.csv", column: "annual_cost",
                                         message: "the typical annual cost is £\(plain(median(costs))), expected GBP a year "
                                             + "(a building usually costs tens of thousands)",
                                         fix: "costs look like thousands of pounds: multiply by 1000"))
        }
        let carbon = dataset.sites.map(\.carbon).filter { $0 > 0 }
        if !carbon.isEmpty, median(carbon) > 1_000 {
            warnings.append(InputWarning(kind: .suspectUnit, file: "sites.csv", column: "carbon",
                                         message: "the typical carbon is \(plain(median(carbon))) a year, expected tCO2e "
                                             + "(a building usually emits tens of tonnes)",
                                         fix: "carbon looks like kgCO2e: divide by 1000"))
        }
        let children = dataset.areas.map(\.children)
        if let largest = children.max(), largest > 0, largest <= 1 {
            warnings.append(InputWarning(kind: .suspectUnit, file: "areas.csv", column: "children",
                                         message: "every value is at most 1, expected a number of children (persons)",
                                         fix: "the column looks like a share of the population: give the count of children aged 0-19"))
        }
        for (name, values) in zip(dataset.indicators.names, dataset.indicators.columns) where name.hasSuffix("_pct") {
            let known = values.filter { !$0.isNaN }
            if let largest = known.max(), largest > 0, largest <= 1, known.allSatisfy({ $0 >= 0 }) {
                warnings.append(InputWarning(kind: .suspectUnit, file: "areas.csv", column: name,
                                             message: "every value is between 0 and 1, expected a percentage (0-100)",
                                             fix: "the column looks like a share: multiply by 100"))
            }
        }
        if let travel = dataset.travel, travel.horizonMinutes == nil, !travel.areaMinutes.isEmpty,
           median(travel.areaMinutes) > 240 {
            warnings.append(InputWarning(kind: .suspectUnit, file: "travel.csv", column: "minutes",
                                         message: "the typical travel time is \(plain(median(travel.areaMinutes))) minutes "
                                             + "(over four hours)",
                                         fix: "times look like seconds: divide by 60"))
        }
        return warnings
    }

    /// A number as a person would write it: up to 2 decimals, no trailing zeros.
    static func plain(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
    }
}
