import Estate
import EstateIO
import Planning
import Quantities

extension PlanFiles {
    /// The areas no site could cover within the coverage standard, whatever the plan
    /// (`unreachable_areas.csv`): the list behind the count `estate plan` prints at the top.
    /// `minutes` and `nearest_site_id` are blank when no site is within the travel horizon.
    static func unreachableAreasCSV(_ context: PlanContext) -> [UInt8] {
        let instance = context.instance, dataset = context.dataset
        let unreachable = instance.unreachableAreas(coverageMinutes: context.specification.coverageMinutes)
        var csv = CSVWriter(header: ["area_id", "district", "children", "weight", "nearest_site_id", "minutes"])
        for entry in unreachable.entries {
            let area = dataset.areas[entry.area]
            csv.row([
                area.id, dataset.districts[area.district], Quantity.people.text(area.children),
                Quantity.weight.text(instance.areaWeight[entry.area]),
                entry.nearestSite.map { dataset.sites[$0].id } ?? "", Quantity.minutes.text(entry.minutes),
            ])
        }
        return csv.bytes
    }
}
