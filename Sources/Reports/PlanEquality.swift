import Estate
import EstateIO
import EstateMap
import Planning

/// The equality-impact view of a plan: each area's outcome with its deprivation score, for the
/// decile, most-deprived and district tables (`equality.csv`) and the map's deciles.
public enum PlanEquality {
    /// The indicator column used as the deprivation score when the dataset has it; otherwise the
    /// composite need score ranks areas (it is built from deprivation indicators). A column with
    /// blank cells cannot rank every area, so it falls back to the need score too.
    public static let deprivationColumn = "imd_score"

    /// Each area's deprivation score: `imd_score` when the dataset has it, else the need score.
    public static func deprivationScores(dataset: Dataset, needScore: [Double]) -> (scores: [Double], source: String) {
        let indicators = dataset.indicators
        if let column = indicators.index(of: deprivationColumn), !indicators.columns[column].contains(where: \.isNaN) {
            return (indicators.columns[column], deprivationColumn)
        }
        return (needScore, "need_score")
    }

    /// The most deprived `share` of the areas (at least one when share > 0), ranked as the equality
    /// tables rank them (`EqualityImpact.deciles`: score descending, ties by area id), so that
    /// `deprived_share: 0.2` picks exactly the areas of deciles 1 and 2.
    public static func mostDeprived(dataset: Dataset, needScore: [Double], share: Double) -> [Int] {
        let scores = deprivationScores(dataset: dataset, needScore: needScore).scores
        let ranked = dataset.areas.indices.sorted {
            scores[$0] != scores[$1] ? scores[$0] > scores[$1] : dataset.areas[$0].id < dataset.areas[$1].id
        }
        let count = Int((share * Double(ranked.count)).rounded(.up))
        return Array(ranked.prefix(count)).sorted()
    }

    /// Each area's outcome under the plan.
    public static func areas(_ context: PlanContext) -> [EqualityArea] {
        let dataset = context.dataset, plan = context.plan
        let scores = deprivationScores(dataset: context.dataset, needScore: context.needScore).scores
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
