import ArgumentParser
import Estate
import EstateIO
import Foundation
import Reports

/// `estate report`: a self-contained HTML report (and a PDF when Chromium is installed) of one
/// plan, or of several options of one dataset side by side.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a printable HTML report (and PDF) of one plan or of several options.",
        discussion: """
            Each argument is a plan folder written by `estate plan` (or `estate batch --plans`), or a single \
            frontier folder written by `estate frontier` (the chart and its points). With one \
            folder the report is written to FOLDER/report.html; with several, the options are set side by \
            side (they must be plans of one dataset) in report.html of the current folder. The page holds \
            the option's name and description, the map, every site with its decision and the reason, the \
            district table with county totals, the equality tables, how the plan meets each constraint and \
            the data's caveats; it works offline and prints on A4. When Chromium is installed (or \
            $CHROMIUM names it) the same page is printed to a PDF beside it. Exit codes: 0 written; 1 bad \
            input (not a plan folder, options of different datasets) or the PDF failed. A folder of an infeasible \
            run gives a report of why no plan meets the constraints, alone or as one of several options.
            """
    )

    @Argument(help: "One or more plan folders, or one frontier folder.")
    var folders: [String]

    @Option(name: .long, help: "The HTML file to write (default: FOLDER/report.html for one plan, report.html for several).")
    var out: String?

    @Flag(name: .long, help: "Write the HTML only, even when Chromium is installed.")
    var noPDF = false

    @OptionGroup var quiet: QuietFlag

    func validate() throws {
        if folders.isEmpty { throw ValidationError("give at least one plan folder") }
    }

    func run() throws {
        if folders.count == 1, FrontierReport.isFrontier(folder: folders[0]) {
            return try write(FrontierReport.html(try FrontierReport.read(folder: folders[0])))
        }
        var records: [PlanRecord] = []
        for folder in folders {
            do {
                // A folder may hold a run without a plan: its report explains why there is none.
                records.append(try PlanFolderReader.read(folder: folder, name: ComparisonOption.name(for: folder),
                                                         allowingNoPlan: true))
            } catch let errors as InputErrors {
                throw errors
            } catch {
                throw CommandFailure.InContext(input: folder, error: error)
            }
        }
        try write(try PlanReport.html(records))
    }

    /// Writes `html` where the options say (and its PDF when Chromium is there).
    private func write(_ html: String) throws {
        let target = URL(fileURLWithPath: out ?? (folders.count == 1
            ? URL(fileURLWithPath: folders[0]).appendingPathComponent("report.html").path : "report.html"))
        let pdf = target.deletingPathExtension().appendingPathExtension("pdf")
        let printer = noPDF ? nil : ChromiumPrinter.find()
        // Only an earlier report may be replaced; the PDF beside it only when it is a PDF and
        // the page is new or an earlier report too.
        let refusal = OutputFile.refusal(target.path, signature: Array(PlanReport.generatorMeta.utf8), what: "an earlier Estate report")
            ?? (printer == nil ? nil : OutputFile.refusal(pdf.path, signature: Array("%PDF".utf8), what: "a PDF"))
        if let refusal { throw CommandFailure.Failure(message: "estate: \(refusal); nothing was written") }
        do {
            try Data(html.utf8).write(to: target, options: .atomic)
        } catch {
            throw CommandFailure.Failure(message: "estate: cannot write \(target.path): \(SystemErrorText.describe(error))")
        }
        var written = [target.path]
        if let printer {
            do { try printer.print(html: target.standardizedFileURL, to: pdf) } catch {
                throw CommandFailure.Failure(message: "estate: \(target.path) written, but no PDF: \(error)")
            }
            written.append(pdf.path)
        }
        // A report inside a plan folder becomes part of it, so the folder stays replaceable.
        try? OutputFolder.register(written.map { URL(fileURLWithPath: $0).lastPathComponent },
                                   in: target.deletingLastPathComponent())
        if !quiet.quiet { print("written: " + written.joined(separator: ", ")) }
    }
}
