import Estate
import EstateIO

extension PlanFolderReader {
    /// The service tables a v2 plan writes; read when present (a v1 folder has neither).
    /// `area_services.csv` is optional: without it a comparison draws no per-service layers.
    static let serviceFiles = ["services.csv", "service_equality.csv", "area_services.csv"]

    /// A v2 plan's `services.csv` and `service_equality.csv`, validated; nil when the folder has
    /// neither; an error when it has one without the other (files from different runs).
    static func readServices(_ files: [String: [UInt8]], areaIDs: Set<String>, label: (String) -> String) throws -> PlanRecord.ServiceText? {
        let coverageBytes = files["services.csv"], equalityBytes = files["service_equality.csv"]
        if coverageBytes == nil && equalityBytes == nil { return nil }
        guard let coverageBytes, let equalityBytes else {
            let missing = coverageBytes == nil ? "services.csv" : "service_equality.csv"
            throw InputErrors([InputError(file: label(missing), expected: "a file written with every plan with services (it is missing)")])
        }
        let coverage = try CSVDocument(bytes: coverageBytes, file: label("services.csv"))
        let columns = try coverage.requireColumns(["service", "district", "covered_share", "outreach_share", "sites_offering", "cost"])
        var errors = InputErrorCollector(file: label("services.csv"))
        var rows: [[String]] = []
        for row in 0 ..< coverage.rowCount {
            for column in columns.prefix(2) where coverage.cell(row, column).isEmpty {
                coverage.fail(row, column, "a service code and a district (or total)", into: &errors)
            }
            for column in columns.dropFirst(2) { _ = coverage.number(row, column, "a number", into: &errors) }
            rows.append(coverage.header.indices.map { coverage.cell(row, $0) })
        }
        try errors.throwIfAny()
        let equality = try readEquality(equalityBytes, file: label("service_equality.csv"))
        guard equality.header.first == "service", equality.rows.allSatisfy({ !$0[0].isEmpty }) else {
            throw InputErrors([InputError(file: label("service_equality.csv"), column: "service",
                                          expected: "a first column naming each row's service")])
        }
        let areas = try files["area_services.csv"].map { try readAreaServices($0, areaIDs: areaIDs, file: label("area_services.csv")) } ?? [:]
        return PlanRecord.ServiceText(coverage: PlanRecord.EqualityText(header: coverage.header, rows: rows), equality: equality,
                                      areas: areas)
    }

    /// `area_services.csv` by service and area: every area one of the plan's, weights finite and
    /// not negative, shares in 0...1.
    static func readAreaServices(_ bytes: [UInt8], areaIDs: Set<String>, file: String) throws -> [String: [String: PlanRecord.AreaServiceShares]] {
        let table = try CSVDocument(bytes: bytes, file: file)
        let c = try table.requireColumns(["area_id", "service", "weight", "covered", "outreach"])
        var errors = InputErrorCollector(file: file)
        var byService: [String: [String: PlanRecord.AreaServiceShares]] = [:]
        for row in 0 ..< table.rowCount {
            let area = table.cell(row, c[0]), service = table.cell(row, c[1])
            if !areaIDs.contains(area) { table.fail(row, c[0], "an area of areas.csv", into: &errors) }
            if service.isEmpty { table.fail(row, c[1], "a service code", into: &errors) }
            let weight = table.number(row, c[2], "a need weight of 0 or more", range: 0 ... .greatestFiniteMagnitude, into: &errors)
            let covered = table.number(row, c[3], "a share between 0 and 1", range: 0 ... 1, into: &errors)
            let outreach = table.number(row, c[4], "a share between 0 and 1", range: 0 ... 1, into: &errors)
            guard let weight, let covered, let outreach else { continue }
            byService[service, default: [:]][area] = PlanRecord.AreaServiceShares(weight: weight, covered: covered, outreach: outreach)
        }
        try errors.throwIfAny()
        return byService
    }
}
