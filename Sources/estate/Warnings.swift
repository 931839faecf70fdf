import Estate
import Foundation

/// Prints warnings about valid but probably wrong inputs to stderr, one a line, then how many.
/// They never change the exit code: the user decides.
func printWarnings(_ warnings: [InputWarning]) {
    guard !warnings.isEmpty else { return }
    let lines = warnings.map(\.description) + ["\(warnings.count) warning\(warnings.count == 1 ? "" : "s")"]
    FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
}
