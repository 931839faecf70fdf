/// Decoding of the v2 blocks (`services:`, `family_hubs:`, `outreach:`; FORMAT.md), with the
/// same file/line/key-path errors as the rest of the scenario.
extension Scenario {
    static func decodeServices(_ node: ScenarioNode, _ decoder: inout ScenarioDecoder) -> [ServiceDefinition] {
        guard case .list(let items) = node.kind, !items.isEmpty else {
            decoder.fail(node, "services", "a non-empty list of services {code, name, population, coverage_minutes, ...}")
            return []
        }
        var services: [ServiceDefinition] = []
        var seen: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let path = "services.\(index)"
            guard let service = decodeService(item, path, &decoder) else { continue }
            if let first = seen[service.code] {
                decoder.fail(item["code"], "\(path).code", "each service code once (also services.\(first))")
                continue
            }
            seen[service.code] = index
            services.append(service)
        }
        return services
    }

    private static func decodeService(_ node: ScenarioNode, _ path: String,
                                      _ decoder: inout ScenarioDecoder) -> ServiceDefinition? {
        let allowed = ["code", "name", "population", "coverage_minutes", "min_coverage", "min_district_coverage", "max_minutes",
                       "weight", "cost_per_site"]
        guard let entries = decoder.entries(node, path, allowed: allowed) else { return nil }
        var service = ServiceDefinition(code: "")
        var valid = true
        let share: (Double) -> Bool = { (0 ... 1).contains($0) }
        for entry in entries {
            let keyPath = "\(path).\(entry.key)"
            let value = entry.value
            func number(_ expected: String, _ check: @escaping (Double) -> Bool) -> Double? {
                let result = decoder.number(value, keyPath, expected, valid: check)
                if result == nil { valid = false }
                return result
            }
            switch entry.key {
            case "code":
                if let text = decoder.string(value, keyPath, "a service code as sites.csv lists it"),
                   !text.contains(";"), !text.contains(" ") {
                    service.code = text
                } else {
                    if value.text?.isEmpty == false { decoder.fail(value, keyPath, "a code without spaces or ';'") }
                    valid = false
                }
            case "name":
                if let text = decoder.string(value, keyPath, "the service's name in words, e.g. SEND advice") { service.name = text }
                else { valid = false }
            case "population":
                if let text = decoder.string(value, keyPath, "a population column of areas.csv") { service.population = text }
                else { valid = false }
            case "coverage_minutes": service.coverageMinutes = number("minutes >= 0", { $0 >= 0 })
            case "min_coverage": service.minCoverage = number("a share between 0 and 1", share)
            case "min_district_coverage": service.minDistrictCoverage = number("a share between 0 and 1", share)
            case "max_minutes": service.maxMinutes = number("minutes >= 0", { $0 >= 0 })
            case "weight": service.weight = number("a weight >= 0", { $0 >= 0 }) ?? service.weight
            case "cost_per_site": service.costPerSite = number("a yearly cost >= 0 (GBP)", { $0 >= 0 }) ?? service.costPerSite
            default: valid = false
            }
        }
        if !entries.contains(where: { $0.key == "code" }) {
            decoder.fail(node, "\(path).code", "a service code")
            valid = false
        }
        return valid ? service : nil
    }

    static func decodeFamilyHubs(_ node: ScenarioNode, _ decoder: inout ScenarioDecoder) -> FamilyHubSettings? {
        guard let entries = decoder.entries(node, "family_hubs", allowed: ["core", "per_district"]) else { return nil }
        var settings = FamilyHubSettings(core: [])
        var sawCore = false
        for entry in entries {
            let path = "family_hubs.\(entry.key)"
            switch entry.key {
            case "core":
                sawCore = true
                settings.core = decodeCodes(entry.value, path, &decoder) ?? []
            case "per_district":
                settings.perDistrict = decoder.integer(entry.value, path, "a whole number >= 0", valid: { $0 >= 0 })
                    ?? settings.perDistrict
            default: break
            }
        }
        if !sawCore { decoder.fail(node, "family_hubs.core", "the list of core service codes a Family Hub offers") }
        return settings
    }

    static func decodeOutreach(_ node: ScenarioNode, _ decoder: inout ScenarioDecoder) -> OutreachSettings? {
        guard let entries = decoder.entries(node, "outreach", allowed: ["cost_per_person", "services", "value"]) else {
            return nil
        }
        var settings = OutreachSettings(costPerPerson: 0)
        var sawCost = false
        for entry in entries {
            let path = "outreach.\(entry.key)"
            switch entry.key {
            case "cost_per_person":
                sawCost = true
                settings.costPerPerson = decoder.number(entry.value, path, "a yearly cost per person >= 0 (GBP)",
                                                        valid: { $0 >= 0 }) ?? 0
            case "services": settings.services = decodeCodes(entry.value, path, &decoder)
            case "value":
                settings.value = decoder.number(entry.value, path, "a share between 0 and 1",
                                                valid: { (0 ... 1).contains($0) }) ?? settings.value
            default: break
            }
        }
        if !sawCost { decoder.fail(node, "outreach.cost_per_person", "a yearly cost per person reached (required)") }
        return settings
    }

    /// A non-empty list of service codes.
    private static func decodeCodes(_ node: ScenarioNode, _ path: String, _ decoder: inout ScenarioDecoder) -> [String]? {
        guard case .list(let items) = node.kind, !items.isEmpty else {
            decoder.fail(node, path, "a non-empty list of service codes, e.g. [early_years, youth]")
            return nil
        }
        var codes: [String] = []
        for (index, item) in items.enumerated() {
            if let code = decoder.string(item, "\(path).\(index)", "a service code") { codes.append(code) }
        }
        return codes
    }

    /// Every code `family_hubs` and `outreach` name is a service of the scenario; neither block
    /// is meaningful without `services:`.
    static func checkServiceReferences(_ scenario: Scenario, _ document: ScenarioNode, _ decoder: inout ScenarioDecoder) {
        let known = Set(scenario.services.map(\.code))
        let list = scenario.services.map(\.code).joined(separator: ", ")
        if scenario.services.isEmpty {
            for key in ["family_hubs", "outreach"] where scenario.familyHubs != nil && key == "family_hubs"
                || scenario.outreach != nil && key == "outreach" {
                decoder.fail(document[key], key, "a `services:` list to go with it (\(key) plans services)")
            }
            return
        }
        func check(_ codes: [String]?, _ path: String) {
            for (index, code) in (codes ?? []).enumerated() where !known.contains(code) {
                decoder.fail(document.node(at: "\(path).\(index)"), "\(path).\(index)",
                             "a code of `services:` (one of: \(list))")
            }
        }
        check(scenario.familyHubs?.core, "family_hubs.core")
        check(scenario.outreach?.services, "outreach.services")
    }
}
