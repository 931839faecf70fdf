import Estate
import EstateIO
import EstateMap
import Planning

/// The equality-impact view of a plan: each area's outcome with its deprivation score, for the
/// decile, most-deprived and district tables (`equality.csv`) and the map's deciles.
public enum PlanEquality {
    /// Each area's outcome under the plan.
    public static func areas(_ context: PlanContext) -> [EqualityArea] {
        let dataset = context.dataset, plan = context.plan
        let scores = context.deprivation.scores
        var visits = Array(repeating: 0.0, count: dataset.areas.count)
        var displaced = Array(repeating: 0.0, count: dataset.areas.count)
        for record in dataset.usage {
            visits[record.area] += record.visits
            if !plan.keep.isEmpty, !plan.keep[record.site] { displaced[record.area] += record.visits }
        }
        return dataset.areas.indices.map { i in
            let area = dataset.areas[i]
            return EqualityArea(
                id: area.id, district: dataset.districts[area.district], deprivationScore: scores[i],
                children: area.children, weight: context.instance.areaWeight[i],
                minutes: plan.areaMinutes.isEmpty ? nil : plan.areaMinutes[i],
                covered: plan.areaCoveredShare.isEmpty ? false : plan.areaCoveredShare[i] >= 1 - 1e-9,
                visits: visits[i], visitsDisplaced: displaced[i])
        }
    }

    /// `equality.csv`: the equality tables of the plan.
    public static func csv(_ context: PlanContext) throws -> [UInt8] {
        var writer = CSVWriter(header: EqualityRow.csvHeader)
        for row in try EqualityImpact.table(areas(context)) { writer.row(row.csvFields) }
        return writer.bytes
    }
}
