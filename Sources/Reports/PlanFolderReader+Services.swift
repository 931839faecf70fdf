import Estate
import EstateIO

extension PlanFolderReader {
    /// The service tables a v2 plan writes; read when present (a v1 folder has neither).
    static let serviceFiles = ["services.csv", "service_equality.csv"]

    /// A v2 plan's `services.csv` and `service_equality.csv`, validated; nil when the folder has
    /// neither; an error when it has one without the other (files from different runs).
    static func readServices(_ files: [String: [UInt8]], label: (String) -> String) throws -> PlanRecord.ServiceText? {
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
        return PlanRecord.ServiceText(coverage: PlanRecord.EqualityText(header: coverage.header, rows: rows), equality: equality)
    }
}
