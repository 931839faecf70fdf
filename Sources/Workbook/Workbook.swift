import Foundation
import Quantities
import XMLText
import ZIPFoundation

/// A spreadsheet of several sheets, written as an Office Open XML workbook (`.xlsx`) that Excel,
/// LibreOffice and openpyxl open: numbers stay numbers, each shown with its quantity's format
/// (pounds, percentages, minutes), and every sheet's header row is bold and frozen.
///
/// The zip container is ZIPFoundation's; the few XML parts are written as text here, since
/// SpreadsheetML needs only a handful of fixed elements and an XML library would add a
/// dependency for no gain. Output is deterministic: the same sheets give byte-identical files.
public struct Workbook: Sendable {
    /// The sheets in tab order.
    public var sheets: [Sheet]

    public init(sheets: [Sheet]) {
        self.sheets = sheets
    }

    /// One sheet: a header row of column names, then rows of cells.
    public struct Sheet: Sendable {
        /// Tab name (Excel allows 31 characters and no `[]:*?/\`; longer names are cut).
        public var name: String
        public var header: [String]
        public var rows: [[Cell]]

        public init(name: String, header: [String], rows: [[Cell]]) {
            self.name = name
            self.header = header
            self.rows = rows
        }
    }

    /// One cell: text, a number of a known quantity, or nothing.
    public enum Cell: Sendable, Equatable {
        case text(String)
        /// Written rounded to the quantity's precision (as the CSV files are) and shown in its format.
        case number(Double, Quantity)
        /// A whole count (sites, areas), shown without decimals.
        case integer(Int)
        case empty

        /// The cell as CSV text: a number at its quantity's precision (`Quantity.text`), blank when empty.
        public var text: String {
            switch self {
            case .text(let text): return text
            case .number(let value, let quantity): return quantity.text(value)
            case .integer(let value): return String(value)
            case .empty: return ""
            }
        }

        /// A number, or an empty cell when the value is absent or not finite.
        public static func number(_ value: Double?, _ quantity: Quantity) -> Cell {
            guard let value, value.isFinite else { return .empty }
            return .number(value, quantity)
        }
    }

    /// The `.xlsx` file's bytes.
    public func xlsx() throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes()),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbookXML()),
            ("xl/_rels/workbook.xml.rels", workbookRelationships()),
            ("xl/styles.xml", Self.styles),
        ]
        for (k, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(k + 1).xml", Self.sheetXML(sheet))) }
        // A fixed date: the same workbook always zips to the same bytes.
        let date = Date(timeIntervalSince1970: 1_577_836_800)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position) ..< Int(position) + size)
            }
        }
        guard let bytes = archive.data else { throw WorkbookError(reason: "the zip archive was not kept in memory") }
        return [UInt8](bytes)
    }

    // MARK: parts

    private func contentTypes() -> String {
        var xml = Self.prolog + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for k in sheets.indices {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(k + 1).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return xml + "</Types>"
    }

    private let rootRelationships = prolog
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    private func workbookXML() -> String {
        var xml = Self.prolog + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
        var used = Set<String>()
        for k in sheets.indices {
            var name = Self.sheetName(sheets[k].name), n = 1
            while !used.insert(name.lowercased()).inserted { n += 1; name = String(Self.sheetName(sheets[k].name).prefix(28)) + " \(n)" }
            xml += "<sheet name=\"\(XMLText.escaped(name))\" sheetId=\"\(k + 1)\" r:id=\"rId\(k + 1)\"/>"
        }
        return xml + "</sheets></workbook>"
    }

    private func workbookRelationships() -> String {
        var xml = Self.prolog + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for k in sheets.indices {
            xml += "<Relationship Id=\"rId\(k + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                + "Target=\"worksheets/sheet\(k + 1).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }

    /// Cell styles: 0 plain, 1 bold header, then one per quantity (in `Quantity.allCases` order).
    private static let styles: String = {
        var xml = prolog + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        xml += "<numFmts count=\"\(Quantity.allCases.count)\">"
        for (k, quantity) in Quantity.allCases.enumerated() {
            xml += "<numFmt numFmtId=\"\(164 + k)\" formatCode=\"\(XMLText.escaped(quantity.spreadsheetFormat))\"/>"
        }
        xml += "</numFmts>"
        xml += "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        xml += "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        xml += "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        xml += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        xml += "<cellXfs count=\"\(2 + Quantity.allCases.count + 1)\">"
        xml += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        xml += "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        for k in Quantity.allCases.indices {
            xml += "<xf numFmtId=\"\(164 + k)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        }
        xml += "<xf numFmtId=\"3\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        xml += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        return xml + "</styleSheet>"
    }()

    private static func style(_ quantity: Quantity) -> Int { 2 + Quantity.allCases.firstIndex(of: quantity)! }
    private static let integerStyle = 2 + Quantity.allCases.count

    private static func sheetXML(_ sheet: Sheet) -> String {
        let width = max(sheet.header.count, sheet.rows.map(\.count).max() ?? 0)
        var xml = prolog + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        xml += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "<selection pane=\"bottomLeft\"/></sheetView></sheetViews>"
        if width > 0 {
            xml += "<cols>"
            for c in 0 ..< width {
                let longest = ([c < sheet.header.count ? sheet.header[c].count : 0] + sheet.rows.prefix(200).map { row in
                    guard c < row.count else { return 0 }
                    switch row[c] {
                    case .text(let text): return text.count
                    case .number(let value, let quantity): return quantity.text(value).count + 3
                    case .integer(let value): return String(value).count + 2
                    case .empty: return 0
                    }
                }).max() ?? 8
                xml += "<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(min(60, max(8, longest + 2)))\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        xml += row(1, sheet.header.map { Cell.text($0) }, header: true)
        for (r, cells) in sheet.rows.enumerated() { xml += row(r + 2, cells, header: false) }
        return xml + "</sheetData></worksheet>"
    }

    private static func row(_ number: Int, _ cells: [Cell], header: Bool) -> String {
        var xml = "<row r=\"\(number)\">"
        for (c, cell) in cells.enumerated() {
            let ref = column(c) + String(number)
            switch cell {
            case .empty:
                continue
            case .text(let text):
                xml += "<c r=\"\(ref)\" t=\"inlineStr\"\(header ? " s=\"1\"" : "")><is><t xml:space=\"preserve\">\(XMLText.escaped(text))</t></is></c>"
            case .number(let value, let quantity):
                guard value.isFinite else { continue }
                xml += "<c r=\"\(ref)\" s=\"\(style(quantity))\"><v>\(quantity.text(value))</v></c>"
            case .integer(let value):
                xml += "<c r=\"\(ref)\" s=\"\(integerStyle)\"><v>\(value)</v></c>"
            }
        }
        return xml + "</row>"
    }

    /// Column letters: 0 -> A, 25 -> Z, 26 -> AA.
    static func column(_ index: Int) -> String {
        var n = index + 1, letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    static func sheetName(_ name: String) -> String {
        let cleaned = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
        return cleaned.isEmpty ? "Sheet" : cleaned
    }

    static let prolog = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
}

/// The workbook could not be assembled.
public struct WorkbookError: Error, CustomStringConvertible {
    public var reason: String
    public var description: String { "cannot write the workbook: \(reason)" }
}
