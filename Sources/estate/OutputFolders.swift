import EstateIO
import Foundation

/// The output folder of a writing command under `OutputFolder`'s rule, checked now so that a
/// refused `--out` fails before any long work (exit 1, nothing written).
func checkedOutput(_ path: String, kind: OutputFolder.Kind, inputs: [URL]) throws -> OutputFolder {
    let folder = OutputFolder(path: path, kind: kind, inputs: inputs, version: EstateCommand.configuration.version)
    try folder.check()
    return folder
}

/// Writes a command's files as its whole output folder.
func writeOutput(_ files: [(name: String, contents: [UInt8])], to folder: OutputFolder) throws {
    try folder.replace(with: files)
}
