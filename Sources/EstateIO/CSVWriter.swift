import Foundation
import Quantities

/// Builds CSV text (RFC 4180, LF line ends) with fixed number formatting, so that the same
/// inputs give byte-identical files.
public struct CSVWriter: Sendable {
    /// The text so far, as UTF-8 bytes.
    public private(set) var bytes: [UInt8] = []

    /// Starts a file with its header row.
    public init(header: [String]) {
        row(header)
    }

    /// Appends one row; cells holding a comma, quote, line break or surrounding space are quoted.
    public mutating func row(_ cells: [String]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            CSVWriter.appendEscaped(cell, to: &bytes)
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Appends raw, already-escaped text (used for very large generated files).
    public mutating func appendRaw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    static func appendEscaped(_ cell: String, to bytes: inout [UInt8]) {
        let needsQuotes = cell.utf8.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
            || cell.first == " " || cell.last == " "
        if !needsQuotes {
            bytes.append(contentsOf: cell.utf8)
            return
        }
        bytes.append(34)
        for byte in cell.utf8 {
            if byte == 34 { bytes.append(34) }
            bytes.append(byte)
        }
        bytes.append(34)
    }

    /// `value` with exactly `decimals` digits after the point (half away from zero), `-0` printed
    /// as `0`; integers print without a point when `decimals` is 0.
    public static func format(_ value: Double, decimals: Int) -> String {
        precondition(decimals >= 0 && decimals <= 9)
        guard value.isFinite else { return value.isNaN ? "" : (value > 0 ? "inf" : "-inf") }
        return DecimalText.fixed(value, decimals: decimals) ?? String(format: "%.\(decimals)f", value)
    }
}
