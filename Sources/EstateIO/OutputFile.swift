import Foundation

/// `OutputFolder`'s rule for commands that write single files (`estate merge`'s database and
/// CSV export, `estate report`'s HTML and PDF): a file may be replaced only when it is one Estate
/// wrote before, recognised by a signature in its first bytes, so a mistyped `--out` cannot
/// overwrite someone's document.
public enum OutputFile {
    /// How far into a file its signature is looked for.
    static let signatureWindow = 4096

    /// Why `path` may not be written, or nil when nothing is there or it is a regular file whose
    /// first bytes contain `signature`. `what` names the kind of file Estate would replace
    /// ("a results database").
    public static func refusal(_ path: String, signature: [UInt8], what: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { return "\(path) is a folder, not \(what)" }
        if let problem = SystemErrorText.problemReading(path) { return "\(path) \(problem)" }
        guard let handle = FileHandle(forReadingAtPath: path) else { return "\(path) cannot be read" }
        defer { try? handle.close() }
        let start = [UInt8]((try? handle.read(upToCount: signatureWindow)) ?? Data())
        return contains(start, signature) ? nil : "\(path) is an existing file, not \(what)"
    }

    private static func contains(_ bytes: [UInt8], _ signature: [UInt8]) -> Bool {
        guard !signature.isEmpty, bytes.count >= signature.count else { return signature.isEmpty }
        return (0 ... bytes.count - signature.count).contains { bytes[$0 ..< $0 + signature.count].elementsEqual(signature) }
    }
}
