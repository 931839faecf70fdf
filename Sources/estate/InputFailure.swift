import ArgumentParser
import Estate
import EstateIO
import Foundation

/// Prints input errors to stderr and exits with FORMAT.md's code for bad input (1).
func failOnInput(_ errors: InputErrors) -> ExitCode {
    FileHandle.standardError.write(Data((errors.description + "\n").utf8))
    return ExitCode(1)
}

/// The scenario or dataset path a subcommand works on: the argument, or the bundled default
/// (`datasets/kent/scenario.yaml`, looked up from the current directory, then beside the binary).
func resolveInputPath(_ argument: String?) throws -> String {
    if let argument { return argument }
    guard let url = InputLoader.defaultScenarioURL() else {
        FileHandle.standardError.write(Data("""
            estate: no scenario given and the default \(InputLoader.defaultScenarioPath) was not found \
            (run from the repository root, or give a scenario file or dataset folder)\n
            """.utf8))
        throw ExitCode(1)
    }
    return url.path
}

/// The output folder of a writing command under `OutputFolder`'s rule, checked now so that a
/// refused `--out` fails before any long work (exit 1, nothing written).
func checkedOutput(_ path: String, kind: OutputFolder.Kind, inputs: [URL]) throws -> OutputFolder {
    let folder = OutputFolder(path: path, kind: kind, inputs: inputs, version: EstateCommand.configuration.version)
    do { try folder.check() } catch {
        FileHandle.standardError.write(Data("estate: \(error)\n".utf8))
        throw ExitCode(1)
    }
    return folder
}

/// Writes a command's files as its whole output folder; a write error exits 1.
func writeOutput(_ files: [(name: String, contents: [UInt8])], to folder: OutputFolder) throws {
    do { try folder.replace(with: files) } catch {
        FileHandle.standardError.write(Data("estate: \(error)\n".utf8))
        throw ExitCode(1)
    }
}

/// Prints warnings about valid but probably wrong inputs to stderr, one a line, then how many.
/// They never change the exit code: the user decides.
func printWarnings(_ warnings: [InputWarning]) {
    guard !warnings.isEmpty else { return }
    let lines = warnings.map(\.description) + ["\(warnings.count) warning\(warnings.count == 1 ? "" : "s")"]
    FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
}
