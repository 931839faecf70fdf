import Planning

extension PlanRecord {
    /// A plan solved on the spot, as a comparison option: its plan files are made in memory
    /// (without the map, which a comparison does not read) and read back through
    /// `PlanFolderReader`, so a scenario compares exactly as its plan folder would.
    /// Throws `ComparisonError.noPlan` when the solve has no decisions.
    public init(context: PlanContext, name: String, source: String, engineVersion: String) throws {
        guard context.plan.status.hasPlan else { throw ComparisonError.noPlan(option: name, status: context.plan.status) }
        let tables = PlanTables(context)
        var files: [String: [UInt8]] = [
            "summary.json": try PlanSummary(engineVersion: engineVersion, context: context, totals: tables.totals).json(),
            "sites.csv": PlanFiles.sitesCSV(context, tables),
            "areas.csv": PlanFiles.areasCSV(context),
            "estate.geojson": Array(PlanFiles.geoJSON(context, tables).utf8),
            "equality.csv": try PlanEquality.csv(context),
        ]
        if context.plan.services != nil {
            files["services.csv"] = ServiceTables.servicesTable(context).csv
            files["service_equality.csv"] = try ServiceEquality.csv(context)
            files["area_services.csv"] = ServiceTables.areaServicesCSV(context)
        }
        self = try PlanFolderReader.read(files: files, location: source + " (solved)", name: name, source: source)
    }
}
