import Batch
@testable import BatchPlanning
import Estate
import EstateIO
import EstateSynth
import Foundation
import Planning
import Reports
import XCTest

/// Every command must answer a scenario as `estate plan` does. Seeded random scenarios over every
/// objective and every constraint kind (infeasible ones, site statuses and capacity included) are
/// planned four ways: as a scenario file (`estate plan`'s path), as a comparison option, as a row
/// of a batch (overrides from `variants:` and a swept budget, shared inputs, lifted plans), and as
/// a frontier point at the scenario's own bound. Each must give the plan's status, objective and
/// kept sites.
///
/// Each path is checked where its own logic varies: batch rows and frontier points at every
/// budget (the batch lifts and shares plans across the budget axis; the frontier bounds the budget
/// it sweeps), a comparison option once per constraint mix, at a budget that rotates over the
/// axis (it plans the file as `estate plan` does, then explains the plan and reads its files
/// back; the explanation's re-solves made the option two thirds of this test's time).
final class PlanningPathsAgreeTests: XCTestCase {
    /// 4 datasets x 25 variants x 3 budgets = 300 scenarios; 100 of them also as comparison options.
    func testBatchRowsFrontierPointsAndCompareOptionsEqualThePlan() throws {
        let checked = try checkPaths(seed: 20_261_130, datasets: 4, variants: 25) { random, data in RandomScenario(&random, data) }
        XCTAssertEqual(checked.plans, 300)
        // The draw must reach every kind, infeasible scenarios and frontier points in numbers.
        XCTAssertEqual(checked.kinds, RandomScenario.allKinds)
        XCTAssertGreaterThan(checked.infeasible, 30)
        XCTAssertLessThan(checked.infeasible, 200)
        XCTAssertGreaterThan(checked.frontier, 100)
        XCTAssertEqual(checked.compare, 100)
        XCTAssertGreaterThan(checked.compareInfeasible, 10, "comparison options must meet infeasible scenarios too")
    }

    /// The same four ways on services (v2) scenarios, which the planner solves with a model,
    /// heuristic and tie-break of their own: 3 datasets whose buildings host one or both of two
    /// services x 15 variants (every objective, per-service settings, Family Hubs, outreach,
    /// capacity) x 3 budgets = 135 scenarios; 45 of them also as comparison options.
    func testServicesScenariosAgreeOnEveryPath() throws {
        let checked = try checkPaths(seed: 20_261_202, datasets: 3, variants: 15, services: true) { random, data in
            RandomScenario(services: &random, data)
        }
        XCTAssertEqual(checked.plans, 135)
        XCTAssertEqual(checked.kinds, RandomScenario.allServiceKinds)
        XCTAssertGreaterThan(checked.infeasible, 10)
        XCTAssertLessThan(checked.infeasible, 90)
        XCTAssertGreaterThan(checked.frontier, 30)
        XCTAssertEqual(checked.compare, 45)
    }

    /// What ``checkPaths(seed:datasets:variants:services:draw:)`` checked.
    private struct Checked {
        var plans = 0, infeasible = 0, frontier = 0, compare = 0, compareInfeasible = 0
        var kinds = Set<String>()
    }

    /// Plans `datasets` random datasets x `variants` scenarios from `draw` x 3 budgets each way:
    /// as a file, as a batch row, as a comparison option (once per variant, at a budget that
    /// rotates over the axis) and as a frontier point.
    private func checkPaths(seed: UInt64, datasets: Int, variants variantCount: Int, services: Bool = false,
                            draw: (inout SeededRandom, RandomDataset) -> RandomScenario) throws -> Checked {
        var random = SeededRandom(seed: seed)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("paths-agree-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var checked = Checked()

        for datasetIndex in 0 ..< datasets {
            let folder = root.appendingPathComponent("d\(datasetIndex)")
            let data = RandomDataset(&random, services: services)
            try data.write(to: folder)
            let budgets: [Double?] = [(data.totalCost * 0.35).rounded(), (data.totalCost * 0.65).rounded(), nil]
            var variants: [RandomScenario] = []
            while variants.count < variantCount {  // distinct, as a batch refuses two identical scenarios
                let variant = draw(&random, data)
                if !variants.contains(variant) { variants.append(variant) }
            }
            let batchFile = folder.appendingPathComponent("batch.yaml")
            try RandomScenario.batchText(variants, budgets: budgets).write(to: batchFile, atomically: true, encoding: .utf8)

            let solver = BatchPlanSolver(scenarioFile: batchFile, engineVersion: "test")
            for expanded in try BatchExpansion.expand(contentsOf: batchFile) {
                let variant = Int(expanded.variant!.dropFirst())!
                let budgetText = expanded.parameters.first { $0.key == "constraints.budget" }!.text
                var scenario = variants[variant]
                let budgetIndex = budgets.firstIndex { $0.map { String(Int($0)) } ?? "~" == budgetText }!
                scenario.budget = budgets[budgetIndex]
                checked.kinds.formUnion(scenario.kinds)
                let label = "dataset \(datasetIndex), \(expanded.name): \(scenario)"

                let file = folder.appendingPathComponent("s\(checked.plans).yaml")
                try scenario.text.write(to: file, atomically: true, encoding: .utf8)
                let inputs = try InputLoader.load(path: file.path)
                let plan = Outcome(try PlanPipeline.run(scenario: inputs.scenario, dataset: inputs.dataset).plan,
                                   sites: data.siteIDs)
                checked.plans += 1
                if plan.status == .infeasible { checked.infeasible += 1 }

                let row = try solver.solve(expanded)
                XCTAssertEqual(Outcome(row), plan, "batch row, \(label)")
                if budgetIndex == variant % budgets.count {
                    XCTAssertEqual(try compareOption(file), plan, "compare option, \(label)")
                    checked.compare += 1
                    if plan.status == .infeasible { checked.compareInfeasible += 1 }
                }

                if let (x, epsilon) = scenario.frontierBound {
                    let y = scenario.objective.criterion
                    let points = try FrontierPoints(scenario: inputs.scenario, dataset: inputs.dataset, x: x, y: y)
                    let point = Outcome(try points.solve(objective: scenario.objective, epsilon: epsilon).plan,
                                        sites: data.siteIDs)
                    // The frontier lifts the scenario's own bound on y; plan that scenario as a file too.
                    var lifted = scenario
                    lifted.release(y)
                    let liftedFile = folder.appendingPathComponent("s\(checked.plans)-frontier.yaml")
                    try lifted.text.write(to: liftedFile, atomically: true, encoding: .utf8)
                    let liftedInputs = try InputLoader.load(path: liftedFile.path)
                    var expected = plan
                    if lifted != scenario {
                        let liftedPlan = try PlanPipeline.run(scenario: liftedInputs.scenario, dataset: liftedInputs.dataset).plan
                        expected = Outcome(liftedPlan, sites: data.siteIDs)
                    }
                    XCTAssertEqual(point, expected, "frontier point x \(x.rawValue) = \(epsilon), \(label)")
                    checked.frontier += 1
                }
            }
        }
        return checked
    }

    /// A comparison option's outcome (a scenario file solved on the spot).
    private func compareOption(_ file: URL) throws -> Outcome {
        do {
            let record = try ComparisonOption.load(file.path, engineVersion: "test")
            return Outcome(status: record.summary.status, objective: record.summary.objective,
                           kept: record.sites.filter(\.decision.isOpen).map(\.id).sorted())
        } catch ComparisonError.noPlan(_, let status) {
            return Outcome(status: status, objective: nil, kept: [])
        }
    }
}

/// What the paths must agree on: status, objective (to the 6 decimals `summary.json` keeps, and
/// a relative 1e-7), kept sites.
private struct Outcome: Equatable, CustomStringConvertible {
    var status: PlanStatus
    var objective: Double?
    var kept: [String]

    init(status: PlanStatus, objective: Double?, kept: [String]) {
        (self.status, self.objective, self.kept) = (status, status.hasPlan ? objective : nil, status.hasPlan ? kept : [])
    }

    init(_ plan: Plan, sites: [String]) {
        self.init(status: plan.status, objective: plan.objective,
                  kept: plan.keep.indices.filter { plan.keep[$0] }.map { sites[$0] }.sorted())
    }

    init(_ row: BatchResult) {
        self.init(status: PlanStatus(rawValue: row.status.rawValue)!, objective: row.objective, kept: row.keptSites)
    }

    static func == (a: Self, b: Self) -> Bool {
        guard a.status == b.status, a.kept == b.kept else { return false }
        switch (a.objective, b.objective) {
        case (nil, nil): return true
        case let (x?, y?): return abs(x - y) <= max(1e-6, 1e-7 * max(abs(x), abs(y)))
        default: return false
        }
    }

    var description: String { "\(status.rawValue) \(objective.map { "\($0)" } ?? "-") [\(kept.joined(separator: " "))]" }
}

/// A small random dataset with travel.csv, usage, an IMD column with ties, keep/close statuses
/// and capacities, written as FORMAT.md's CSVs.
private struct RandomDataset {
    var districts: [String]
    var areas: [(id: String, district: Int, children: Int, imd: Int, fsm: Int)]
    var sites: [(id: String, district: Int, cost: Int, carbon: Double, capacity: Int?, status: SiteStatus)]
    var minutes: [[Int?]]
    var usage: [(site: Int, area: Int, visits: Int)]
    /// Per site, the services it can host (`sites.csv`'s `services`); empty for a dataset without.
    var siteServices: [[String]] = []

    var siteIDs: [String] { sites.map(\.id) }
    var totalCost: Double { Double(sites.reduce(0) { $0 + $1.cost }) }
    var totalCarbon: Double { sites.reduce(0) { $0 + $1.carbon } }

    /// With `services`, each building hosts one or both of `hub` and `youth`, drawn after the
    /// rest (so a dataset without services is the one it always was).
    init(_ random: inout SeededRandom, services: Bool = false) {
        districts = (1 ... Int.random(in: 2 ... 3, using: &random)).map { "D\($0)" }
        let districtCount = districts.count
        areas = (0 ..< Int.random(in: 8 ... 12, using: &random)).map { i in
            ("A\(10 + i)", Int.random(in: 0 ..< districtCount, using: &random), Int.random(in: 40 ... 400, using: &random),
             5 * Int.random(in: 1 ... 12, using: &random), Int.random(in: 2 ... 40, using: &random))
        }
        sites = (0 ..< Int.random(in: 5 ... 7, using: &random)).map { j in
            let roll = random.uniform()
            return ("B\(10 + j)", Int.random(in: 0 ..< districtCount, using: &random),
                    1_000 * Int.random(in: 40 ... 160, using: &random) + Int.random(in: 0 ... 999, using: &random),
                    Double(Int.random(in: 50 ... 400, using: &random)) / 10,
                    random.uniform() < 0.5 ? Int.random(in: 150 ... 1_500, using: &random) : nil,
                    roll < 0.08 ? .keep : roll < 0.16 ? .close : .candidate)
        }
        let siteCount = sites.count
        minutes = areas.map { _ in
            (0 ..< siteCount).map { _ in random.uniform() < 0.8 ? Int.random(in: 0 ... 40, using: &random) : nil }
        }
        var usage: [(Int, Int, Int)] = []
        for area in areas.indices where random.uniform() < 0.6 {
            usage.append((Int.random(in: 0 ..< siteCount, using: &random), area, Int.random(in: 20 ... 400, using: &random)))
        }
        self.usage = usage
        if services {
            siteServices = sites.map { _ in [["hub"], ["youth"], ["hub", "youth"]].randomElement(using: &random)! }
        }
    }

    func write(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func file(_ name: String, _ lines: [String]) throws {
            try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent(name), atomically: true,
                                                             encoding: .utf8)
        }
        try file("areas.csv", ["area_id,district,lat,lon,children,imd_score,fsm_pct"] + areas.enumerated().map { i, a in
            "\(a.id),\(districts[a.district]),\(51 + Double(i) / 100),\(0.5 + Double(i) / 100),\(a.children),\(a.imd),\(a.fsm)"
        })
        let hosts = !siteServices.isEmpty
        try file("sites.csv", ["site_id,name,kind,district,lat,lon,annual_cost,carbon,capacity,status" + (hosts ? ",services" : "")]
            + sites.enumerated().map { j, s in
                "\(s.id),Site \(j),family_hub,\(districts[s.district]),51.05,0.55,\(s.cost),\(s.carbon),"
                    + "\(s.capacity.map(String.init) ?? ""),\(s.status.rawValue)"
                    + (hosts ? "," + siteServices[j].joined(separator: ";") : "")
            })
        var travel = ["area_id,site_id,minutes"]
        for (i, row) in minutes.enumerated() {
            for (j, value) in row.enumerated() { if let value { travel.append("\(areas[i].id),\(sites[j].id),\(value)") } }
        }
        try file("travel.csv", travel)
        try file("usage.csv", ["site_id,area_id,service,visits"] + usage.map { "\(sites[$0.site].id),\(areas[$0.area].id),hub,\($0.visits)" })
    }
}

/// A random scenario over every objective and constraint kind, written as a scenario file or as
/// a variant's dotted overrides.
private struct RandomScenario: Equatable, CustomStringConvertible {
    var needs: Bool
    var objective: Objective
    var coverageMinutes: Int
    var budget: Double?
    var carbon: Double?
    var minSites: Int?
    var maxSites: Int?
    var minPerDistrict: Int?
    var minCoverage: Double?
    var minDistrictCoverage: Double?
    var minDeprivedCoverage: Double?
    var deprivedShare: Double?
    var maxMinutes: Int?
    /// `true` (split) or `single`; nil without capacity.
    var capacity: String?
    var visitsPerChild: Double?
    /// A services (v2) scenario's `services:`, `family_hubs:` and `outreach:`, as flow YAML.
    var services: String?
    var familyHubs: String?
    var outreach: String?

    static let allKinds: Set<String> = ["budget", "carbon", "sites", "min_per_district", "min_coverage",
                                        "min_district_coverage", "min_deprived_coverage", "max_minutes", "capacity",
                                        "capacity: single"]

    /// The kinds a services scenario can draw.
    static let allServiceKinds: Set<String> = allKinds.union(["services", "family_hubs", "outreach"])

    init(_ random: inout SeededRandom, _ data: RandomDataset) {
        func maybe<T>(_ p: Double, _ value: () -> T) -> T? { random.uniform() < p ? value() : nil }
        func share(_ low: Int, _ high: Int) -> Double { Double(Int.random(in: low ... high, using: &random)) / 100 }
        needs = random.uniform() < 0.5
        objective = Objective.allCases.randomElement(using: &random)!
        coverageMinutes = Int.random(in: 5 ... 30, using: &random)
        carbon = maybe(0.25) { (data.totalCarbon * share(30, 90) * 10).rounded() / 10 }
        if random.uniform() < 0.3 {
            let n = data.sites.count
            switch Int.random(in: 0 ... 3, using: &random) {
            case 0: maxSites = Int.random(in: 1 ... n, using: &random)
            case 1: minSites = Int.random(in: 1 ... n, using: &random)
            case 2: (minSites, maxSites) = (Int.random(in: 1 ... n - 2, using: &random), Int.random(in: n - 2 ... n, using: &random))
            default: let k = Int.random(in: 1 ... n, using: &random); (minSites, maxSites) = (k, k)
            }
        }
        minPerDistrict = maybe(0.2) { Int.random(in: 1 ... 2, using: &random) }
        minCoverage = maybe(0.25) { share(30, 95) }
        minDistrictCoverage = maybe(0.2) { share(20, 90) }
        minDeprivedCoverage = maybe(0.3) { share(30, 100) }
        if minDeprivedCoverage != nil { deprivedShare = maybe(0.7) { share(10, 50) } }
        maxMinutes = maybe(0.2) { Int.random(in: 15 ... 45, using: &random) }
        // Split or single sourcing by the coverage time's parity: no extra draw, so the other
        // settings stay as they were before single sourcing existed.
        capacity = random.uniform() < 0.25 ? (coverageMinutes % 2 == 0 ? "single" : "true") : nil
        if capacity != nil { visitsPerChild = maybe(0.5) { share(50, 200) } }
    }

    /// A services scenario on a dataset whose buildings host `hub` and `youth`: the draw above (its
    /// coverage minimums are then each service's), and each service's own coverage time, cost,
    /// weight and minimum, Family Hubs and outreach.
    init(services random: inout SeededRandom, _ data: RandomDataset) {
        self.init(&random, data)
        // Every service must meet those minimums: half the time none, or most plans are infeasible.
        if random.uniform() < 0.5 { (minCoverage, minDistrictCoverage, minDeprivedCoverage, deprivedShare) = (nil, nil, nil, nil) }
        func maybe<T>(_ p: Double, _ value: () -> T) -> T? { random.uniform() < p ? value() : nil }
        func share(_ low: Int, _ high: Int) -> Double { Double(Int.random(in: low ... high, using: &random)) / 100 }
        let items = ["hub", "youth"].map { code in
            var fields = ["code: \(code)", "population: children"]
            if random.uniform() < 0.5 { fields.append("coverage_minutes: \(Int.random(in: 5 ... 30, using: &random))") }
            if random.uniform() < 0.6 { fields.append("cost_per_site: \(1_000 * Int.random(in: 1 ... 20, using: &random))") }
            if random.uniform() < 0.4 { fields.append("weight: \(Int.random(in: 2 ... 3, using: &random))") }
            if random.uniform() < 0.25 { fields.append("min_coverage: \(share(20, 80))") }
            return "{" + fields.joined(separator: ", ") + "}"
        }
        services = "[" + items.joined(separator: ", ") + "]"
        familyHubs = maybe(0.4) { "{core: [hub, youth], per_district: 1}" }
        outreach = maybe(0.4) { "{cost_per_person: \(Int.random(in: 1 ... 30, using: &random)), services: [youth], value: \(share(30, 90))}" }
    }

    var kinds: Set<String> {
        var kinds = Set<String>()
        if services != nil { kinds.insert("services") }
        if familyHubs != nil { kinds.insert("family_hubs") }
        if outreach != nil { kinds.insert("outreach") }
        if budget != nil { kinds.insert("budget") }
        if carbon != nil { kinds.insert("carbon") }
        if minSites != nil || maxSites != nil { kinds.insert("sites") }
        if minPerDistrict != nil { kinds.insert("min_per_district") }
        if minCoverage != nil { kinds.insert("min_coverage") }
        if minDistrictCoverage != nil { kinds.insert("min_district_coverage") }
        if minDeprivedCoverage != nil { kinds.insert("min_deprived_coverage") }
        if maxMinutes != nil { kinds.insert("max_minutes") }
        if capacity != nil { kinds.insert("capacity") }
        if capacity == "single" { kinds.insert("capacity: single") }
        return kinds
    }

    /// The scenario's settings as (dotted key, YAML value), budget included when set.
    private var settings: [(key: String, value: String)] {
        var pairs: [(String, String)] = [("objective", objective.rawValue), ("coverage_minutes", "\(coverageMinutes)")]
        for (key, value) in [("services", services), ("family_hubs", familyHubs), ("outreach", outreach)] {
            if let value { pairs.append((key, value)) }
        }
        func add(_ key: String, _ value: (some CustomStringConvertible)?) {
            if let value { pairs.append(("constraints.\(key)", value.description)) }
        }
        add("budget", budget.map { Int($0) })
        add("carbon", carbon)
        if minSites != nil || maxSites != nil {
            let bounds = [minSites.map { "min: \($0)" }, maxSites.map { "max: \($0)" }].compactMap { $0 }
            pairs.append(("constraints.sites", "{\(bounds.joined(separator: ", "))}"))
        }
        add("min_per_district", minPerDistrict)
        add("min_coverage", minCoverage)
        add("min_district_coverage", minDistrictCoverage)
        add("min_deprived_coverage", minDeprivedCoverage)
        add("deprived_share", deprivedShare)
        add("max_minutes", maxMinutes)
        if let capacity { pairs.append(("constraints.capacity", capacity)) }
        add("visits_per_child", visitsPerChild)
        return pairs
    }

    private static let needsText = """
        needs:
          indicators:
            - {column: imd_score, weight: 0.6, direction: higher_is_worse, transform: rank}
            - {column: fsm_pct, weight: 0.4, direction: higher_is_worse, transform: zscore}
          usage_weight: 0.2

        """

    /// The scenario as its own file (nested YAML, as a user writes it).
    var text: String {
        var text = "dataset: .\n" + (needs ? Self.needsText : "")
        var constraints: [String] = []
        for (key, value) in settings {
            if key.hasPrefix("constraints.") {
                constraints.append("  \(key.dropFirst("constraints.".count)): \(value)")
            } else {
                text += "\(key): \(value)\n"
            }
        }
        if !constraints.isEmpty { text += "constraints:\n" + constraints.joined(separator: "\n") + "\n" }
        return text
    }

    /// One batch of `variants` (named v0, v1, ...; no budget of their own) times `budgets`.
    /// The needs framework is an override too: a variant without one sets `needs: ~`.
    static func batchText(_ variants: [RandomScenario], budgets: [Double?]) -> String {
        var text = "dataset: .\n" + needsText + "batch:\n  constraints.budget: ["
            + budgets.map { $0.map { String(Int($0)) } ?? "~" }.joined(separator: ", ") + "]\nvariants:\n"
        for (index, variant) in variants.enumerated() {
            let overrides = (variant.needs ? [] : [("needs", "~")]) + variant.settings.map { ($0.key, $0.value) }
            text += "  v\(index): {" + overrides.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}\n"
        }
        return text
    }

    /// The bound a frontier point of this scenario is taken at: x is a criterion the scenario
    /// bounds (other than its objective's), epsilon the scenario's value for it. (A services
    /// scenario's `min_coverage` is each service's minimum, not the frontier's weighted share.)
    var frontierBound: (FrontierCriterion, Double)? {
        let y = objective.criterion
        let bounds: [(FrontierCriterion, Double?)] = [(.cost, budget), (.carbon, carbon), (.sites, maxSites.map(Double.init)),
                                                      (.coverage, services == nil ? minCoverage : nil)]
        return bounds.first { $0.0 != y && $0.1 != nil }.map { ($0.0, $0.1!) }
    }

    /// Removes the scenario's bound on `criterion` (what a frontier does to its optimised axis).
    mutating func release(_ criterion: FrontierCriterion) {
        switch criterion {
        case .cost: budget = nil
        case .carbon: carbon = nil
        case .sites: maxSites = nil
        case .coverage: if services == nil { minCoverage = nil }
        case .travel: break
        }
    }

    var description: String { settings.map { "\($0.key)=\($0.value)" }.joined(separator: " ") + (needs ? " +needs" : "") }

    static func == (a: Self, b: Self) -> Bool { a.description == b.description }
}

private extension Objective {
    /// The frontier criterion this objective optimises.
    var criterion: FrontierCriterion {
        switch self {
        case .maxCoverage: .coverage
        case .minCost: .cost
        case .minTravel: .travel
        case .minCarbon: .carbon
        case .minSites: .sites
        }
    }
}
