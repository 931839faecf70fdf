extension Dataset {
    /// Checks what every loaded dataset must satisfy and returns a description of each
    /// violation (empty when sound). Tests call it; readers guarantee it.
    public func invariantViolations() -> [String] {
        var problems: [String] = []
        if districts != districts.sorted() { problems.append("districts are not sorted") }
        for (index, area) in areas.enumerated() {
            if !districts.indices.contains(area.district) { problems.append("area \(index) has district \(area.district) out of range") }
            if !(area.children >= 0) || !area.children.isFinite { problems.append("area \(area.id) has children \(area.children)") }
            if !(-90...90).contains(area.latitude) || !(-180...180).contains(area.longitude) {
                problems.append("area \(area.id) has coordinates out of range")
            }
        }
        for site in sites {
            if !districts.indices.contains(site.district) { problems.append("site \(site.id) has a district out of range") }
            if !(site.annualCost >= 0) || !site.annualCost.isFinite { problems.append("site \(site.id) has cost \(site.annualCost)") }
            if !(site.carbon >= 0) || !site.carbon.isFinite { problems.append("site \(site.id) has carbon \(site.carbon)") }
            if let capacity = site.capacity, !(capacity >= 0) || !capacity.isFinite {
                problems.append("site \(site.id) has capacity \(capacity)")
            }
            if !(-90...90).contains(site.latitude) || !(-180...180).contains(site.longitude) {
                problems.append("site \(site.id) has coordinates out of range")
            }
        }
        for record in usage {
            if !areas.indices.contains(record.area) || !sites.indices.contains(record.site) {
                problems.append("a usage record refers to an index out of range")
            } else if !(record.visits >= 0) || !record.visits.isFinite {
                problems.append("usage \(sites[record.site].id)/\(areas[record.area].id) has visits \(record.visits)")
            }
        }
        for column in indicators.columns where column.count != areas.count {
            problems.append("an indicator column has \(column.count) values for \(areas.count) areas")
        }
        if let travel {
            if travel.areaCount != areas.count || travel.siteCount != sites.count {
                problems.append("travel times are sized for another dataset")
            }
            problems.append(contentsOf: travel.invariantViolations())
        }
        return problems
    }
}
