extension Scenario {
    /// The top-level keys a scenario may have. `batch:` and `variants:` belong to the batch engine,
    /// which expands them into scenarios without them; a single run ignores both.
    public static let topLevelKeys = ["name", "description", "dataset", "needs", "travel", "objective", "coverage_minutes",
                                      "constraints", "solver", "services", "family_hubs", "outreach", "batch", "variants"]

    /// Decodes a scenario from its parsed document, collecting every problem (wrong type, out of
    /// range, unknown key) with its file, line, character column and key path.
    /// `needs:` must be a mapping here: a reader replaces `needs: file.yaml` by that file's content.
    public init(document: ScenarioNode, file: String) throws(InputErrors) {
        var decoder = ScenarioDecoder(file: file)
        var scenario = Scenario(file: file, document: document)
        if case .null = document.kind {
            decoder.fail(document, "", "a scenario mapping (the file is empty)")
        } else if let entries = decoder.entries(document, "", allowed: Scenario.topLevelKeys) {
            for entry in entries {
                let node = entry.value
                switch entry.key {
                case "name":
                    if let text = decoder.string(node, "name", "the option's name as text") { scenario.name = text }
                case "description":
                    if let text = decoder.string(node, "description", "a description of the option as text") {
                        scenario.description = text
                    }
                case "dataset":
                    if let text = decoder.string(node, "dataset", "a dataset folder path") { scenario.dataset = text }
                case "needs":
                    if case .null = node.kind { continue }
                    scenario.needs = Scenario.decodeNeeds(node, &decoder)
                case "travel":
                    if case .null = node.kind { continue }
                    scenario.travel = Scenario.decodeTravel(node, &decoder)
                case "objective":
                    if let value = decoder.choice(node, "objective", Objective.self) { scenario.objective = value }
                case "coverage_minutes":
                    if let value = decoder.number(node, "coverage_minutes", "minutes \(Plausible.describe(Plausible.minutes))",
                                                  valid: Plausible.minutes.contains) {
                        scenario.coverageMinutes = value
                    }
                case "constraints":
                    if case .null = node.kind { continue }
                    scenario.constraints = Scenario.decodeConstraints(node, &decoder)
                case "solver":
                    if case .null = node.kind { continue }
                    scenario.solver = Scenario.decodeSolver(node, &decoder)
                case "services":
                    if case .null = node.kind { continue }
                    scenario.services = Scenario.decodeServices(node, &decoder)
                case "family_hubs":
                    if case .null = node.kind { continue }
                    scenario.familyHubs = Scenario.decodeFamilyHubs(node, &decoder)
                case "outreach":
                    if case .null = node.kind { continue }
                    scenario.outreach = Scenario.decodeOutreach(node, &decoder)
                case "batch", "variants":
                    continue
                default:
                    break
                }
            }
            Scenario.checkServiceReferences(scenario, document, &decoder)
        }
        if !decoder.errors.isEmpty {
            // Report in file order, whatever order the keys were checked in.
            let ordered = decoder.errors.errors.enumerated().sorted {
                ($0.element.line ?? 0, $0.element.position ?? 0, $0.offset) < ($1.element.line ?? 0, $1.element.position ?? 0, $1.offset)
            }.map(\.element)
            throw InputErrors(ordered, omitted: decoder.errors.omitted)
        }
        self = scenario
    }

    private static func decodeNeeds(_ node: ScenarioNode, _ decoder: inout ScenarioDecoder) -> NeedsFramework? {
        if node.text != nil {
            decoder.fail(node, "needs", "a needs mapping, or a needs file that the reader can open")
            return nil
        }
        guard let entries = decoder.entries(node, "needs", allowed: ["indicators", "usage_weight", "missing", "multiplier"]) else {
            return nil
        }
        var framework = NeedsFramework(indicators: [])
        var sawIndicators = false
        for entry in entries {
            let path = "needs.\(entry.key)"
            switch entry.key {
            case "indicators":
                sawIndicators = true
                guard case .list(let items) = entry.value.kind, !items.isEmpty else {
                    decoder.fail(entry.value, path, "a non-empty list of indicators {column, weight, direction, transform}")
                    continue
                }
                for (index, item) in items.enumerated() {
                    if let indicator = decodeIndicator(item, "\(path).\(index)", &decoder) {
                        framework.indicators.append(indicator)
                    }
                }
            case "usage_weight":
                if let value = decoder.number(entry.value, path, "a share between 0 and 1", valid: { (0...1).contains($0) }) {
                    framework.usageWeight = value
                }
            case "missing":
                if let value = decoder.choice(entry.value, path, MissingValueRule.self) { framework.missing = value }
            case "multiplier":
                guard let bounds = decoder.entries(entry.value, path, allowed: ["min", "max"]) else { continue }
                var low = NeedsFramework.defaultMultiplierRange.lowerBound
                var high = NeedsFramework.defaultMultiplierRange.upperBound
                for bound in bounds {
                    let value = decoder.number(bound.value, "\(path).\(bound.key)", "a multiplier above 0 and at most 1,000,000",
                                               valid: { $0 > 0 && $0 <= 1e6 })
                    if bound.key == "min", let value { low = value }
                    if bound.key == "max", let value { high = value }
                }
                if low <= high { framework.multiplierRange = low...high } else {
                    decoder.fail(entry.value, path, "min <= max")
                }
            default:
                break
            }
        }
        if !sawIndicators { decoder.fail(node, "needs.indicators", "a list of indicators") }
        if sawIndicators, !framework.indicators.isEmpty, !framework.indicators.contains(where: { $0.weight > 0 }) {
            decoder.fail(node["indicators"], "needs.indicators", "at least one indicator with a weight > 0")
        }
        let columns = framework.indicators.map(\.column)
        if Set(columns).count != columns.count {
            decoder.fail(node["indicators"], "needs.indicators", "each column named once")
        }
        return framework
    }

    private static func decodeIndicator(_ node: ScenarioNode, _ path: String, _ decoder: inout ScenarioDecoder) -> Indicator? {
        guard let entries = decoder.entries(node, path, allowed: ["column", "weight", "direction", "transform"]) else { return nil }
        var column: String?
        var weight: Double?
        var direction = IndicatorDirection.higherIsWorse
        var transform = IndicatorTransform.rank
        var valid = true
        for entry in entries {
            let keyPath = "\(path).\(entry.key)"
            switch entry.key {
            case "column": column = decoder.string(entry.value, keyPath, "a column name of areas.csv")
            case "weight": weight = decoder.number(entry.value, keyPath, "a weight between 0 and 1,000,000",
                                                          valid: { (0 ... 1e6).contains($0) })
                if weight == nil { valid = false }
            case "direction":
                if let value = decoder.choice(entry.value, keyPath, IndicatorDirection.self) { direction = value } else { valid = false }
            case "transform":
                if let value = decoder.choice(entry.value, keyPath, IndicatorTransform.self) { transform = value } else { valid = false }
            default: valid = false
            }
        }
        if column == nil, !entries.contains(where: { $0.key == "column" }) { decoder.fail(node, "\(path).column", "a column name") }
        if weight == nil, !entries.contains(where: { $0.key == "weight" }) { decoder.fail(node, "\(path).weight", "a weight >= 0") }
        guard valid, let column, let weight else { return nil }
        return Indicator(column: column, weight: weight, direction: direction, transform: transform)
    }

    private static func decodeTravel(_ node: ScenarioNode, _ decoder: inout ScenarioDecoder) -> TravelSettings {
        var settings = TravelSettings()
        guard let entries = decoder.entries(node, "travel", allowed: ["speed_kmh", "circuity", "horizon_minutes"]) else {
            return settings
        }
        for entry in entries {
            let path = "travel.\(entry.key)"
            switch entry.key {
            case "speed_kmh":
                if let value = decoder.number(entry.value, path, "a speed in km/h above 0 and at most 1,000",
                                                valid: { $0 > 0 && Plausible.speedKmh.contains($0) }) { settings.model.speedKmh = value }
            case "circuity":
                if let value = decoder.number(entry.value, path, "a circuity factor above 0 and at most 100 (typically 1.2 to 1.5)",
                                              valid: { $0 > 0 && $0 <= 100 }) {
                    settings.model.circuity = value
                }
            case "horizon_minutes":
                if let value = decoder.number(entry.value, path, "minutes \(Plausible.describe(Plausible.minutes))",
                                                valid: Plausible.minutes.contains) { settings.horizonMinutes = value }
            default: break
            }
        }
        return settings
    }

    private static func decodeConstraints(_ node: ScenarioNode, _ decoder: inout ScenarioDecoder) -> Constraints {
        var constraints = Constraints()
        let allowed = ["budget", "carbon", "sites", "min_per_district", "min_coverage", "min_district_coverage",
                       "min_deprived_coverage", "deprived_share", "max_minutes", "capacity", "visits_per_child"]
        guard let entries = decoder.entries(node, "constraints", allowed: allowed) else { return constraints }
        let share: (Double) -> Bool = { (0...1).contains($0) }
        for entry in entries {
            let path = "constraints.\(entry.key)"
            let value = entry.value
            if case .null = value.kind { continue }
            switch entry.key {
            case "budget": constraints.budget = decoder.number(value, path, "a budget in GBP/year \(Plausible.describe(Plausible.annualCost))",
                                                           valid: Plausible.annualCost.contains)
            case "carbon": constraints.carbon = decoder.number(value, path, "a carbon cap in tCO2e/year \(Plausible.describe(Plausible.carbon))",
                                                           valid: Plausible.carbon.contains)
            case "sites": constraints.sites = decodeSiteCount(value, path, &decoder)
            case "min_per_district":
                constraints.minPerDistrict = decoder.integer(value, path, "a whole number >= 0", valid: { $0 >= 0 })
            case "min_coverage": constraints.minCoverage = decoder.number(value, path, "a share between 0 and 1", valid: share)
            case "min_district_coverage":
                constraints.minDistrictCoverage = decoder.number(value, path, "a share between 0 and 1", valid: share)
            case "min_deprived_coverage":
                constraints.minDeprivedCoverage = decoder.number(value, path, "a share between 0 and 1", valid: share)
            case "deprived_share":
                constraints.deprivedShare = decoder.number(value, path, "a share of areas above 0 and at most 1",
                                                           valid: { $0 > 0 && $0 <= 1 }) ?? constraints.deprivedShare
            case "max_minutes": constraints.maxMinutes = decoder.number(value, path, "minutes \(Plausible.describe(Plausible.minutes))",
                                                               valid: Plausible.minutes.contains)
            case "capacity": constraints.capacity = decodeCapacity(value, path, &decoder)
            case "visits_per_child":
                constraints.visitsPerChild = decoder.number(value, path, "visits per child per year \(Plausible.describe(Plausible.visitsPerChild))",
                                                            valid: Plausible.visitsPerChild.contains) ?? constraints.visitsPerChild
            default: break
            }
        }
        return constraints
    }

    /// `true` and `split` share demand between sites, `single` sends each area to one site,
    /// `false` ignores capacity.
    private static func decodeCapacity(_ node: ScenarioNode, _ path: String,
                                       _ decoder: inout ScenarioDecoder) -> CapacityAssignment? {
        switch node.text?.lowercased() {
        case "true", "yes", "on", "split": return .split
        case "single": return .single
        case "false", "no", "off": return nil
        default:
            decoder.fail(node, path, "true, false, split or single")
            return nil
        }
    }

    private static func decodeSiteCount(_ node: ScenarioNode, _ path: String, _ decoder: inout ScenarioDecoder) -> SiteCountLimit? {
        guard let entries = decoder.entries(node, path, allowed: ["max", "min", "exactly"]) else { return nil }
        var limit = SiteCountLimit()
        for entry in entries {
            guard let count = decoder.integer(entry.value, "\(path).\(entry.key)", "a whole number of sites >= 0",
                                              valid: { $0 >= 0 }) else { continue }
            switch entry.key {
            case "max": limit.maximum = count
            case "min": limit.minimum = count
            default:
                if entries.count > 1 { decoder.fail(node, path, "`exactly` alone, not with min or max") }
                limit = .exactly(count)
            }
        }
        if let low = limit.minimum, let high = limit.maximum, low > high { decoder.fail(node, path, "min <= max") }
        return limit
    }

    private static func decodeSolver(_ node: ScenarioNode, _ decoder: inout ScenarioDecoder) -> SolverSettings {
        var settings = SolverSettings()
        guard let entries = decoder.entries(node, "solver", allowed: ["time_limit_s", "mip_gap"]) else { return settings }
        for entry in entries {
            let path = "solver.\(entry.key)"
            switch entry.key {
            case "time_limit_s":
                if case .null = entry.value.kind { settings.timeLimitSeconds = nil; continue }
                if let value = decoder.number(entry.value, path, "seconds above 0 and at most a year (31,536,000)",
                                                valid: { $0 > 0 && Plausible.seconds.contains($0) }) { settings.timeLimitSeconds = value }
            case "mip_gap":
                if let value = decoder.number(entry.value, path, "a relative gap >= 0", valid: { $0 >= 0 }) { settings.mipGap = value }
            default: break
            }
        }
        return settings
    }
}
