import EstateIO
import Quantities
import Workbook

/// One table of a result (sites, areas, districts, ...) as typed cells, written both as a CSV
/// file and as a workbook sheet from the same cells, so the two can never disagree.
public struct ReportTable: Sendable {
    /// Sheet name in the workbook ("Sites").
    public var name: String
    public var header: [String]
    public var rows: [[Workbook.Cell]]

    public init(name: String, header: [String], rows: [[Workbook.Cell]] = []) {
        self.name = name
        self.header = header
        self.rows = rows
    }

    /// The CSV text: the same cells as the sheet, each as `Workbook.Cell.text`.
    public var csv: [UInt8] {
        var writer = CSVWriter(header: header)
        for row in rows { writer.row(row.map(\.text)) }
        return writer.bytes
    }

    /// The workbook sheet.
    public var sheet: Workbook.Sheet { Workbook.Sheet(name: name, header: header, rows: rows) }

    /// A table read from CSV text whose numeric columns have known quantities (other cells stay
    /// text): for tables another module writes as text, such as `equality.csv`.
    public static func parsing(_ rows: [[String]], name: String, header: [String], quantities: [String: Quantity],
                               integers: Set<String> = []) -> ReportTable {
        let kinds = header.map { quantities[$0] }
        let whole = header.map { integers.contains($0) }
        return ReportTable(name: name, header: header, rows: rows.map { row in
            row.enumerated().map { c, text in
                if text.isEmpty { return .empty }
                if c < whole.count, whole[c], let value = Int(text) { return .integer(value) }
                if c < kinds.count, let quantity = kinds[c], let value = Double(text) { return .number(value, quantity) }
                return .text(text)
            }
        })
    }
}
